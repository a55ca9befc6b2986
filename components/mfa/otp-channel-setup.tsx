"use client";

import { useEffect, useRef, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { fieldDescribedBy, FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { useToast } from "@/components/ui/toast";
import type { ActionResult } from "@/lib/actions/action";
import {
  OTP_RESEND_COOLDOWN_SECONDS,
  type ConfirmChannelEnrollmentInput,
  type OtpChannel,
  type SentCode,
  type StartChannelEnrollmentInput,
} from "@/lib/mfa/otp-schema";

export type OtpChannelSetupProps = {
  channel: OtpChannel;
  /** SMS: the number the form starts with (the profile's). */
  initialPhone?: string | null;
  /** Email: the profile address the code goes to. */
  email?: string | null;
  start: (input: StartChannelEnrollmentInput) => Promise<ActionResult<SentCode>>;
  confirm: (input: ConfirmChannelEnrollmentInput) => Promise<ActionResult<null>>;
  /** After the code was accepted: refresh the profile, or move the sign-in on. */
  onEnrolled: () => void | Promise<void>;
};

/** "Wait 12 seconds …" from the server's 429, so the resend button counts down from the real value. */
const waitFrom = (message: string) => Number(/Wait (\d+) seconds/.exec(message)?.[1] ?? 0);

/** Until-when a code works, in the reader's clock. */
const timeOf = (iso: string) => new Date(iso).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });

/**
 * Setting up SMS or email codes: where the code goes (SMS: a number, prefilled with the profile's), "Send code",
 * then the 6-digit code and "Verify". Resending waits out the cooldown. Used by the profile and forced setup.
 */
export function OtpChannelSetup({ channel, initialPhone, email, start, confirm, onEnrolled }: OtpChannelSetupProps) {
  const { toast } = useToast();
  const [phone, setPhone] = useState(initialPhone ?? "");
  const [sent, setSent] = useState<SentCode | null>(null);
  const [code, setCode] = useState("");
  const [busy, setBusy] = useState<"send" | "verify" | null>(null);
  const [errors, setErrors] = useState<{ phone?: string; code?: string; form?: string }>({});
  const [resendAt, setResendAt] = useState(0);
  const [now, setNow] = useState(() => Date.now());
  const codeInput = useRef<HTMLInputElement>(null);
  const waitSeconds = Math.max(0, Math.ceil((resendAt - now) / 1000));
  const ids = { phone: `otp-${channel}-phone`, code: `otp-${channel}-code` };

  useEffect(() => {
    if (resendAt <= Date.now()) return;
    const timer = window.setInterval(() => {
      const tick = Date.now();
      setNow(tick);
      if (tick >= resendAt) window.clearInterval(timer);
    }, 1000);
    return () => window.clearInterval(timer);
  }, [resendAt]);

  useEffect(() => {
    if (sent) codeInput.current?.focus();
  }, [sent]);

  async function send(event?: FormEvent) {
    event?.preventDefault();
    setBusy("send");
    setErrors({});
    const result = await start(channel === "sms" ? { phone } : {});
    setBusy(null);
    if (!result.ok) {
      const wait = waitFrom(result.message);
      if (wait) setResendAt(Date.now() + wait * 1000);
      setNow(Date.now());
      const phoneError = result.fieldErrors?.phone?.[0];
      return setErrors(phoneError ? { phone: phoneError } : { form: result.message });
    }
    setSent(result.data);
    setCode("");
    setResendAt(Date.now() + OTP_RESEND_COOLDOWN_SECONDS * 1000);
    setNow(Date.now());
    toast({ tone: "info", title: "Code sent", description: `We sent a code to ${result.data.sent_to}.` });
  }

  async function verify(event: FormEvent) {
    event.preventDefault();
    if (!sent) return;
    setBusy("verify");
    setErrors({});
    const result = await confirm({ challenge_id: sent.challenge_id, code });
    if (!result.ok) {
      setBusy(null);
      const codeError = result.fieldErrors?.code?.[0];
      return setErrors(codeError ? { code: codeError } : { form: result.message });
    }
    toast({ tone: "success", title: channel === "sms" ? "Text-message codes are set up" : "Email codes are set up" });
    await onEnrolled();
    setBusy(null);
  }

  if (!sent) {
    return (
      <form onSubmit={send} noValidate className="space-y-4">
        {channel === "sms" ? (
          <FormField label="Mobile number" htmlFor={ids.phone} required error={errors.phone} hint="International format: + and the country code, e.g. +14155550123.">
            <Input
              id={ids.phone}
              type="tel"
              inputMode="tel"
              autoComplete="tel"
              required
              value={phone}
              onChange={(e) => setPhone(e.target.value)}
              aria-invalid={!!errors.phone || undefined}
              aria-describedby={fieldDescribedBy(ids.phone, { hint: true, error: !!errors.phone })}
              className="max-w-xs"
            />
          </FormField>
        ) : (
          <p>
            We will send a code to <strong className="font-medium text-zinc-900">{email}</strong>. To use another address, change your email in your profile first.
          </p>
        )}
        <FormAlert>{errors.form}</FormAlert>
        <Button type="submit" loading={busy === "send"} disabled={waitSeconds > 0}>
          {waitSeconds > 0 ? `Send code (${waitSeconds} s)` : "Send code"}
        </Button>
      </form>
    );
  }

  return (
    <form onSubmit={verify} noValidate className="space-y-4">
      <p>
        We sent a code to <strong className="font-medium text-zinc-900">{sent.sent_to}</strong>. It works until {timeOf(sent.expires_at)}.
      </p>
      <FormField label="Verification code" htmlFor={ids.code} required error={errors.code} hint="The 6 digits from the message.">
        <Input
          ref={codeInput}
          id={ids.code}
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={7}
          required
          value={code}
          onChange={(e) => setCode(e.target.value)}
          aria-invalid={!!errors.code || undefined}
          aria-describedby={fieldDescribedBy(ids.code, { hint: true, error: !!errors.code })}
          className="max-w-40 font-mono tracking-widest"
        />
      </FormField>
      <FormAlert>{errors.form}</FormAlert>
      <div className="flex flex-wrap items-center gap-2">
        <Button type="submit" loading={busy === "verify"}>
          Verify
        </Button>
        <Button variant="secondary" onClick={() => send()} loading={busy === "send"} disabled={waitSeconds > 0 || busy === "verify"}>
          {waitSeconds > 0 ? `Send a new code (${waitSeconds} s)` : "Send a new code"}
        </Button>
        {channel === "sms" ? (
          <Button variant="ghost" onClick={() => setSent(null)} disabled={busy !== null}>
            Use another number
          </Button>
        ) : null}
      </div>
    </form>
  );
}
