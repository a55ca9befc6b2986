"use client";

import { useEffect, useId, useRef, type ReactNode, type SyntheticEvent } from "react";

type Props = {
  open: boolean;
  title: ReactNode;
  description?: ReactNode;
  /** Escape and the backdrop call it too — unless `dismissible` is false (e.g. while a secret is shown). */
  onClose: () => void;
  dismissible?: boolean;
  children: ReactNode;
};

/** A modal on native <dialog> + showModal(): focus stays inside, Escape closes (like ConfirmDialog, for content). */
export function Modal({ open, title, description, onClose, dismissible = true, children }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    else if (!open && dialog.open) dialog.close();
  }, [open]);

  function handleCancel(e: SyntheticEvent<HTMLDialogElement>) {
    e.preventDefault();
    if (dismissible) onClose();
  }

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      aria-describedby={description ? descId : undefined}
      onCancel={handleCancel}
      onClick={(e) => e.target === e.currentTarget && dismissible && onClose()}
      className="m-auto w-full max-w-lg rounded-md border border-zinc-200 bg-white p-0 text-sm text-zinc-700 shadow-xl backdrop:bg-zinc-900/50"
    >
      {open ? (
        <div className="px-6 pt-5 pb-5">
          <h2 id={titleId} className="text-base font-semibold text-zinc-900">
            {title}
          </h2>
          {description ? (
            <div id={descId} className="mt-1 text-zinc-600">
              {description}
            </div>
          ) : null}
          <div className="mt-4">{children}</div>
        </div>
      ) : null}
    </dialog>
  );
}
