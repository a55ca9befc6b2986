"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button, ButtonLink } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { useToast } from "@/components/ui/toast";
import type { ActionResult } from "@/lib/actions/action";
import type { UserDto } from "@/lib/users/schema";

type Props = {
  user: Pick<UserDto, "id" | "username" | "is_active">;
  canUpdate: boolean;
  canDelete: boolean;
  setActive: (input: { id: string; changes: { is_active: boolean } }) => Promise<ActionResult<unknown>>;
  remove: (input: { id: string }) => Promise<ActionResult<unknown>>;
};

/** Edit, activate/deactivate and delete, each destructive step behind a confirmation. */
export function UserActions({ user, canUpdate, canDelete, setActive, remove }: Props) {
  const router = useRouter();
  const { toast } = useToast();
  const [pending, setPending] = useState<"toggle" | "delete" | null>(null);
  const [busy, setBusy] = useState(false);

  async function run(kind: "toggle" | "delete") {
    setBusy(true);
    const result = kind === "delete" ? await remove({ id: user.id }) : await setActive({ id: user.id, changes: { is_active: !user.is_active } });
    setBusy(false);
    setPending(null);
    if (!result.ok) return toast({ title: "Not done", description: result.message, tone: "error" });
    if (kind === "delete") {
      toast({ title: `Deleted ${user.username}`, tone: "success" });
      router.push("/admin/users");
    } else {
      toast({ title: user.is_active ? `Deactivated ${user.username}` : `Activated ${user.username}`, tone: "success" });
    }
    router.refresh();
  }

  return (
    <div className="flex flex-wrap gap-2">
      {canUpdate ? (
        <>
          <ButtonLink href={`/admin/users/${user.id}/edit`} variant="secondary">
            Edit
          </ButtonLink>
          <Button variant="secondary" onClick={() => setPending("toggle")}>
            {user.is_active ? "Deactivate" : "Activate"}
          </Button>
        </>
      ) : null}
      {canDelete ? (
        <Button variant="danger" onClick={() => setPending("delete")}>
          Delete
        </Button>
      ) : null}
      <ConfirmDialog
        open={pending === "toggle"}
        title={user.is_active ? `Deactivate ${user.username}?` : `Activate ${user.username}?`}
        description={user.is_active ? "They are signed out everywhere at once and their tokens stop working. History is kept." : "They can sign in and use their tokens again."}
        confirmLabel={user.is_active ? "Deactivate" : "Activate"}
        tone={user.is_active ? "danger" : "primary"}
        busy={busy}
        onConfirm={() => run("toggle")}
        onCancel={() => setPending(null)}
      />
      <ConfirmDialog
        open={pending === "delete"}
        title={`Delete ${user.username}?`}
        description="This permanently removes the user with their group memberships, tokens, sessions, MFA credentials and attribute values. Audit events are kept. This cannot be undone."
        confirmLabel="Delete user"
        tone="danger"
        busy={busy}
        onConfirm={() => run("delete")}
        onCancel={() => setPending(null)}
      />
    </div>
  );
}
