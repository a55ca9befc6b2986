"use client";

import { ConfirmActionButton } from "@/components/sessions/confirm-action-button";
import type { ActionResult } from "@/lib/actions/action";

/** "Reset MFA": removes every second factor of a user (they set one up again at their next sign-in if required). */
export function ResetMfaButton({ user, action }: { user: { id: string; username: string }; action: (input: { id: string }) => Promise<ActionResult<unknown>> }) {
  return (
    <ConfirmActionButton
      label="Reset MFA"
      title={`Reset MFA of ${user.username}?`}
      description="Removes their authenticator app, recovery codes, SMS and email methods and passkeys. If MFA is required for them, their next sign-in leads through setup again. Do this only after checking their identity another way."
      confirmLabel="Reset MFA"
      tone="danger"
      run={() => action({ id: user.id })}
      success={() => `MFA of ${user.username} was reset`}
    />
  );
}
