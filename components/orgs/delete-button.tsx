"use client";

import { useRouter } from "next/navigation";
import { useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { useToast } from "@/components/ui/toast";
import type { ActionResult } from "@/lib/actions/action";

type Props = {
  id: string;
  /** What is deleted, e.g. `group "Ops"`. */
  what: string;
  consequences: ReactNode;
  remove: (input: { id: string }) => Promise<ActionResult<unknown>>;
  /** Where to go afterwards (the list). */
  afterHref: string;
  label?: string;
};

/** A destructive delete behind a confirmation dialog, with a toast for the result. */
export function DeleteButton({ id, what, consequences, remove, afterHref, label = "Delete" }: Props) {
  const router = useRouter();
  const { toast } = useToast();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);

  async function confirm() {
    setBusy(true);
    const result = await remove({ id });
    setBusy(false);
    setOpen(false);
    if (!result.ok) return toast({ title: "Not deleted", description: result.message, tone: "error" });
    toast({ title: `Deleted ${what}`, tone: "success" });
    router.push(afterHref);
    router.refresh();
  }

  return (
    <>
      <Button variant="danger" onClick={() => setOpen(true)}>
        {label}
      </Button>
      <ConfirmDialog open={open} title={`Delete ${what}?`} description={consequences} confirmLabel={label} tone="danger" busy={busy} onConfirm={confirm} onCancel={() => setOpen(false)} />
    </>
  );
}
