import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import type { AuthSourceDto } from "@/lib/auth-sources/schema";

const TYPES = { ldap: "LDAP", oidc: "OpenID Connect" } as const;

/** The built-in internal source first, then the configured ones in sign-in order. */
export function AuthSourcesTable({ sources }: { sources: AuthSourceDto[] }) {
  return (
    <Table aria-label="Authentication sources">
      <THead>
        <tr>
          <TH>Name</TH>
          <TH>Slug</TH>
          <TH>Type</TH>
          <TH>Status</TH>
          <TH>Order</TH>
          <TH>Users</TH>
        </tr>
      </THead>
      <TBody>
        <TR>
          <TD className="font-medium text-zinc-900">Local accounts</TD>
          <TD className="font-mono text-xs">internal</TD>
          <TD>Built in (passwords in Gatehouse)</TD>
          <TD>
            <Badge tone="green">Enabled</Badge>
          </TD>
          <TD>First</TD>
          <TD>—</TD>
        </TR>
        {sources.map((source) => (
          <TR key={source.id}>
            <TD>
              <Link href={`/admin/settings/auth-sources/${source.id}`} className="font-medium text-indigo-600 hover:text-indigo-500 focus-visible:outline-2 focus-visible:outline-indigo-600">
                {source.name}
              </Link>
            </TD>
            <TD className="font-mono text-xs">{source.slug}</TD>
            <TD>{TYPES[source.type]}</TD>
            <TD>
              <Badge tone={source.enabled ? "green" : "neutral"}>{source.enabled ? "Enabled" : "Disabled"}</Badge>
            </TD>
            <TD>{source.position}</TD>
            <TD>{source.user_count}</TD>
          </TR>
        ))}
      </TBody>
    </Table>
  );
}
