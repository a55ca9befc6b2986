"use client";

import { signOut } from "next-auth/react";
import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { FormField, fieldDescribedBy } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import type { ActionResult } from "@/lib/actions/action";

export type ReauthenticateAction = (input: { password: string }) => Promise<ActionResult<null>>;

type Props = {
  open: boolean;
  /** Only Gatehouse passwords can be checked here; other people sign in again. */
  canUsePassword: boolean;
  reauthenticate: ReauthenticateAction;
  onDone: (confirmed: boolean) => void;
};

/** "Confirm it's you": a modal password prompt (native <dialog>: focus trap, Escape cancels). */
export function ReauthDialog({ open, canUsePassword, reauthenticate, onDone }: Props) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const titleId = useId();
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      inputRef.current?.focus();
    } else if (!open && dialog.open) dialog.close();
  }, [open]);

  const finish = (confirmed: boolean) => {
    setPassword("");
    setError(null);
    onDone(confirmed);
  };

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const result = await reauthenticate({ password });
    setBusy(false);
    if (result.ok) return finish(true);
    setError(result.fieldErrors?.password?.[0] ?? result.message);
    inputRef.current?.focus();
  }

  return (
    <dialog
      ref={dialogRef}
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        if (!busy) finish(false);
      }}
      onClose={() => {
        if (open) finish(false);
      }}
      className="m-auto w-full max-w-md rounded-md border border-zinc-200 bg-white p-0 text-sm text-zinc-700 shadow-xl backdrop:bg-zinc-900/50"
    >
      <form onSubmit={onSubmit} noValidate>
        <div className="space-y-4 px-6 pt-5 pb-4">
          <div>
            <h2 id={titleId} className="text-base font-semibold text-zinc-900">
              Confirm it&apos;s you
            </h2>
            <p className="mt-2 text-zinc-600">This change needs a recent sign-in. {canUsePassword ? "Enter your password to continue." : "Sign in again to continue."}</p>
          </div>
          {canUsePassword ? (
            <FormField label="Password" htmlFor="reauth-password" error={error} required>
              <Input
                ref={inputRef}
                id="reauth-password"
                type="password"
                autoComplete="current-password"
                value={password}
                onChange={(e) => setPassword(e.currentTarget.value)}
                aria-invalid={!!error}
                aria-describedby={fieldDescribedBy("reauth-password", { error: !!error })}
              />
            </FormField>
          ) : null}
        </div>
        <div className="flex justify-end gap-2 border-t border-zinc-200 bg-zinc-50 px-6 py-3">
          <Button variant="secondary" onClick={() => finish(false)} disabled={busy}>
            Cancel
          </Button>
          {canUsePassword ? (
            <Button type="submit" loading={busy} disabled={!password}>
              Confirm
            </Button>
          ) : (
            <Button onClick={() => signOut({ callbackUrl: "/login?callbackUrl=/profile" })}>Sign in again</Button>
          )}
        </div>
      </form>
    </dialog>
  );
}
