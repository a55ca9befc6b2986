"use client";

import { startAuthentication, type PublicKeyCredentialRequestOptionsJSON } from "@simplewebauthn/browser";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import type { ActionResult } from "@/lib/actions/action";
import { passkeyCeremonyMessage } from "@/lib/mfa/passkey-ceremony-errors";

type Props = {
  begin: () => Promise<ActionResult<{ challenge_id: string; options: unknown }>>;
  finish: (input: { challenge_id: string; response: Record<string, unknown> }) => Promise<ActionResult<{ redirect: string }>>;
};

/** The MFA step with a passkey: options from the server, the browser's dialog, then the server's check. */
export function PasskeyVerifyButton({ begin, finish }: Props) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function verify() {
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
    const finished = await finish({ challenge_id: started.data.challenge_id, response: response as unknown as Record<string, unknown> });
    if (finished.ok) return window.location.assign(finished.data.redirect);
    setBusy(false);
    setError(finished.fieldErrors?.code?.[0] ?? finished.message);
  }

  return (
    <div className="space-y-4">
      <FormAlert>{error}</FormAlert>
      <Button type="button" className="w-full" loading={busy} onClick={verify}>
        Use a passkey
      </Button>
    </div>
  );
}
