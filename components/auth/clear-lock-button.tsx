"use client";

import { ConfirmActionButton } from "@/components/sessions/confirm-action-button";
import type { ActionResult } from "@/lib/actions/action";
import type { LockStatusDto } from "@/lib/auth/schema";

/** "Clear lock": lifts a brute-force lock and resets the failure count. */
export function ClearLockButton({ user, action, size }: { user: { id: string; username: string }; action: (input: { id: string }) => Promise<ActionResult<LockStatusDto>>; size?: "sm" | "md" }) {
  return (
    <ConfirmActionButton
      label="Clear lock"
      title={`Unlock ${user.username}?`}
      description="The account was locked after too many failed sign-ins. Clearing the lock lets them sign in again right away and resets the failure count."
      confirmLabel="Clear lock"
      tone="primary"
      size={size}
      run={() => action({ id: user.id })}
      success={() => `${user.username} can sign in again`}
    />
  );
}
