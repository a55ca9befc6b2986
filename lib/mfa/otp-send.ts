import "server-only";
import { randomInt, randomUUID } from "node:crypto";
import { and, eq, inArray, isNull, max, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { otpChallenges, type UserRow } from "@/db/schema";
import { audit } from "../audit/audit";
import type { Actor } from "../auth/actor";
import { sha256Hex } from "../crypto/random";
import { getDb } from "../db";
import { env } from "../env";
import { AppError } from "../errors";
import { sendMail } from "../mail/mail";
import { mfaCodeMail } from "../mail/templates";
import { hitRateLimit, type RateLimitRule } from "../rate-limit/limiter";
import { getSmsProvider } from "../sms";
import { hashCode } from "./code-hash";
import { maskTarget } from "./otp-mask";
import { OTP_CODE_TTL_MINUTES, OTP_RESEND_COOLDOWN_SECONDS, type OtpChannel, type SentCode } from "./otp-schema";

export type OtpPurpose = "enroll" | "sign_in";
export const OTP_PURPOSES: readonly OtpPurpose[] = ["enroll", "sign_in"];

/** Codes to one person, whatever the channel (T3: sending is a cost and a nuisance, not only guessing). */
export const OTP_USER_RATE: RateLimitRule = { limit: 5, windowSeconds: 15 * 60 };
/** Codes to one phone number or address, whoever asks (stops texting a stranger's phone from many accounts). */
export const OTP_TARGET_RATE: RateLimitRule = { limit: 10, windowSeconds: 60 * 60 };

/** Arbitrary constant: the class of the per-person-and-channel advisory lock (makes the cooldown exact). */
const OTP_SEND_LOCK = 6_020_611;

const tooMany = (message: string, retryAfterSeconds: number) => new AppError("rate_limited", message, { retryAfterSeconds });

/** Six uniformly random digits (randomInt draws without modulo bias). */
export const newOtpCode = () => String(randomInt(0, 1_000_000)).padStart(6, "0");

export type CodeRequest = {
  user: Pick<UserRow, "id" | "username" | "name">;
  channel: OtpChannel;
  /** E.164 phone or email address: the only place this code may go. */
  target: string;
  purpose: OtpPurpose;
  sessionId: string;
  actor: Actor;
};

/**
 * Records a challenge and sends its code. In one transaction, under a per-person-and-channel lock: the resend
 * cooldown, the per-person and per-target limits, retiring the session's earlier sign-in codes of this channel,
 * and the challenge row (HMAC of the code only). The code is sent after commit; when delivery fails the challenge
 * is deleted (the limits still count) and the caller gets a plain "could not send". Audited as mfa.code.send with
 * the masked target and the provider's message id, never the code.
 */
export async function sendOtpCode(request: CodeRequest, now = new Date()): Promise<SentCode> {
  const { user, channel, target, purpose, sessionId } = request;
  const db = await getDb();
  const code = newOtpCode();
  const challengeId = randomUUID();
  const expiresAt = new Date(now.getTime() + OTP_CODE_TTL_MINUTES * 60_000);

  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${OTP_SEND_LOCK}, hashtext(${`${user.id}:${channel}`}))`);
    await assertCooldownOver(tx, user.id, channel, now);
    const perUser = await hitRateLimit(`mfa-code:user:${user.id}`, OTP_USER_RATE, tx, now);
    if (!perUser.allowed) throw tooMany("Too many codes were requested for your account. Try again later.", perUser.retryAfterSeconds);
    const perTarget = await hitRateLimit(`mfa-code:target:${sha256Hex(target.toLowerCase())}`, OTP_TARGET_RATE, tx, now);
    if (!perTarget.allowed) throw tooMany("Too many codes were sent to this destination. Try again later.", perTarget.retryAfterSeconds);
    if (purpose === "sign_in") {
      await tx
        .update(otpChallenges)
        .set({ consumedAt: now })
        .where(and(eq(otpChallenges.userId, user.id), eq(otpChallenges.sessionId, sessionId), eq(otpChallenges.purpose, purpose), eq(otpChallenges.channel, channel), isNull(otpChallenges.consumedAt)));
    }
    await tx.insert(otpChallenges).values({ id: challengeId, userId: user.id, sessionId, purpose, channel, target, codeHash: hashCode(code, challengeId), expiresAt, createdAt: now });
  });

  const sentTo = maskTarget(channel, target);
  const auditTarget = { type: "user", id: user.id, label: user.username };
  const metadata = { channel, purpose, sent_to: sentTo };
  let delivery: { provider: string; messageId: string | null };
  try {
    delivery = await deliver(request, code, expiresAt, now);
  } catch (error) {
    console.error("could not send a one-time code", { userId: user.id, channel, error: error instanceof Error ? error.message : String(error) });
    await db.delete(otpChallenges).where(eq(otpChallenges.id, challengeId));
    await audit(db, request.actor, "mfa.code.send", auditTarget, null, { metadata, outcome: "failure" });
    throw new AppError("bad_request", "The code could not be sent. Try again in a moment, or use another method.");
  }
  await audit(db, request.actor, "mfa.code.send", auditTarget, null, { metadata: { ...metadata, provider: delivery.provider, provider_message_id: delivery.messageId } });
  return { challenge_id: challengeId, sent_to: sentTo, expires_at: expiresAt.toISOString() };
}

/**
 * At most one new code per person and channel every OTP_RESEND_COOLDOWN_SECONDS while the last one is still open
 * (exact: checked under the send lock). A code that was used does not hold up the next one: confirming a number
 * and then signing in with it right away is normal.
 */
async function assertCooldownOver(tx: Executor, userId: string, channel: OtpChannel, now: Date): Promise<void> {
  const [last] = await tx
    .select({ at: max(otpChallenges.createdAt) })
    .from(otpChallenges)
    .where(and(eq(otpChallenges.userId, userId), eq(otpChallenges.channel, channel), inArray(otpChallenges.purpose, [...OTP_PURPOSES]), isNull(otpChallenges.consumedAt)));
  if (!last?.at) return;
  const wait = Math.ceil((new Date(last.at).getTime() + OTP_RESEND_COOLDOWN_SECONDS * 1000 - now.getTime()) / 1000);
  if (wait > 0) throw tooMany(`Wait ${wait} seconds before asking for another code.`, wait);
}

function smsText(code: string, purpose: OtpPurpose): string {
  const what = purpose === "enroll" ? `Your code to confirm this number for Gatehouse is ${code}.` : `Your Gatehouse sign-in code is ${code}.`;
  // Last line: origin-bound one-time code (WebOTP), so browsers offer it only on the app's own site.
  return `${what} It expires in ${OTP_CODE_TTL_MINUTES} minutes. Never share it.\n\n@${new URL(env.APP_URL).hostname} #${code}`;
}

async function deliver(request: CodeRequest, code: string, expiresAt: Date, now: Date): Promise<{ provider: string; messageId: string | null }> {
  const { user, channel, target, purpose } = request;
  if (channel === "sms") {
    const provider = getSmsProvider();
    const sent = await provider.send({ to: target, text: smsText(code, purpose), purpose: purpose === "enroll" ? "verify-phone" : "mfa" });
    return { provider: provider.id, messageId: sent.providerMessageId ?? null };
  }
  const sent = await sendMail(mfaCodeMail({ to: target, name: user.name, username: user.username, code, purpose, expiresAt, now }));
  return { provider: `mail:${sent.transport}`, messageId: sent.messageId || null };
}
