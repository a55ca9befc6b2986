"use client";

import { useRouter } from "next/navigation";
import { useState, type ReactNode } from "react";
import { Button, type ButtonProps } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { useToast } from "@/components/ui/toast";
import type { ActionResult } from "@/lib/actions/action";

export type ConfirmActionButtonProps<T> = {
  label: string;
  title: string;
  description: ReactNode;
  confirmLabel: string;
  tone?: "danger" | "primary";
  variant?: ButtonProps["variant"];
  size?: ButtonProps["size"];
  run: () => Promise<ActionResult<T>>;
  success: (data: T) => string;
  onDone?: (data: T) => void;
};

/** A button whose action needs a confirmation first; the result is toasted and the page refreshed. */
export function ConfirmActionButton<T>({ label, title, description, confirmLabel, tone = "danger", variant = "secondary", size, run, success, onDone }: ConfirmActionButtonProps<T>) {
  const router = useRouter();
  const { toast } = useToast();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);

  async function confirm() {
    setBusy(true);
    const result = await run();
    setBusy(false);
    setOpen(false);
    if (!result.ok) return toast({ title: "Not done", description: result.message, tone: "error" });
    toast({ title: success(result.data), tone: "success" });
    onDone?.(result.data);
    router.refresh();
  }

  return (
    <>
      <Button variant={variant} size={size} onClick={() => setOpen(true)}>
        {label}
      </Button>
      <ConfirmDialog open={open} title={title} description={description} confirmLabel={confirmLabel} tone={tone} busy={busy} onConfirm={confirm} onCancel={() => setOpen(false)} />
    </>
  );
}
