"use client";

import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { Badge } from "@/components/ui/badge";
import { SortLink, sortState } from "@/components/ui/sort-link";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import type { UserDto } from "@/lib/users/schema";
import { UserStatusBadge } from "./user-status-badge";

const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
const formatDate = (iso: string | null) => (iso ? `${dateFormat.format(new Date(iso))} UTC` : "Never");

type Props = { users: UserDto[]; selected?: Set<string>; onToggle?: (id: string) => void; onToggleAll?: () => void };

const DEFAULT_SORT = "-created_at";

export function UsersTable({ users, selected, onToggle, onToggleAll }: Props) {
  const sort = useSearchParams().get("sort") ?? DEFAULT_SORT;
  const selectable = !!selected && !!onToggle;
  const allSelected = selectable && users.length > 0 && users.every((u) => selected.has(u.id));
  return (
    <Table aria-label="Users">
      <THead>
        <TR>
          {selectable ? (
            <TH className="w-10">
              <input type="checkbox" aria-label="Select all users on this page" checked={allSelected} onChange={onToggleAll} />
            </TH>
          ) : null}
          <TH>Name</TH>
          <TH aria-sort={sortState(sort, "username")}>
            <SortLink field="username" label="Username" defaultSort={DEFAULT_SORT} />
          </TH>
          <TH aria-sort={sortState(sort, "email")}>
            <SortLink field="email" label="Email" defaultSort={DEFAULT_SORT} />
          </TH>
          <TH>Source</TH>
          <TH>Status</TH>
          <TH aria-sort={sortState(sort, "last_login_at")}>
            <SortLink field="last_login_at" label="Last sign-in" defaultSort={DEFAULT_SORT} />
          </TH>
        </TR>
      </THead>
      <TBody>
        {users.map((user) => (
          <TR key={user.id}>
            {selectable ? (
              <TD>
                <input type="checkbox" aria-label={`Select ${user.username}`} checked={selected.has(user.id)} onChange={() => onToggle(user.id)} />
              </TD>
            ) : null}
            <TD className="font-medium text-zinc-900">
              <span className="inline-flex items-center gap-2">
                <Link href={`/admin/users/${user.id}`} className="hover:underline focus-visible:outline-2 focus-visible:outline-indigo-600">
                  {user.name}
                </Link>
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
