import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { mfaOtpChannels, otpChallenges, sessions, users } from "@/db/schema";
import { audit } from "../audit/audit";
import { diffChanges } from "../audit/diff";
import type { RequestMeta } from "../auth/actor";
import { userActor } from "../auth/principal";
import { getDb } from "../db";
import { AppError, conflict, unauthenticated, validationError } from "../errors";
import { isUuid } from "../ids";
import { codeMatches } from "./code-hash";
import { maskTarget } from "./otp-mask";
import { phoneInputSchema, type OtpChannel, type SentCode } from "./otp-schema";
import { sendOtpCode } from "./otp-send";
import { assertBackendAllowed, assertFactorRemovable, markMfaEnrolled } from "./policy";
import { claimAttempt, consumeChallenge } from "./otp-verify";
import type { MfaSelf } from "./self";
import { METHOD_LABELS } from "./types";

export { verifySignInCode } from "./otp-verify";

/** Every refused code gets this one answer: wrong, expired, used up or someone else's look the same. */
export const WRONG_CODE_MESSAGE = "That code is not right or has expired. Check it, or send a new one.";
const wrongCode = () => validationError({ code: [WRONG_CODE_MESSAGE] }, WRONG_CODE_MESSAGE);
const notEnrolled = (channel: OtpChannel) => new AppError("not_found", `${METHOD_LABELS[channel]} is not set up as a second factor on your account.`);
const userTarget = (user: { id: string; username: string }) => ({ type: "user", id: user.id, label: user.username });

function enrollmentTarget(self: MfaSelf, channel: OtpChannel, phone: string | undefined): string {
  if (channel === "email") return self.user.email;
  const given = phone ?? self.user.phone;
  if (!given) throw validationError({ phone: ["Enter the mobile number that should receive the codes."] });
  const parsed = phoneInputSchema.safeParse(given);
  if (!parsed.success) throw validationError({ phone: [parsed.error.issues[0].message] });
  return parsed.data;
}

/**
 * Step 1 of setting up SMS or email codes: a code to the number (given, or the profile's) or to the profile's
 * email address. The enrollment is bound to this session; the number or address becomes the factor only once
 * the code comes back (confirmChannelEnrollment).
 */
export async function startChannelEnrollment(self: MfaSelf, channel: OtpChannel, input: { phone?: string }): Promise<SentCode> {
  await assertBackendAllowed(await getDb(), self.user, channel);
  const target = enrollmentTarget(self, channel, input.phone);
  return sendOtpCode({ user: self.user, channel, target, purpose: "enroll", sessionId: self.sessionId, actor: self.actor });
}

/**
 * Step 2: the code proves the number or address; it becomes (or replaces) this person's SMS / email factor. A
 * proved phone number different from the profile's becomes the profile's phone. Turns MFA on for a person whose
 * policy was Disabled.
 */
export async function confirmChannelEnrollment(self: MfaSelf, channel: OtpChannel, challengeId: string, code: string, now = new Date()): Promise<void> {
  const db = await getDb();
  await assertBackendAllowed(db, self.user, channel);
  const ref = { id: challengeId, userId: self.user.id, sessionId: self.sessionId, purpose: "enroll" } as const;
  const claimed = await claimAttempt(db, ref, now, eq(otpChallenges.channel, channel));
  if (!claimed?.target || !codeMatches(String(code).trim(), claimed.id, claimed.codeHash)) throw wrongCode();
  const target = claimed.target;

  await db.transaction(async (tx) => {
    const [user] = await tx.select().from(users).where(eq(users.id, self.user.id)).for("update");
    if (!user) throw unauthenticated("Your account no longer exists.");
    // The address was proved, but the profile moved on since the code was sent: prove the current one.
    if (channel === "email" && user.email.toLowerCase() !== target.toLowerCase()) throw conflict("Your email address changed since the code was sent. Send a new code.");
    if (!(await consumeChallenge(tx, claimed.id, now))) throw wrongCode();
    await tx
      .update(otpChallenges)
      .set({ consumedAt: now })
      .where(and(eq(otpChallenges.userId, user.id), eq(otpChallenges.purpose, "enroll"), eq(otpChallenges.channel, channel), isNull(otpChallenges.consumedAt)));
    const [previous] = await tx.select().from(mfaOtpChannels).where(and(eq(mfaOtpChannels.userId, user.id), eq(mfaOtpChannels.channel, channel)));
    await tx
      .insert(mfaOtpChannels)
      .values({ userId: user.id, channel, target, createdAt: now })
      .onConflictDoUpdate({ target: [mfaOtpChannels.userId, mfaOtpChannels.channel], set: { target, createdAt: now, lastUsedAt: null } });
    const phoneChanged = channel === "sms" && user.phone !== target;
    if (phoneChanged) await tx.update(users).set({ phone: target, updatedAt: now }).where(eq(users.id, user.id));
    await markMfaEnrolled(tx, user.id);
    await audit(tx, self.actor, `mfa.${channel}.enroll`, userTarget(user), phoneChanged ? diffChanges({ phone: user.phone }, { phone: target }) : null, {
      metadata: { sent_to: maskTarget(channel, target), replaced: !!previous, via: self.via, profile_phone_updated: phoneChanged },
    });
  });
}

