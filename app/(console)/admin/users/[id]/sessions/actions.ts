"use server";

import { z } from "zod";
import { action } from "@/lib/actions/action";
import { sendPasswordResetLink } from "@/lib/auth/admin-password-reset";
import { clearLock } from "@/lib/auth/lock-admin";
import { revokeSession, revokeUserJwts, revokeUserSessions } from "@/lib/sessions/manage";

const byId = z.object({ id: z.string() });

/** End one session (its id). */
export const revokeSessionAction = action(byId, async (actor, { id }) => {
  await revokeSession(actor, id);
  return { id };
});

/** "Revoke all IdP sessions" of a user (the user's id). */
export const revokeAllSessionsAction = action(byId, (actor, { id }) => revokeUserSessions(actor, id));

/** "Revoke all JWT tokens" of a user (the user's id). */
export const revokeJwtsAction = action(byId, (actor, { id }) => revokeUserJwts(actor, id));

/** "Clear lock" of a user (the user's id). */
export const clearLockAction = action(byId, (actor, { id }) => clearLock(actor, id));

/** "Send reset link" to a user (the user's id): mails it and returns it. */
export const sendPasswordResetAction = action(byId, (actor, { id }) => sendPasswordResetLink(actor, id));
