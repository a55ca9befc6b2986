"use client";

import { startAuthentication, type PublicKeyCredentialRequestOptionsJSON } from "@simplewebauthn/browser";
import { signIn } from "next-auth/react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import type { ActionResult } from "@/lib/actions/action";
import { passkeyCeremonyMessage } from "@/lib/mfa/passkey-ceremony-errors";

export const PASSKEY_SIGN_IN_FAILED = "That passkey could not sign you in.";

type Props = {
  /** The anonymous server action that issues a discoverable-credential challenge (app/(auth)/login/passkey-actions.ts). */
  begin: () => Promise<ActionResult<{ challenge_id: string; options: unknown }>>;
  callbackUrl: string;
};

/** "Sign in with a passkey": no username, no password — the passkey names the account and proves it. */
export function PasskeySignInButton({ begin, callbackUrl }: Props) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function signInWithPasskey() {
    setBusy(true);
    setError(null);
    const started = await begin();
    if (!started.ok) {
      setBusy(false);
      return setError(started.message);
    }
    let response;
    try {
      response = await startAuthentication({ optionsJSON: started.data.options as PublicKeyCredentialRequestOptionsJSON });
    } catch (browserError) {
      setBusy(false);
      return setError(passkeyCeremonyMessage(browserError, "authenticate"));
    }
    const result = await signIn("passkey", { challenge_id: started.data.challenge_id, response: JSON.stringify(response), redirect: false, callbackUrl });
    if (!result || result.error) {
      setBusy(false);
      return setError(PASSKEY_SIGN_IN_FAILED);
    }
    window.location.assign(result.url ?? callbackUrl);
  }

  return (
    <div className="space-y-3">
      <FormAlert>{error}</FormAlert>
      <Button type="button" variant="secondary" className="w-full" loading={busy} onClick={signInWithPasskey}>
        Sign in with a passkey
      </Button>
    </div>
  );
}
