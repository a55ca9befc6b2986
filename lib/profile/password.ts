import "server-only";
import type { Actor } from "../auth/actor";
import { forbidden } from "../errors";
import { changeOwnPassword } from "../passwords/change";
import type { ChangePasswordInput } from "../passwords/schema";

/**
 * Change password from the profile. The current password is asked for and checked by changeOwnPassword: that is
 * the fresh authentication this sensitive change needs (it also restarts the re-authentication window), so no
 * separate prompt is shown. Other sessions end.
 */
export async function changePasswordFromProfile(actor: Actor, input: ChangePasswordInput): Promise<null> {
  if (actor.kind !== "user" || !actor.userId || !actor.sessionId) throw forbidden("Only a signed-in person can change their password.");
  await changeOwnPassword({ sessionId: actor.sessionId, userId: actor.userId, meta: actor.meta }, input);
  return null;
}
