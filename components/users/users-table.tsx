import { Badge } from "@/components/ui/badge";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import type { UserDto } from "@/lib/users/schema";
import { UserStatusBadge } from "./user-status-badge";

const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
const formatDate = (iso: string | null) => (iso ? `${dateFormat.format(new Date(iso))} UTC` : "Never");

export function UsersTable({ users }: { users: UserDto[] }) {
  return (
    <Table aria-label="Users">
      <THead>
        <TR>
          <TH>Name</TH>
          <TH>Username</TH>
          <TH>Email</TH>
          <TH>Source</TH>
          <TH>Status</TH>
          <TH>Last sign-in</TH>
        </TR>
      </THead>
      <TBody>
        {users.map((user) => (
          <TR key={user.id}>
            <TD className="font-medium text-zinc-900">
              <span className="inline-flex items-center gap-2">
                {user.name}
                {user.is_admin ? <Badge tone="blue">Super-admin</Badge> : null}
                {user.is_service_account ? <Badge tone="neutral">Service account</Badge> : null}
              </span>
            </TD>
            <TD>{user.username}</TD>
            <TD>{user.email}</TD>
            <TD>{user.auth_source}</TD>
            <TD>
              <UserStatusBadge user={user} />
            </TD>
            <TD className="whitespace-nowrap text-zinc-600">{formatDate(user.last_login_at)}</TD>
          </TR>
        ))}
      </TBody>
    </Table>
  );
}
