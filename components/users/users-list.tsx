"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { useToast } from "@/components/ui/toast";
import type { ActionResult } from "@/lib/actions/action";
import type { BulkResult, BulkUsersInput, UserDto } from "@/lib/users/schema";
import { UsersTable } from "./users-table";

type Action = BulkUsersInput["action"];
const VERBS: Record<Action, string> = { activate: "Activate", deactivate: "Deactivate", delete: "Delete" };

type Props = { users: UserDto[]; canBulk: boolean; bulk: (input: BulkUsersInput) => Promise<ActionResult<BulkResult[]>> };

/** The users table with selection and bulk activate / deactivate / delete; each row reports its own result. */
export function UsersList({ users, canBulk, bulk }: Props) {
  const router = useRouter();
  const { toast } = useToast();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [pending, setPending] = useState<Action | null>(null);
  const [busy, setBusy] = useState(false);

  const toggle = (id: string) => setSelected((s) => (s.has(id) ? new Set([...s].filter((x) => x !== id)) : new Set([...s, id])));
  const toggleAll = () => setSelected((s) => (users.every((u) => s.has(u.id)) ? new Set() : new Set(users.map((u) => u.id))));

  async function run(action: Action) {
    setBusy(true);
    const result = await bulk({ action, user_ids: [...selected] });
    setBusy(false);
    setPending(null);
    if (!result.ok) return toast({ title: `${VERBS[action]} failed`, description: result.message, tone: "error" });
    const failed = result.data.filter((r) => !r.ok);
    const names = new Map(users.map((u) => [u.id, u.username]));
    toast({
      title: `${VERBS[action]}: ${result.data.length - failed.length} done, ${failed.length} skipped`,
      description: failed.map((f) => `${names.get(f.id) ?? f.id}: ${f.message}`).join(" ") || undefined,
      tone: failed.length ? "info" : "success",
    });
    setSelected(new Set(failed.map((f) => f.id)));
    router.refresh();
  }

  return (
    <div className="space-y-3">
      {canBulk && selected.size > 0 ? (
        <div className="flex items-center gap-2 rounded-md border border-indigo-200 bg-indigo-50 px-3 py-2 text-sm" role="region" aria-label="Bulk actions">
          <span className="mr-2 font-medium">{selected.size} selected</span>
          {(["activate", "deactivate", "delete"] as const).map((action) => (
            <Button key={action} size="sm" variant={action === "delete" ? "danger" : "secondary"} onClick={() => setPending(action)}>
              {VERBS[action]}
            </Button>
          ))}
        </div>
      ) : null}
      <UsersTable users={users} selected={canBulk ? selected : undefined} onToggle={canBulk ? toggle : undefined} onToggleAll={canBulk ? toggleAll : undefined} />
      <ConfirmDialog
        open={pending !== null}
        title={`${pending ? VERBS[pending] : ""} ${selected.size} user(s)?`}
        description={
          pending === "delete"
            ? "Selected users are removed for good with their memberships, tokens, sessions and MFA credentials. Protected users are skipped."
            : pending === "deactivate"
              ? "Selected users are signed out everywhere and their tokens stop working. Protected users are skipped."
              : "Selected users can sign in again."
        }
        confirmLabel={pending ? VERBS[pending] : "Confirm"}
        tone={pending === "activate" ? "primary" : "danger"}
        busy={busy}
        onConfirm={() => pending && run(pending)}
        onCancel={() => setPending(null)}
      />
    </div>
  );
}
