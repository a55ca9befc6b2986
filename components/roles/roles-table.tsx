import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import type { RoleDto } from "@/lib/roles/schema";

export function RolesTable({ roles, label }: { roles: RoleDto[]; label: string }) {
  return (
    <Table aria-label={label}>
      <THead>
        <TR>
          <TH>Name</TH>
          <TH>Description</TH>
          <TH className="text-right">Permissions</TH>
        </TR>
      </THead>
      <TBody>
        {roles.map((role) => (
          <TR key={role.id}>
            <TD>
              <Link href={`/admin/roles/${role.id}`} className="font-medium text-indigo-700 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-600">
                {role.name}
              </Link>
              {role.is_builtin ? <Badge className="ml-2">Built-in</Badge> : null}
            </TD>
            <TD className="max-w-md">{role.description}</TD>
            <TD className="text-right tabular-nums">{role.permissions.length}</TD>
          </TR>
        ))}
      </TBody>
    </Table>
  );
}
