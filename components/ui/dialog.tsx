"use client";

import { useEffect, useId, useRef } from "react";
import type { ReactNode, SyntheticEvent, MouseEvent } from "react";
import { Button } from "./button";

export type ConfirmDialogProps = {
  open: boolean;
  title: ReactNode;
  description?: ReactNode;
  confirmLabel: ReactNode;
  cancelLabel?: ReactNode;
  tone?: "danger" | "primary";
  onConfirm: () => void;
  onCancel: () => void;
  busy?: boolean;
  /** Optional extra content (e.g. a form field) rendered under the description. */
  children?: ReactNode;
};

/** Modal confirmation built on native <dialog> + showModal() (focus trap, Escape → onCancel). */
export function ConfirmDialog({
  open,
  title,
  description,
  confirmLabel,
  cancelLabel = "Cancel",
  tone = "primary",
  onConfirm,
  onCancel,
  busy = false,
  children,
}: ConfirmDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const descId = useId();

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      cancelRef.current?.focus();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open]);

  // Escape key: keep the dialog controlled by the parent.
  function handleCancel(e: SyntheticEvent<HTMLDialogElement>) {
    e.preventDefault();
    if (!busy) onCancel();
  }

  // Closed by the browser anyway (e.g. repeated Escape): sync the parent.
  function handleClose() {
    if (open) onCancel();
  }

  // Click on the backdrop (target is the <dialog> itself, not its content).
  function handleClick(e: MouseEvent<HTMLDialogElement>) {
    if (e.target === e.currentTarget && !busy) onCancel();
  }

  return (
    <dialog
      ref={dialogRef}
      aria-labelledby={titleId}
      aria-describedby={description ? descId : undefined}
      onCancel={handleCancel}
      onClose={handleClose}
      onClick={handleClick}
      className="m-auto w-full max-w-md rounded-md border border-zinc-200 bg-white p-0 text-sm text-zinc-700 shadow-xl backdrop:bg-zinc-900/50"
    >
      <div className="px-6 pt-5 pb-4">
        <h2 id={titleId} className="text-base font-semibold text-zinc-900">
          {title}
        </h2>
        {description ? (
          <div id={descId} className="mt-2 text-zinc-600">
            {description}
          </div>
        ) : null}
        {children ? <div className="mt-4">{children}</div> : null}
      </div>
      <div className="flex justify-end gap-2 border-t border-zinc-200 bg-zinc-50 px-6 py-3">
        <Button ref={cancelRef} variant="secondary" onClick={onCancel} disabled={busy}>
          {cancelLabel}
        </Button>
        <Button variant={tone === "danger" ? "danger" : "primary"} onClick={onConfirm} loading={busy}>
          {confirmLabel}
        </Button>
      </div>
    </dialog>
  );
}