/** Retires every open code of one person and channel (the factor went away or changed). */
async function retireChallenges(tx: Executor, userId: string, channel: OtpChannel, now = new Date()): Promise<void> {
  await tx
    .update(otpChallenges)
    .set({ consumedAt: now })
    .where(and(eq(otpChallenges.userId, userId), eq(otpChallenges.channel, channel), isNull(otpChallenges.consumedAt)));
}

/** The person removes their SMS or email factor; refused (409) when MFA is required and nothing else would be left. */
export async function removeChannel(self: MfaSelf, channel: OtpChannel): Promise<void> {
  const db = await getDb();
  const [row] = await db.select().from(mfaOtpChannels).where(and(eq(mfaOtpChannels.userId, self.user.id), eq(mfaOtpChannels.channel, channel)));
  if (!row) throw notEnrolled(channel);
  await assertFactorRemovable(db, self.user, channel);
  await db.transaction(async (tx) => {
    // Re-checked under the person's row lock: two concurrent removals cannot both take "the other" factor away.
    const [user] = await tx.select().from(users).where(eq(users.id, self.user.id)).for("update");
    if (!user) throw unauthenticated("Your account no longer exists.");
    await assertFactorRemovable(tx, user, channel);
    const deleted = await tx
      .delete(mfaOtpChannels)
      .where(and(eq(mfaOtpChannels.userId, self.user.id), eq(mfaOtpChannels.channel, channel)))
      .returning();
    if (deleted.length === 0) throw notEnrolled(channel);
    await retireChallenges(tx, self.user.id, channel);
    await audit(tx, self.actor, `mfa.${channel}.remove`, userTarget(self.user), null, { metadata: { sent_to: maskTarget(channel, row.target), via: self.via } });
  });
}

/**
 * The profile's phone or email changed: the old number or address no longer proves anything, so the factor goes
 * (it has to be proved again) and its open codes stop working. No checks and no audit: the caller audits the
 * profile change in the same transaction. Returns whether a factor was removed.
 */
export async function forgetChannel(tx: Executor, userId: string, channel: OtpChannel): Promise<boolean> {
  const deleted = await tx
    .delete(mfaOtpChannels)
    .where(and(eq(mfaOtpChannels.userId, userId), eq(mfaOtpChannels.channel, channel)))
    .returning({ userId: mfaOtpChannels.userId });
  await retireChallenges(tx, userId, channel);
  return deleted.length > 0;
}

/**
 * At the MFA step (session at stage "mfa"): a code to the enrolled number or address of `channel`, and nowhere
 * else. A new code retires the earlier ones of this sign-in and channel.
 */
export async function sendSignInCode(ctx: { userId: string; sessionId: string }, channel: OtpChannel, meta: RequestMeta): Promise<SentCode> {
  const db = await getDb();
  const ended = () => unauthenticated("This sign-in has ended. Sign in again.");
  if (!isUuid(ctx.sessionId) || !isUuid(ctx.userId)) throw ended();
  const [row] = await db
    .select()
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, ctx.sessionId), eq(sessions.userId, ctx.userId)));
  if (!row || row.sessions.stage !== "mfa" || row.sessions.expiresAt <= new Date()) throw ended();
  const user = row.users;
  await assertBackendAllowed(db, user, channel);
  const [enrolled] = await db.select().from(mfaOtpChannels).where(and(eq(mfaOtpChannels.userId, user.id), eq(mfaOtpChannels.channel, channel)));
  if (!enrolled) throw notEnrolled(channel);
  const actor = await userActor(db, user, meta, { sessionId: ctx.sessionId });
  return sendOtpCode({ user, channel, target: enrolled.target, purpose: "sign_in", sessionId: ctx.sessionId, actor });
}
