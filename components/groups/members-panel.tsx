"use client";

import { useRouter } from "next/navigation";
import Link from "next/link";
import { useCallback, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { useToast } from "@/components/ui/toast";
import type { ActionResult } from "@/lib/actions/action";
import type { MemberDto } from "@/lib/orgs/schema";
import { ItemPicker } from "./user-picker";

type Change = (input: { id: string; user_ids: string[] }) => Promise<ActionResult<{ changed: string[] }>>;

export type MembersPanelProps = {
  /** The group or organization id. */
  id: string;
  /** "the group Ops", "Acme": used in messages. */
  name: string;
  members: MemberDto[];
  canManage: boolean;
  add: Change;
  remove: Change;
  search: (input: { id: string; q: string }) => Promise<ActionResult<MemberDto[]>>;
};

/** Members of a group or an organization: the list, removal behind a confirmation, and a picker to add people. */
export function MembersPanel({ id, name, members, canManage, add, remove, search }: MembersPanelProps) {
  const router = useRouter();
  const { toast } = useToast();
  const [removing, setRemoving] = useState<MemberDto | null>(null);
  const [busy, setBusy] = useState(false);

  const searchUsers = useCallback(
    async (q: string) => {
      const result = await search({ id, q });
      return result.ok ? { ok: true as const, data: result.data.map((u) => ({ id: u.id, label: u.name, detail: `${u.username} · ${u.email}` })) } : result;
    },
    [id, search],
  );

  async function addUsers(userIds: string[]) {
    const result = await add({ id, user_ids: userIds });
    if (!result.ok) {
      toast({ title: "Members not added", description: result.message, tone: "error" });
      return false;
    }
    toast({ title: `Added ${result.data.changed.length} member${result.data.changed.length === 1 ? "" : "s"} to ${name}`, tone: "success" });
    router.refresh();
    return true;
  }

  async function confirmRemove() {
    if (!removing) return;
    setBusy(true);
    const result = await remove({ id, user_ids: [removing.id] });
    setBusy(false);
    setRemoving(null);
    if (!result.ok) return toast({ title: "Member not removed", description: result.message, tone: "error" });
    toast({ title: `Removed ${removing.username} from ${name}`, tone: "success" });
    router.refresh();
  }

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
      <div>
        {members.length === 0 ? (
          <EmptyState title="No members yet" description={canManage ? "Find people on the right and add them." : undefined} />
        ) : (
          <Table aria-label={`Members of ${name}`}>
            <THead>
              <TR>
                <TH>User</TH>
                <TH>Email</TH>
                <TH>Status</TH>
                {canManage ? <TH className="text-right">Actions</TH> : null}
              </TR>
            </THead>
            <TBody>
              {members.map((m) => (
                <TR key={m.id}>
                  <TD>
                    <Link href={`/admin/users/${m.id}`} className="font-medium text-indigo-700 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-600">
                      {m.name}
                    </Link>
                    <span className="block text-xs text-zinc-500">{m.username}</span>
                  </TD>
                  <TD>{m.email}</TD>
                  <TD>
                    <span className="inline-flex gap-1">
                      <Badge tone={m.is_active ? "green" : "neutral"}>{m.is_active ? "Active" : "Inactive"}</Badge>
                      {m.is_admin ? <Badge tone="blue">Super-admin</Badge> : null}
                      {m.is_service_account ? <Badge>Service account</Badge> : null}
                    </span>
                  </TD>
                  {canManage ? (
                    <TD className="text-right">
                      <Button size="sm" variant="secondary" onClick={() => setRemoving(m)} aria-label={`Remove ${m.username}`}>
                        Remove
                      </Button>
                    </TD>
                  ) : null}
                </TR>
              ))}
            </TBody>
          </Table>
        )}
      </div>
      {canManage ? (
        <Card>
          <CardHeader title="Add members" />
          <CardBody>
            <ItemPicker label="Find users" placeholder="Name, username or email" search={searchUsers} addLabel="Add members" onAdd={addUsers} />
          </CardBody>
        </Card>
      ) : null}
      <ConfirmDialog
        open={removing !== null}
        title={`Remove ${removing?.username ?? ""} from ${name}?`}
        description="They lose whatever this membership gave them at once."
        confirmLabel="Remove"
        tone="danger"
        busy={busy}
        onConfirm={confirmRemove}
        onCancel={() => setRemoving(null)}
      />
    </div>
  );
}
