"use client";

import type { ActionResult } from "@/lib/actions/action";
import type { JwtRevocation, RevokedSessions } from "@/lib/sessions/schema";
import { ConfirmActionButton } from "./confirm-action-button";

type Target = { id: string; username: string };
type Size = "sm" | "md";

/** "Revoke all IdP sessions": signs the user out of every console session at once. */
export function RevokeAllSessionsButton({ user, action, size }: { user: Target; action: (input: { id: string }) => Promise<ActionResult<RevokedSessions>>; size?: Size }) {
  return (
    <ConfirmActionButton
      label="Revoke all IdP sessions"
      title={`Sign ${user.username} out everywhere?`}
      description="Every console session of this user ends now; they have to sign in again."
      confirmLabel="Revoke sessions"
      size={size}
      run={() => action({ id: user.id })}
      success={(data) => `Revoked ${data.revoked} session${data.revoked === 1 ? "" : "s"} of ${user.username}`}
    />
  );
}

/** "Revoke all JWT tokens": stores a revocation time; every JWT issued before it is refused, the console session included. */
export function RevokeJwtsButton({ user, action, size }: { user: Target; action: (input: { id: string }) => Promise<ActionResult<JwtRevocation>>; size?: Size }) {
  return (
    <ConfirmActionButton
      label="Revoke all JWT tokens"
      title={`Revoke every JWT of ${user.username}?`}
      description="All JWTs issued to this user until now stop working, including their console sessions. Personal access tokens are not affected; new JWTs can be obtained again."
      confirmLabel="Revoke JWTs"
      size={size}
      run={() => action({ id: user.id })}
      success={() => `JWTs of ${user.username} revoked`}
    />
  );
}
