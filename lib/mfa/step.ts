import "server-only";
import { and, eq, gte, isNotNull, isNull, lt, lte, or, sql } from "drizzle-orm";
import type { AuthenticationResponseJSON } from "@simplewebauthn/server";
import type { Executor } from "@/db/client";
import { sessions, users, type UserRow } from "@/db/schema";
import { audit } from "../audit/audit";
import type { RequestMeta } from "../auth/actor";
import { anonymousActor } from "../auth/principal";
import { getDb } from "../db";
import { AppError, conflict, parseInput, unauthenticated, validationError } from "../errors";
import type { SessionContext } from "../sessions/sessions";
import { getSettings } from "../settings/settings";
import { sendSignInCode, verifySignInCode } from "./otp-channels";
import { passkeyStepOptions, verifyPasskeyStep } from "./passkey-authenticate";
import { checkFaceStep, issueFaceChallenge, type FaceStepCheck } from "./face";
import { stepFaceSchema, type StepFaceInput } from "./face-schema";
import { enrolledMethods, isAdministrator, usableMethods } from "./policy";
import { consumeRecoveryCode } from "./recovery-codes";
import { advanceSession, STAGE_PATHS } from "./stages";
import { stepCodeSchema, stepSendSchema, type StepCodeInput } from "./step-schema";
import { verifyTotpCode } from "./totp";
import { MFA_ACCOUNT_LOCK, MFA_CODE_ATTEMPTS, type MfaMethod, type SecondFactor } from "./types";

export type StepResult = { redirect: string };

/** Said for every wrong, reused, expired or exhausted code alike, so none can be told apart (T4). */
export const WRONG_CODE = "That code didn't work. Check it and try again.";
const ENDED = "Too many wrong codes. Sign in again to get a new chance.";

/** What the MFA step offers this sign-in: usable enrolled methods, and recovery codes when any are left. */
export async function stepOptions(ctx: SessionContext): Promise<{ methods: MfaMethod[]; recovery_codes: boolean; attempts_left: number }> {
  const db = await getDb();
  const { mfa } = await getSettings(db);
  const methods = await enrolledMethods(db, ctx.user.id);
  return {
    methods: usableMethods(methods, mfa, await isAdministrator(db, ctx.user)),
    recovery_codes: methods.recovery_codes.remaining > 0,
    attempts_left: Math.max(0, MFA_CODE_ATTEMPTS - ctx.session.mfaAttempts),
  };
}

async function assertUsable(ctx: SessionContext, factor: SecondFactor): Promise<void> {
  const options = await stepOptions(ctx);
  const ok = factor === "recovery_code" ? options.recovery_codes && options.methods.length > 0 : options.methods.includes(factor);
  if (!ok) throw conflict("That method is not available for this account.");
}

const auditStep = (db: Executor, user: UserRow, meta: RequestMeta, factor: SecondFactor, sessionId: string, outcome: "success" | "failure", extra: Record<string, unknown> = {}) =>
  audit(db, anonymousActor(user.username, meta, user.id), "auth.mfa", { type: "user", id: user.id, label: user.username }, null, {
    outcome,
    metadata: { method: factor, session_id: sessionId, ...extra },
  });

/** Locks the account like a password brute force does and ends every sign-in waiting at the MFA step. */
async function lockAccount(db: Executor, ctx: SessionContext, factor: SecondFactor, meta: RequestMeta): Promise<never> {
  const { login } = await getSettings(db);
  await db.transaction(async (tx) => {
    await tx.update(users).set({ lockedUntil: sql`now() + make_interval(mins => ${login.lockout_minutes})` }).where(eq(users.id, ctx.user.id));
    await tx.delete(sessions).where(and(eq(sessions.userId, ctx.user.id), eq(sessions.stage, "mfa")));
    await auditStep(tx, ctx.user, meta, factor, ctx.session.id, "failure", { reason: "account_locked", consecutive_failures: MFA_ACCOUNT_LOCK });
  });
  throw unauthenticated(ENDED);
}

/**
 * Counts the attempt before anything is checked, atomically (T3): at most MFA_CODE_ATTEMPTS per sign-in, then the
 * sign-in ends; at most MFA_ACCOUNT_LOCK consecutive failures per account, then the account locks. A lock that has
 * run out starts a new cycle; an admin clearing the lock resets the count too.
 */
async function claimAttempt(db: Executor, ctx: SessionContext, factor: SecondFactor, meta: RequestMeta): Promise<void> {
  const userId = ctx.user.id;
  if (ctx.user.lockedUntil && ctx.user.lockedUntil > new Date()) {
    await db.delete(sessions).where(eq(sessions.id, ctx.session.id));
    await auditStep(db, ctx.user, meta, factor, ctx.session.id, "failure", { reason: "locked" });
    throw unauthenticated(ENDED);
  }
  await db
    .update(users)
    .set({ mfaFailedCount: 0 })
    .where(and(eq(users.id, userId), gte(users.mfaFailedCount, MFA_ACCOUNT_LOCK), isNotNull(users.lockedUntil), lte(users.lockedUntil, sql`now()`)));
  const [session] = await db
    .update(sessions)
    .set({ mfaAttempts: sql`${sessions.mfaAttempts} + 1` })
    .where(and(eq(sessions.id, ctx.session.id), eq(sessions.stage, "mfa"), lt(sessions.mfaAttempts, MFA_CODE_ATTEMPTS)))
    .returning({ attempts: sessions.mfaAttempts });
  if (!session) {
    await db.delete(sessions).where(eq(sessions.id, ctx.session.id));
    throw unauthenticated(ENDED);
  }
  const [account] = await db
    .update(users)
    .set({ mfaFailedCount: sql`${users.mfaFailedCount} + 1` })
    .where(and(eq(users.id, userId), lt(users.mfaFailedCount, MFA_ACCOUNT_LOCK), or(isNull(users.lockedUntil), lte(users.lockedUntil, sql`now()`))))
    .returning({ failures: users.mfaFailedCount });
  if (!account) return lockAccount(db, ctx, factor, meta);
}

