import "server-only";
import { INTERNAL_SOURCE } from "../auth-sources/schema";
import { getDb } from "../db";
import { conflict } from "../errors";
import { issuePasswordLink } from "../passwords/reset-tokens";
import { loadTargetUser } from "../sessions/target";
import type { Actor } from "./actor";
import type { PasswordResetLinkDto } from "./schema";

export type { PasswordResetLinkDto };

/**
 * POST /api/v1/users/{id}/password-reset (users.reset_password): mails the user a single-use reset link and returns it
 * to the admin as well (to hand over another way if the mail does not arrive). The user's sessions end when the link
 * is used. Federated users and service accounts have no Gatehouse password: 409.
 */
export async function sendPasswordResetLink(actor: Actor, userId: string): Promise<PasswordResetLinkDto> {
  const db = await getDb();
  const pending = await db.transaction(async (tx) => {
    const user = await loadTargetUser(tx, actor, userId, "users.reset_password");
    if (user.isServiceAccount) throw conflict("Service accounts have no password; they authenticate with tokens only.");
    if (user.authSource !== INTERNAL_SOURCE) throw conflict(`This user's password is managed by their sign-in source (${user.authSource}).`);
    return issuePasswordLink(tx, user, actor, "reset");
  });
  const link = await pending.deliver(); // mailed after the commit; audits user.password_link_sent
  return { reset_url: link.resetUrl, expires_at: link.expiresAt.toISOString(), mailed: link.mailed };
}
