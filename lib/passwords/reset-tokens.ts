import "server-only";
import { and, count, eq, gt, gte, isNull, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { passwordResetTokens, sessions, users } from "@/db/schema";
import { audit } from "../audit/audit";
import type { Actor, RequestMeta } from "../auth/actor";
import { anonymousActor } from "../auth/principal";
import { randomBase62, sha256Hex } from "../crypto/random";
import { getDb } from "../db";
import { env } from "../env";
import { badRequest } from "../errors";
import { sendMail } from "../mail/mail";
import { passwordLinkMail, type PasswordLinkPurpose } from "../mail/templates";
import { getSettings } from "../settings/settings";
import { assertPasswordAcceptable, storeNewPassword } from "./check";
import { RESET_TOKEN_PATTERN } from "./schema";

/**
 * How long a link works. A reset link is short (OWASP: minutes); a setup link for a new account waits for its
 * owner to read the invitation, so it lives 72 hours. Both are single use.
 */
export const PASSWORD_LINK_TTL_MS: Record<PasswordLinkPurpose, number> = { reset: 30 * 60_000, setup: 72 * 3_600_000 };

export const INVALID_LINK_MESSAGE = "This link is invalid or has expired.";
const invalidLink = () => badRequest(INVALID_LINK_MESSAGE);

export type PasswordLink = { resetUrl: string; expiresAt: Date; mailed: boolean };
export type LinkUser = { id: string; email: string; username: string; name: string };

/** Built from APP_URL only: a forged Host or X-Forwarded-Host can never redirect a link elsewhere. */
export const passwordLinkUrl = (token: string) => `${env.APP_URL.replace(/\/+$/, "")}/reset-password/${token}`;

/** A link written in the caller's transaction; `deliver()` mails it once that transaction has committed. */
export type PendingPasswordLink = { resetUrl: string; expiresAt: Date; deliver: () => Promise<PasswordLink> };

/**
 * Issues a single-use link (43 base62 chars ≈ 256 bits; only its sha256 is stored) in the caller's transaction and
 * audits the issue there. An older unused link of the same user stops working. The email goes out only when the
 * caller runs `deliver()` AFTER its transaction committed — a rolled-back link is never mailed, and a mailed link
 * always works. A mail failure is logged, audited and reported as `mailed: false`. The token appears nowhere but in
 * the email and the returned URL.
 */
export async function issuePasswordLink(tx: Executor, user: LinkUser, actor: Actor, purpose: PasswordLinkPurpose): Promise<PendingPasswordLink> {
  const token = randomBase62(43);
  const now = new Date();
  const expiresAt = new Date(now.getTime() + PASSWORD_LINK_TTL_MS[purpose]);
  await tx.update(passwordResetTokens).set({ usedAt: now }).where(and(eq(passwordResetTokens.userId, user.id), isNull(passwordResetTokens.usedAt)));
  await tx.insert(passwordResetTokens).values({ userId: user.id, tokenHash: sha256Hex(token), purpose, expiresAt, createdBy: actor.userId, createdAt: now });
  const resetUrl = passwordLinkUrl(token);
  const target = { type: "user", id: user.id, label: user.username };
  const metadata = { purpose, expires_at: expiresAt.toISOString() };
  await audit(tx, actor, "user.password_link_issued", target, null, { metadata });

  let delivered: Promise<PasswordLink> | undefined;
  const deliver = () =>
    (delivered ??= (async () => {
      const mailed = await sendMail(passwordLinkMail({ to: user.email, name: user.name, username: user.username, url: resetUrl, purpose, expiresAt, now })).then(
        () => true,
        (error: unknown) => {
          console.error("could not send the password link email", { userId: user.id, error: error instanceof Error ? error.message : String(error) });
          return false;
        },
      );
      await audit(await getDb(), actor, "user.password_link_sent", target, null, { metadata: { ...metadata, mailed }, outcome: mailed ? "success" : "failure" });
      return { resetUrl, expiresAt, mailed };
    })());
  return { resetUrl, expiresAt, deliver };
}

/** Links issued to a user since `since`: lets a self-service reset request cap emails per account (T12). */
export async function countPasswordLinksSince(db: Executor, userId: string, since: Date): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(passwordResetTokens)
    .where(and(eq(passwordResetTokens.userId, userId), gte(passwordResetTokens.createdAt, since)));
  return row?.n ?? 0;
}

/** The local user a live link belongs to, or undefined. */
async function linkHolder(db: Executor, tokenHash: string) {
  const [row] = await db
    .select({ id: users.id, username: users.username, email: users.email, authSource: users.authSource, isServiceAccount: users.isServiceAccount })
    .from(passwordResetTokens)
    .innerJoin(users, eq(users.id, passwordResetTokens.userId))
    .where(and(eq(passwordResetTokens.tokenHash, tokenHash), isNull(passwordResetTokens.usedAt), gt(passwordResetTokens.expiresAt, sql`now()`)));
  return row && row.authSource === "internal" && !row.isServiceAccount ? row : undefined;
}

/** For the reset page: who the link is for (to show the right rules), or null when it no longer works. */
export async function describePasswordLink(token: string): Promise<{ username: string; email: string } | null> {
  if (typeof token !== "string" || !RESET_TOKEN_PATTERN.test(token)) return null;
  const holder = await linkHolder(await getDb(), sha256Hex(token));
  return holder ? { username: holder.username, email: holder.email } : null;
}

/**
 * Sets a password through a link. Wrong, expired and used links all fail alike. The policy is checked before the
 * link is claimed (a refused password leaves the link usable); the claim is one conditional UPDATE in the same
 * transaction as the new password, so exactly one of any number of concurrent uses wins. Every session of the
 * user ends and every other outstanding link stops working.
 */
export async function consumePasswordLink(token: string, newPassword: string, meta: RequestMeta, options: { field?: string } = {}): Promise<{ userId: string }> {
  if (typeof token !== "string" || !RESET_TOKEN_PATTERN.test(token)) throw invalidLink();
  const db = await getDb();
  const tokenHash = sha256Hex(token);
  const holder = await linkHolder(db, tokenHash);
  if (!holder) throw invalidLink();
  const { password: policy } = await getSettings(db);
  await assertPasswordAcceptable(db, newPassword, holder, policy, options.field);

  return db.transaction(async (tx) => {
    const [claimed] = await tx
      .update(passwordResetTokens)
      .set({ usedAt: sql`now()` })
      .where(and(eq(passwordResetTokens.tokenHash, tokenHash), isNull(passwordResetTokens.usedAt), gt(passwordResetTokens.expiresAt, sql`now()`)))
      .returning({ userId: passwordResetTokens.userId });
    if (claimed?.userId !== holder.id) throw invalidLink();
    await storeNewPassword(tx, holder.id, newPassword, { mustChange: false, historyCount: policy.history_count });
    await tx.update(users).set({ jwtRevokedBefore: new Date() }).where(eq(users.id, holder.id));
    await tx.delete(sessions).where(eq(sessions.userId, holder.id));
    await tx.update(passwordResetTokens).set({ usedAt: sql`now()` }).where(and(eq(passwordResetTokens.userId, holder.id), isNull(passwordResetTokens.usedAt)));
    await audit(tx, anonymousActor(holder.username, meta, holder.id), "user.password_reset", { type: "user", id: holder.id, label: holder.username }, null, {
      metadata: { via: "link", sessions_ended: true },
    });
    return { userId: holder.id };
  });
}