/**
 * The second factor of a sign-in at stage `mfa`. On success the session moves on (password change, console) and the
 * account's failure count starts again; every outcome is audited with the method. Used by /login/mfa.
 */
export async function verifySecondFactor(
  ctx: SessionContext,
  input: StepCodeInput | { method: "passkey"; challenge_id: string; response: AuthenticationResponseJSON } | ({ method: "face" } & StepFaceInput),
  meta: RequestMeta,
): Promise<StepResult> {
  const factor = input.method;
  const faceInput = input.method === "face" ? parseInput(stepFaceSchema, { challenge_id: input.challenge_id, frames: input.frames }) : null;
  await assertUsable(ctx, factor);
  const db = await getDb();
  await claimAttempt(db, ctx, factor, meta);
  const ref = { userId: ctx.user.id, sessionId: ctx.session.id };
  // The face check is seconds of CPU: done before, not inside, the transaction that moves the session on.
  const face: FaceStepCheck | null = faceInput ? await checkFaceStep(ref, faceInput) : null;
  const outcome = await db.transaction(async (tx) => {
    const ok = face
      ? face.ok
      : input.method === "passkey"
        ? await verifyPasskeyStep(tx, { ...ref, challengeId: input.challenge_id }, input.response)
        : await verifyCode(tx, ctx, parseInput(stepCodeSchema, input), meta);
    if (!ok) return null;
    const { stage } = await advanceSession(tx, ctx.session.id, factor);
    await tx.update(users).set({ mfaFailedCount: 0 }).where(eq(users.id, ctx.user.id));
    await auditStep(tx, ctx.user, meta, factor, ctx.session.id, "success", { next_stage: stage, ...face?.metadata });
    return { redirect: STAGE_PATHS[stage] };
  });
  if (outcome) return outcome;
  const [left] = await db.select({ attempts: sessions.mfaAttempts }).from(sessions).where(eq(sessions.id, ctx.session.id));
  const [account] = await db.select({ failures: users.mfaFailedCount }).from(users).where(eq(users.id, ctx.user.id));
  await auditStep(db, ctx.user, meta, factor, ctx.session.id, "failure", { reason: "wrong_code", ...face?.metadata, attempt: left?.attempts ?? MFA_CODE_ATTEMPTS });
  if ((account?.failures ?? MFA_ACCOUNT_LOCK) >= MFA_ACCOUNT_LOCK) return lockAccount(db, ctx, factor, meta);
  if (!left || left.attempts >= MFA_CODE_ATTEMPTS) {
    await db.delete(sessions).where(eq(sessions.id, ctx.session.id));
    throw unauthenticated(ENDED);
  }
  if (face && !face.ok) throw validationError({ frames: [face.message] }, face.message);
  throw validationError({ code: [WRONG_CODE] }, WRONG_CODE);
}

function verifyCode(tx: Executor, ctx: SessionContext, input: StepCodeInput, meta: RequestMeta): Promise<boolean> {
  switch (input.method) {
    case "totp":
      return verifyTotpCode(tx, ctx.user.id, input.code, undefined, meta);
    case "recovery_code":
      return consumeRecoveryCode(tx, ctx.user.id, input.code, meta);
    case "sms":
    case "email":
      if (!input.challenge_id) return Promise.resolve(false);
      return verifySignInCode(tx, { userId: ctx.user.id, sessionId: ctx.session.id, challengeId: input.challenge_id }, input.code);
  }
}

/** Sends an SMS or email code for this sign-in (rate limits live in lib/mfa/otp-channels.ts). */
export async function sendStepCode(ctx: SessionContext, input: unknown, meta: RequestMeta) {
  const { channel } = parseInput(stepSendSchema, input);
  await assertUsable(ctx, channel);
  return sendSignInCode({ userId: ctx.user.id, sessionId: ctx.session.id }, channel, meta);
}

/** WebAuthn options for the passkey at the MFA step. */
export async function startPasskeyStep(ctx: SessionContext) {
  await assertUsable(ctx, "passkey");
  return passkeyStepOptions({ userId: ctx.user.id, sessionId: ctx.session.id });
}

/** A one-time challenge for facial recognition at the MFA step (only when it is usable for this sign-in). */
export async function startFaceStep(ctx: SessionContext) {
  await assertUsable(ctx, "face");
  return issueFaceChallenge({ userId: ctx.user.id, sessionId: ctx.session.id });
}

export const isSignInEnded = (error: unknown) => error instanceof AppError && error.code === "unauthenticated";
