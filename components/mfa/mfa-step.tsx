"use client";

import { useState } from "react";
import { FaceVerify, type FaceStepActions } from "@/components/mfa/face-verify";
import { PasskeyVerifyButton } from "@/components/mfa/passkey-verify-button";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { FormField, fieldDescribedBy } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import type { ActionResult } from "@/lib/actions/action";
import type { StepCodeInput } from "@/lib/mfa/step-schema";
import { METHOD_LABELS, type MfaMethod, type SecondFactor } from "@/lib/mfa/types";

type Redirect = { redirect: string };
type Sent = { challenge_id: string; sent_to: string; expires_at: string };
type PasskeyOptions = { challenge_id: string; options: unknown };

export type MfaStepActions = FaceStepActions & {
  verify: (input: StepCodeInput) => Promise<ActionResult<Redirect>>;
  send: (input: { channel: "sms" | "email" }) => Promise<ActionResult<Sent>>;
  passkeyBegin: () => Promise<ActionResult<PasskeyOptions>>;
  passkeyFinish: (input: { challenge_id: string; response: Record<string, unknown> }) => Promise<ActionResult<Redirect>>;
};

const HINTS: Record<SecondFactor, string> = {
  totp: "Open your authenticator app and enter the 6-digit code it shows for Gatehouse.",
  sms: "We'll text a 6-digit code to your verified phone.",
  email: "We'll email a 6-digit code to your verified address.",
  passkey: "Use the passkey on this device or your security key.",
  face: "Look at your camera: a few pictures are taken and compared with your saved face templates. Your other methods stay available.",
  recovery_code: "Enter one of the recovery codes you saved when you set up your authenticator app. Each works once.",
};

/** The second step of a sign-in: one of the person's enrolled methods, or a recovery code. */
export function MfaStep({ methods, recoveryCodes, actions }: { methods: MfaMethod[]; recoveryCodes: boolean; actions: MfaStepActions }) {
  const choices: SecondFactor[] = [...methods, ...(recoveryCodes ? (["recovery_code"] as const) : [])];
  // Facial recognition never stands alone: another method is always listed, and it is the one preselected.
  const [method, setMethod] = useState<SecondFactor>(choices.find((choice) => choice !== "face") ?? choices[0] ?? "totp");
  const [code, setCode] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState<Sent | null>(null);

  const choose = (next: SecondFactor) => {
    setMethod(next);
    setCode("");
    setError(null);
    setFieldError(null);
    setSent(null);
  };

  const go = (redirect: string) => window.location.assign(redirect);

  async function send() {
    if (method !== "sms" && method !== "email") return;
    setBusy(true);
    setError(null);
    const result = await actions.send({ channel: method });
    setBusy(false);
    if (result.ok) setSent(result.data);
    else setError(result.message);
  }

  async function verify(event: React.FormEvent) {
    event.preventDefault();
    if (method === "passkey" || method === "face") return;
    if (!code.trim()) return setFieldError("Enter the code.");
    setBusy(true);
    setError(null);
    setFieldError(null);
    const result = await actions.verify({ method, code, challenge_id: sent?.challenge_id });
    if (result.ok) return go(result.data.redirect);
    setBusy(false);
    setCode("");
    if (result.fieldErrors?.code) setFieldError(result.fieldErrors.code[0]);
    else setError(result.message);
  }

  if (!choices.length) {
    return <FormAlert>No second factor you can use here is set up. Ask an administrator to reset your MFA.</FormAlert>;
  }

  const needsSend = (method === "sms" || method === "email") && !sent;
  return (
    <div className="space-y-5">
      {choices.length > 1 ? (
        <fieldset>
          <legend className="text-sm font-medium text-zinc-800">Verify with</legend>
          <div className="mt-2 grid gap-2">
            {choices.map((choice) => (
              <label key={choice} className="flex cursor-pointer items-center gap-2 rounded-md border border-zinc-200 px-3 py-2 text-sm has-[:checked]:border-indigo-500 has-[:checked]:bg-indigo-50">
                <input type="radio" name="mfa-method" value={choice} checked={method === choice} onChange={() => choose(choice)} className="accent-indigo-600" />
                {METHOD_LABELS[choice]}
              </label>
            ))}
          </div>
        </fieldset>
      ) : null}
      <p className="text-sm text-zinc-600">{HINTS[method]}</p>
      <FormAlert>{error}</FormAlert>
      {method === "passkey" ? (
        <PasskeyVerifyButton begin={actions.passkeyBegin} finish={actions.passkeyFinish} />
      ) : method === "face" ? (
        <FaceVerify faceBegin={actions.faceBegin} faceFinish={actions.faceFinish} />
      ) : needsSend ? (
        <Button type="button" className="w-full" loading={busy} onClick={send}>
          Send code
        </Button>
      ) : (
        <form onSubmit={verify} noValidate className="space-y-4">
          {sent ? (
            <p className="text-sm text-zinc-700" role="status">
              Code sent to {sent.sent_to}. It expires in 10 minutes.{" "}
              <button type="button" className="font-medium text-indigo-600 hover:text-indigo-500 focus-visible:outline-2 focus-visible:outline-indigo-600" onClick={send} disabled={busy}>
                Send another
              </button>
            </p>
          ) : null}
          <FormField label={method === "recovery_code" ? "Recovery code" : "Authentication code"} htmlFor="mfa-code" error={fieldError}>
            <Input
              id="mfa-code"
              value={code}
              onChange={(e) => setCode(e.target.value)}
              autoComplete="one-time-code"
              inputMode={method === "recovery_code" ? "text" : "numeric"}
              autoFocus
              spellCheck={false}
              aria-invalid={!!fieldError}
              aria-describedby={fieldDescribedBy("mfa-code", { error: !!fieldError })}
            />
          </FormField>
          <Button type="submit" className="w-full" loading={busy}>
            Verify
          </Button>
        </form>
      )}
    </div>
  );
}
