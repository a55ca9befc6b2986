"use client";

import { startRegistration, type PublicKeyCredentialCreationOptionsJSON } from "@simplewebauthn/browser";
import { useId, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { FormField, fieldDescribedBy } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import type { ActionResult } from "@/lib/actions/action";
import { passkeyCeremonyMessage } from "@/lib/mfa/passkey-ceremony-errors";
import { PASSKEY_NAME_MAX, passkeyNameSchema } from "@/lib/mfa/passkey-schema";

export type PasskeyRegistrationBegin = () => Promise<ActionResult<{ challenge_id: string; options: unknown }>>;
export type PasskeyRegistrationFinish<T> = (input: { challenge_id: string; name: string; response: Record<string, unknown> }) => Promise<ActionResult<T>>;

type Props<T> = {
  begin: PasskeyRegistrationBegin;
  finish: PasskeyRegistrationFinish<T>;
  onRegistered: (result: T) => void;
  defaultName?: string;
  submitLabel?: string;
};

/**
 * "Add a passkey": a name for it, then the browser's own dialog (face, fingerprint, screen lock or security key).
 * Step 1 asks the server for options, step 2 sends the new credential back to be verified and stored.
 */
export function PasskeyRegister<T>({ begin, finish, onRegistered, defaultName = "", submitLabel = "Add a passkey" }: Props<T>) {
  const id = useId();
  const nameId = `${id}-passkey-name`;
  const [name, setName] = useState(defaultName);
  const [nameError, setNameError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function register(event: FormEvent) {
    event.preventDefault();
    setError(null);
    const parsed = passkeyNameSchema.safeParse(name);
    if (!parsed.success) return setNameError(parsed.error.issues[0]?.message ?? "Give the passkey a name.");
    setNameError(null);
    setBusy(true);
    try {
      const started = await begin();
      if (!started.ok) return setError(started.message);
      let response;
      try {
        response = await startRegistration({ optionsJSON: started.data.options as PublicKeyCredentialCreationOptionsJSON });
      } catch (browserError) {
        return setError(passkeyCeremonyMessage(browserError, "register"));
      }
      const finished = await finish({ challenge_id: started.data.challenge_id, name: parsed.data, response: response as unknown as Record<string, unknown> });
      if (!finished.ok) return setError(finished.fieldErrors?.name?.[0] ?? finished.message);
      setName(defaultName);
      onRegistered(finished.data);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={register} noValidate className="max-w-md space-y-4">
      <FormAlert>{error}</FormAlert>
      <FormField label="Passkey name" htmlFor={nameId} error={nameError} hint="So you can tell your passkeys apart, e.g. “Work laptop” or “YubiKey”." required>
        <Input
          id={nameId}
          value={name}
          maxLength={PASSKEY_NAME_MAX}
          onChange={(e) => setName(e.target.value)}
          aria-invalid={!!nameError}
          aria-required
          aria-describedby={fieldDescribedBy(nameId, { hint: true, error: !!nameError })}
        />
      </FormField>
      <Button type="submit" loading={busy}>
        {submitLabel}
      </Button>
    </form>
  );
}

/** Forced setup at sign-in: after the passkey is stored, the sign-in moves on to wherever the server says. */
export function PasskeySetup({ begin, finish }: { begin: PasskeyRegistrationBegin; finish: PasskeyRegistrationFinish<{ redirect: string }> }) {
  return <PasskeyRegister begin={begin} finish={finish} defaultName="Passkey" submitLabel="Create a passkey" onRegistered={(result) => window.location.assign(result.redirect)} />;
}
