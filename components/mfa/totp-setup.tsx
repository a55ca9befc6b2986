"use client";

import { useId, useRef, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { FormField, fieldDescribedBy } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { useToast } from "@/components/ui/toast";
import type { ActionResult } from "@/lib/actions/action";
import type { ConfirmTotpInput, TotpConfirmation, TotpEnrollmentStart } from "@/lib/mfa/totp-schema";
import { RecoveryCodes } from "./recovery-codes";

export type TotpSetupProps = {
  /** Both already wrapped as the context needs (e.g. "confirm it's you" in the profile). */
  begin: () => Promise<ActionResult<TotpEnrollmentStart>>;
  confirm: (input: ConfirmTotpInput) => Promise<ActionResult<TotpConfirmation>>;
  /** After the person acknowledged the recovery codes. */
  onDone: () => void | Promise<void>;
  doneLabel?: string;
};

type Phase = { step: "start" } | { step: "scan"; enrollment: TotpEnrollmentStart } | { step: "codes"; codes: string[] };

/** The seed in groups of four, as authenticator apps show it for manual entry. */
const groupKey = (secret: string) => secret.match(/.{1,4}/g)?.join(" ") ?? secret;

/** Setting up an authenticator app: QR code or manual key, a confirming code, then the recovery codes (once). */
export function TotpSetup({ begin, confirm, onDone, doneLabel }: TotpSetupProps) {
  const { toast } = useToast();
  const [phase, setPhase] = useState<Phase>({ step: "start" });
  const [busy, setBusy] = useState(false);
  const [code, setCode] = useState("");
  const [codeError, setCodeError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const codeRef = useRef<HTMLInputElement>(null);
  const codeId = useId();

  async function start() {
    setBusy(true);
    setFormError(null);
    const result = await begin();
    setBusy(false);
    if (!result.ok) return setFormError(result.message);
    setCode("");
    setCodeError(null);
    setPhase({ step: "scan", enrollment: result.data });
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setFormError(null);
    setCodeError(null);
    const result = await confirm({ code });
    setBusy(false);
    if (result.ok) return setPhase({ step: "codes", codes: result.data.recovery_codes });
    const fieldError = result.fieldErrors?.code?.[0];
    if (fieldError) setCodeError(fieldError);
    else setFormError(result.message);
    codeRef.current?.focus();
  }

  async function copyKey(secret: string) {
    try {
      await navigator.clipboard.writeText(secret);
      toast({ title: "Setup key copied", tone: "success" });
    } catch {
      toast({ title: "Could not copy", description: "Select the key and copy it yourself.", tone: "error" });
    }
  }

  async function finish() {
    setBusy(true);
    try {
      await onDone();
    } finally {
      setBusy(false);
    }
  }

  if (phase.step === "codes") return <RecoveryCodes codes={phase.codes} onAcknowledge={finish} acknowledgeLabel={doneLabel} busy={busy} />;

  if (phase.step === "start") {
    return (
      <div className="space-y-4">
        <p className="text-sm text-zinc-600">
          Use an authenticator app such as Google Authenticator, Microsoft Authenticator, 1Password or FreeOTP. It shows a new 6-digit code every
          30 seconds, which you enter when you sign in.
        </p>
        <FormAlert>{formError}</FormAlert>
        <Button onClick={start} loading={busy}>
          Set up authenticator app
        </Button>
      </div>
    );
  }

  const { secret, qr_data_url } = phase.enrollment;
  return (
    <div className="space-y-5">
      <ol className="list-decimal space-y-5 pl-5 text-sm text-zinc-700 marker:text-zinc-500">
        <li className="space-y-3">
          <p>Scan this QR code with your authenticator app.</p>
          {/* A data: URL made on the server; next/image adds nothing here. */}
          {/* eslint-disable-next-line @next/next/no-img-element */}
          <img src={qr_data_url} alt="QR code to add Gatehouse to your authenticator app" width={200} height={200} className="rounded-md border border-zinc-200" />
          <div className="space-y-1.5">
            <p>Can&apos;t scan it? Enter this setup key in the app instead (time-based):</p>
            <div className="flex flex-wrap items-center gap-2">
              <code data-testid="totp-setup-key" className="rounded-md bg-zinc-100 px-2.5 py-1.5 font-mono text-sm tracking-wider text-zinc-900 select-all">
                {groupKey(secret)}
              </code>
              <Button size="sm" variant="secondary" onClick={() => copyKey(secret)}>
                Copy key
              </Button>
            </div>
          </div>
        </li>
        <li>
          <form onSubmit={submit} className="space-y-3" noValidate>
            <FormField label="Code from the app" htmlFor={codeId} error={codeError} hint="Enter the 6-digit code your app shows now.">
              <Input
                ref={codeRef}
                id={codeId}
                name="code"
                value={code}
                onChange={(e) => setCode(e.target.value)}
                inputMode="numeric"
                autoComplete="one-time-code"
                pattern="[0-9 ]*"
                maxLength={7}
                required
                className="max-w-40 font-mono tracking-widest"
                aria-invalid={codeError ? true : undefined}
                aria-describedby={fieldDescribedBy(codeId, { hint: true, error: !!codeError })}
              />
            </FormField>
            <FormAlert>{formError}</FormAlert>
            <div className="flex flex-wrap gap-2">
              <Button type="submit" loading={busy}>
                Verify and turn on
              </Button>
              <Button variant="ghost" onClick={start} disabled={busy}>
                Start over with a new key
              </Button>
            </div>
          </form>
        </li>
      </ol>
    </div>
  );
}
