import "server-only";
import { eq, or, sql } from "drizzle-orm";
import { users, type UserRow } from "@/db/schema";
import type { ProvisionRefusal } from "../auth-sources/provision";
import { sha256Hex } from "../crypto/random";
import { getDb } from "../db";
import { hitRateLimit } from "../rate-limit/limiter";
import { getSettings } from "../settings/settings";
import type { RequestMeta } from "./actor";
import { accountRefusal, auditSignInFailure, completeSignIn, type SignInResult } from "./complete-sign-in";
import { isIpBlocked, recordIpFailure } from "./ip-throttle";
import { claimSignInAttempt, lockIfThresholdReached } from "./lockout";
import { authenticatePassword } from "./password-backends";
import { verifyPassword } from "./passwords";
import { signInSchema } from "./schema";

export type { SignInResult } from "./complete-sign-in";

/** A federated sign-in that proved the person's identity but cannot map it to an account (shown, not hidden). */
export class SignInRefusedError extends Error {
  constructor(readonly code: ProvisionRefusal) {
    super(code);
    this.name = "SignInRefusedError";
  }
}

export async function findUserByLogin(identifier: string): Promise<UserRow | undefined> {
  const db = await getDb();
  const needle = identifier.trim().toLowerCase();
  const [user] = await db
    .select()
    .from(users)
    .where(or(eq(sql`lower(${users.username})`, needle), eq(sql`lower(${users.email})`, needle)))
    .orderBy(sql`(lower(${users.username}) = ${needle}) desc`)
    .limit(1);
  return user;
}

/**
 * Password sign-in through every enabled password backend (password-backends.ts), with brute-force protection:
 * - per account: the attempt is counted atomically before any password is checked (lockout.ts); past the threshold
 *   the account is locked and even the right password is refused;
 * - per client address: too many failures in the window refuse the address (ip-throttle.ts).
 * Every refusal — unknown user, wrong password, locked, throttled, inactive — returns null after the same argon2 work,
 * so none can be told apart. Reasons are audited, never shown.
 */
export async function signInWithPassword(input: unknown, meta: RequestMeta): Promise<SignInResult> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) return null;
  const { identifier, password } = parsed.data;
  const db = await getDb();
  const { login } = await getSettings(db);

  const user = await findUserByLogin(identifier);
  const claim = user ? await claimSignInAttempt(db, user.id, login) : null;
  // The same write for an unknown login, so it costs what a known one does (T10); the count is only informative.
  if (!user) await hitRateLimit(`sign-in-attempts:unknown:${sha256Hex(identifier.toLowerCase())}`, { limit: login.lockout_threshold, windowSeconds: login.lockout_minutes * 60 }, db);
  const gate = (await isIpBlocked(db, meta.ip, login)) ? "ip_blocked" : claim && (claim.locked || claim.attempt > login.lockout_threshold) ? "locked" : null;
  if (gate) {
    await verifyPassword(null, password);
    await recordIpFailure(db, meta.ip, login);
    await auditSignInFailure(user, identifier, meta, gate, { source: "internal", method: "password" }, { attempt: claim?.attempt });
    return null;
  }

  const outcome = await authenticatePassword(user, identifier, password, login.only_user_source, meta);
  if (outcome && "refused" in outcome) {
    await auditSignInFailure(user, identifier, meta, outcome.refused, { source: "ldap", method: "password" });
    throw new SignInRefusedError(outcome.refused);
  }
  if (!outcome) {
    if (user) await lockIfThresholdReached(db, user.id, login);
    await recordIpFailure(db, meta.ip, login);
    await auditSignInFailure(user, identifier, meta, user ? "bad_password" : "unknown_user", { source: user?.authSource ?? "internal", method: "password" }, { attempt: claim?.attempt });
    return null;
  }
  const refusal = accountRefusal(outcome.user);
  if (refusal) {
    await auditSignInFailure(outcome.user, identifier, meta, refusal, { source: outcome.source, method: "password" });
    return null;
  }
  return completeSignIn(outcome.user, { source: outcome.source, method: "password" }, meta);
}
