import "server-only";
import { and, eq, gt, isNull, lt, type SQL } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { otpChallenges } from "@/db/schema";
import { isUuid } from "../ids";
import { PASSKEY_CHALLENGE_TTL_MS, type PasskeyPurpose } from "./webauthn-config";

/** One-time server challenges of ceremonies: WebAuthn, and facial recognition at the MFA step. */
export type ChallengePurpose = PasskeyPurpose | "face_mfa";

/** Who a challenge is bound to: a user and a session, or nobody (passwordless sign-in). */
export type ChallengeBinding = { purpose: ChallengePurpose; userId: string | null; sessionId: string | null };

const bound = (column: typeof otpChallenges.userId | typeof otpChallenges.sessionId, value: string | null): SQL =>
  value === null ? isNull(column) : eq(column, value);

/**
 * Stores a challenge (32 random bytes: SimpleWebAuthn's, or lib/crypto's) for one ceremony, answerable for ttlMs;
 * returns its id.
 */
export async function issueChallenge(db: Executor, binding: ChallengeBinding, challenge: string, now = new Date(), ttlMs = PASSKEY_CHALLENGE_TTL_MS): Promise<string> {
  // Housekeeping: this binding's expired challenges are of no use any more.
  await db
    .delete(otpChallenges)
    .where(and(bound(otpChallenges.userId, binding.userId), eq(otpChallenges.purpose, binding.purpose), lt(otpChallenges.expiresAt, now)));
  const [row] = await db
    .insert(otpChallenges)
    .values({
      purpose: binding.purpose,
      userId: binding.userId,
      sessionId: binding.sessionId,
      challenge,
      createdAt: now,
      expiresAt: new Date(now.getTime() + ttlMs),
    })
    .returning({ id: otpChallenges.id });
  return row.id;
}

/**
 * Consumes a challenge: ONE conditional update (not consumed, not expired, same purpose, user and session), so of
 * any number of concurrent answers exactly one gets the challenge back. Null for anything else: unknown, used,
 * expired, or issued to someone else. Call it before verifying the answer, so a failed answer also spends it.
 */
export async function consumeChallenge(db: Executor, id: string, binding: ChallengeBinding, now = new Date()): Promise<string | null> {
  if (!isUuid(id)) return null;
  const [row] = await db
    .update(otpChallenges)
    .set({ consumedAt: now })
    .where(
      and(
        eq(otpChallenges.id, id),
        eq(otpChallenges.purpose, binding.purpose),
        bound(otpChallenges.userId, binding.userId),
        bound(otpChallenges.sessionId, binding.sessionId),
        isNull(otpChallenges.consumedAt),
        gt(otpChallenges.expiresAt, now),
      ),
    )
    .returning({ challenge: otpChallenges.challenge });
  return row?.challenge ?? null;
}
