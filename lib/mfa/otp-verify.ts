import "server-only";
import { and, eq, gt, isNull, lt, sql, type SQL } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { mfaOtpChannels, otpChallenges } from "@/db/schema";
import { isUuid } from "../ids";
import { codeMatches } from "./code-hash";
import type { OtpPurpose } from "./otp-send";
import { MFA_CODE_ATTEMPTS } from "./types";

type ChallengeRef = { id: string; userId: string; sessionId: string; purpose: OtpPurpose };

/**
 * Claims one attempt on a live challenge with one conditional UPDATE (unconsumed, unexpired, fewer than
 * MFA_CODE_ATTEMPTS tries, this user, session and purpose). Returns the row, or undefined when nothing may be
 * tried. The attempt counts only if the caller's transaction commits.
 */
export async function claimAttempt(db: Executor, ref: ChallengeRef, now: Date, extra?: SQL) {
  if (!isUuid(ref.id) || !isUuid(ref.userId) || !isUuid(ref.sessionId)) return undefined;
  const [row] = await db
    .update(otpChallenges)
    .set({ attempts: sql`${otpChallenges.attempts} + 1` })
    .where(
      and(
        eq(otpChallenges.id, ref.id),
        eq(otpChallenges.userId, ref.userId),
        eq(otpChallenges.sessionId, ref.sessionId),
        eq(otpChallenges.purpose, ref.purpose),
        isNull(otpChallenges.consumedAt),
        gt(otpChallenges.expiresAt, now),
        lt(otpChallenges.attempts, MFA_CODE_ATTEMPTS),
        extra,
      ),
    )
    .returning();
  return row;
}

/** Single use: of any number of concurrent right answers, exactly one consumes the challenge. */
export async function consumeChallenge(tx: Executor, challengeId: string, now: Date): Promise<boolean> {
  const rows = await tx
    .update(otpChallenges)
    .set({ consumedAt: now })
    .where(and(eq(otpChallenges.id, challengeId), isNull(otpChallenges.consumedAt)))
    .returning({ id: otpChallenges.id });
  return rows.length === 1;
}

/** The factor still holds the number or address the code went to (not removed or changed since). */
const factorStillHoldsTarget = sql`exists (select 1 from ${mfaOtpChannels} where ${mfaOtpChannels.userId} = ${otpChallenges.userId}
  and ${mfaOtpChannels.channel} = ${otpChallenges.channel} and ${mfaOtpChannels.target} = ${otpChallenges.target})`;

/**
 * Checks a sign-in code (SMS or email); true exactly once per challenge. An attempt is claimed first (see
 * claimAttempt; the factor must still hold the code's destination), only then is the code compared in constant
 * time, and a match consumes the challenge with a second conditional UPDATE. Expired, used up, consumed, another
 * person's or session's, malformed or wrong: all a plain false. No audit here (the MFA step audits).
 * The caller's transaction must COMMIT after a false answer too, or the attempt it claimed is handed back.
 */
export async function verifySignInCode(tx: Executor, ref: { userId: string; sessionId: string; challengeId: string }, code: string, now = new Date()): Promise<boolean> {
  const claimed = await claimAttempt(tx, { id: ref.challengeId, userId: ref.userId, sessionId: ref.sessionId, purpose: "sign_in" }, now, factorStillHoldsTarget);
  if (!claimed?.channel || !codeMatches(String(code).trim(), claimed.id, claimed.codeHash)) return false;
  if (!(await consumeChallenge(tx, claimed.id, now))) return false;
  await tx
    .update(mfaOtpChannels)
    .set({ lastUsedAt: now })
    .where(and(eq(mfaOtpChannels.userId, ref.userId), eq(mfaOtpChannels.channel, claimed.channel)));
  return true;
}
