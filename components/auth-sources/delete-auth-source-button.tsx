"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { useToast } from "@/components/ui/toast";
import type { ActionResult } from "@/lib/actions/action";
import type { AuthSourceDto } from "@/lib/auth-sources/schema";

/** Deletes an unused source; one that users come from is refused by the server (disable it instead). */
export function DeleteAuthSourceButton({ source, action }: { source: Pick<AuthSourceDto, "id" | "slug" | "user_count">; action: (input: { id: string }) => Promise<ActionResult<{ id: string }>> }) {
  const router = useRouter();
  const { toast } = useToast();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);

  async function confirm() {
    setBusy(true);
    const result = await action({ id: source.id });
    setBusy(false);
    setOpen(false);
    if (!result.ok) return toast({ title: "Not deleted", description: result.message, tone: "error" });
    toast({ title: `Deleted ${source.slug}`, tone: "success" });
    router.push("/admin/settings/auth-sources");
    router.refresh();
  }

  return (
    <>
      <Button variant="danger" onClick={() => setOpen(true)}>
        Delete
      </Button>
      <ConfirmDialog
        open={open}
        title={`Delete ${source.slug}?`}
        description={
          source.user_count > 0
            ? `${source.user_count} user(s) sign in through this source, so it cannot be deleted. Disable it instead.`
            : "Nobody signs in through this source. Its settings and stored secrets are removed."
        }
        confirmLabel="Delete source"
        tone="danger"
        busy={busy}
        onConfirm={confirm}
        onCancel={() => setOpen(false)}
      />
    </>
  );
}
