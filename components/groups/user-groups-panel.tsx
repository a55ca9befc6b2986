"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { useToast } from "@/components/ui/toast";
import type { ActionResult } from "@/lib/actions/action";
import type { UserGroupDto } from "@/lib/groups/schema";
import { ItemPicker } from "./user-picker";

type Change = (input: { id: string; group_ids: string[] }) => Promise<ActionResult<{ changed: string[] }>>;

type Props = {
  userId: string;
  username: string;
  groups: UserGroupDto[];
  /** Whether the actor manages groups anywhere (the server still decides per group). */
  canManage: boolean;
  add: Change;
  remove: Change;
  search: (input: { id: string; q: string }) => Promise<ActionResult<Array<Omit<UserGroupDto, "added_at">>>>;
};

/** The user page's Groups tab: the user's groups, removal behind a confirmation, and a picker to add more. */
export function UserGroupsPanel({ userId, username, groups, canManage, add, remove, search }: Props) {
  const router = useRouter();
  const { toast } = useToast();
  const [removing, setRemoving] = useState<UserGroupDto | null>(null);
  const [busy, setBusy] = useState(false);

  const searchGroups = useCallback(
    async (q: string) => {
      const result = await search({ id: userId, q });
      return result.ok ? { ok: true as const, data: result.data.map((g) => ({ id: g.id, label: g.name, detail: g.org_name })) } : result;
    },
    [userId, search],
  );

  async function addGroups(groupIds: string[]) {
    const result = await add({ id: userId, group_ids: groupIds });
    if (!result.ok) {
      toast({ title: "Not added to the groups", description: result.message, tone: "error" });
      return false;
    }
    toast({ title: `Added ${username} to ${result.data.changed.length} group${result.data.changed.length === 1 ? "" : "s"}`, tone: "success" });
    router.refresh();
    return true;
  }

  async function confirmRemove() {
    if (!removing) return;
    setBusy(true);
    const result = await remove({ id: userId, group_ids: [removing.id] });
    setBusy(false);
    setRemoving(null);
    if (!result.ok) return toast({ title: "Not removed from the group", description: result.message, tone: "error" });
    toast({ title: `Removed ${username} from ${removing.name}`, tone: "success" });
    router.refresh();
  }

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
      {groups.length === 0 ? (
        <EmptyState title="Not in any group" description={canManage ? "Find groups on the right and add the user to them." : undefined} />
      ) : (
        <Table aria-label={`Groups of ${username}`}>
          <THead>
            <TR>
              <TH>Group</TH>
              <TH>Organization</TH>
              {canManage ? <TH className="text-right">Actions</TH> : null}
            </TR>
          </THead>
          <TBody>
            {groups.map((g) => (
              <TR key={g.id}>
                <TD>
                  <Link href={`/admin/groups/${g.id}`} className="font-medium text-indigo-700 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-600">
                    {g.name}
                  </Link>
                  {g.description ? <span className="block text-xs text-zinc-500">{g.description}</span> : null}
                </TD>
                <TD>{g.org_name}</TD>
                {canManage ? (
                  <TD className="text-right">
                    <Button size="sm" variant="secondary" onClick={() => setRemoving(g)} aria-label={`Remove from ${g.name}`}>
                      Remove
                    </Button>
                  </TD>
                ) : null}
              </TR>
            ))}
          </TBody>
        </Table>
      )}
      {canManage ? (
        <Card>
          <CardHeader title="Add to groups" />
          <CardBody>
            <ItemPicker label="Find groups" placeholder="Group name" search={searchGroups} addLabel="Add to groups" onAdd={addGroups} />
          </CardBody>
        </Card>
      ) : null}
      <ConfirmDialog
        open={removing !== null}
        title={`Remove ${username} from ${removing?.name ?? ""}?`}
        description="They lose the roles this group gives them at once."
        confirmLabel="Remove"
        tone="danger"
        busy={busy}
        onConfirm={confirmRemove}
        onCancel={() => setRemoving(null)}
      />
    </div>
  );
}
