"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import type { ActionResult } from "@/lib/actions/action";
import type { ConfirmTotpInput, TotpConfirmation, TotpEnrollmentStart } from "@/lib/mfa/totp-schema";
import { TotpSetup } from "./totp-setup";

type NoInput = Record<string, never>;

type Props = {
  /** The app was already confirmed in this sign-in (e.g. the page was reloaded on the recovery codes). */
  confirmed: boolean;
  begin: (input: NoInput) => Promise<ActionResult<TotpEnrollmentStart>>;
  confirm: (input: ConfirmTotpInput) => Promise<ActionResult<TotpConfirmation>>;
  finish: (input: NoInput) => Promise<ActionResult<{ next: string }>>;
};

/** Forced setup during sign-in: no "confirm it's you" (the password was just proved); then on to the next stage. */
export function TotpForcedSetup({ confirmed, begin, confirm, finish }: Props) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function proceed() {
    setError(null);
    const result = await finish({});
    // A full navigation, so the server reads the session's new stage.
    if (result.ok) return window.location.assign(result.data.next);
    setError(result.message);
  }

  if (confirmed) {
    return (
      <div className="space-y-4">
        <p className="text-sm text-zinc-700">Your authenticator app is set up.</p>
        <FormAlert>{error}</FormAlert>
        <Button
          loading={busy}
          onClick={async () => {
            setBusy(true);
            await proceed();
            setBusy(false);
          }}
        >
          Continue
        </Button>
      </div>
    );
  }

  return (
    <div className="space-y-4">
      <TotpSetup begin={() => begin({})} confirm={confirm} onDone={proceed} doneLabel="I have saved them, continue" />
      <FormAlert>{error}</FormAlert>
    </div>
  );
}
