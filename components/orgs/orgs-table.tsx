import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import type { OrgDto } from "@/lib/orgs/schema";

export function OrgsTable({ orgs }: { orgs: OrgDto[] }) {
  return (
    <Table aria-label="Organizations">
      <THead>
        <TR>
          <TH>Name</TH>
          <TH>Description</TH>
          <TH className="text-right">Members</TH>
          <TH className="text-right">Groups</TH>
        </TR>
      </THead>
      <TBody>
        {orgs.map((org) => (
          <TR key={org.id}>
            <TD>
              <Link href={`/admin/orgs/${org.id}`} className="font-medium text-indigo-700 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-600">
                {org.name}
              </Link>
              {org.is_default ? <Badge className="ml-2">Default</Badge> : null}
            </TD>
            <TD className="max-w-md truncate">{org.description}</TD>
            <TD className="text-right tabular-nums">{org.member_count}</TD>
            <TD className="text-right tabular-nums">{org.group_count}</TD>
          </TR>
        ))}
      </TBody>
    </Table>
  );
}
