import Link from "next/link";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import type { GroupDto } from "@/lib/groups/schema";

export function GroupsTable({ groups }: { groups: GroupDto[] }) {
  return (
    <Table aria-label="Groups">
      <THead>
        <TR>
          <TH>Name</TH>
          <TH>Description</TH>
          <TH>Organization</TH>
          <TH className="text-right">Members</TH>
        </TR>
      </THead>
      <TBody>
        {groups.map((group) => (
          <TR key={group.id}>
            <TD>
              <Link href={`/admin/groups/${group.id}`} className="font-medium text-indigo-700 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-600">
                {group.name}
              </Link>
            </TD>
            <TD className="max-w-md truncate">{group.description}</TD>
            <TD>{group.org_name}</TD>
            <TD className="text-right tabular-nums">{group.member_count}</TD>
          </TR>
        ))}
      </TBody>
    </Table>
  );
}
