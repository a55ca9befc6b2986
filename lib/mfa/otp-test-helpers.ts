/**
 * Test setup for SMS / email codes: a real HTTP gateway on 127.0.0.1 that the webhook SMS provider posts to (the
 * signature checked independently), and the mail log transport's output, read back for the code.
 */
import { createHmac, randomInt, timingSafeEqual } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, vi, type MockInstance } from "vitest";
import { mfaOtpChannels, otpChallenges } from "@/db/schema";
import { sha256Hex } from "../crypto/random";
import { getDb } from "../db";
import { env } from "../env";
import { resetRateLimit } from "../rate-limit/limiter";
import { confirmChannelEnrollment, startChannelEnrollment, verifySignInCode } from "./otp-channels";
import { freshSelf, pendingSignIn, setMfaSettings } from "./testing";

export type ReceivedSms = { id: string; to: string; text: string; purpose: string };

export const GATEWAY_SECRET = "otp-test-gateway-secret-0123456789";

/** Starts the gateway and points SMS_PROVIDER=webhook at it; `stop` restores the environment. */
export async function startSmsGateway() {
  const received: ReceivedSms[] = [];
  const state = { failWith: 0, badSignatures: 0 };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const expected = Buffer.from(`sha256=${createHmac("sha256", GATEWAY_SECRET).update(`${req.headers["x-gatehouse-timestamp"]}.${body}`).digest("hex")}`);
      const given = Buffer.from(String(req.headers["x-gatehouse-signature"] ?? ""));
      if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
        state.badSignatures++;
        return res.writeHead(401).end();
      }
      if (state.failWith) return res.writeHead(state.failWith).end();
      const message = JSON.parse(body) as ReceivedSms;
      received.push(message);
      res.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify({ id: `gw-${received.length}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const saved = { provider: env.SMS_PROVIDER, url: env.SMS_WEBHOOK_URL, secret: env.SMS_WEBHOOK_SECRET };
  env.SMS_PROVIDER = "webhook";
  env.SMS_WEBHOOK_URL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/sms`;
  env.SMS_WEBHOOK_SECRET = GATEWAY_SECRET;
  return {
    received,
    state,
    /** The code in the newest text to `phone`. */
    lastCodeTo(phone: string): string {
      const text = received.filter((m) => m.to === phone).at(-1)?.text;
      const code = text && /\b(\d{6})\b/.exec(text)?.[1];
      if (!code) throw new Error(`no SMS code to ${phone}`);
      return code;
    },
    async stop() {
      Object.assign(env, { SMS_PROVIDER: saved.provider, SMS_WEBHOOK_URL: saved.url, SMS_WEBHOOK_SECRET: saved.secret });
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Captures the mail log transport (SMTP_URL is unset in unit tests). */
export function captureMail(): { log: MockInstance; lastCodeTo(address: string): string } {
  const log = vi.spyOn(console, "info").mockImplementation(() => {});
  return {
    log,
    lastCodeTo(address: string): string {
      const mail = log.mock.calls.map((call) => String(call[0])).filter((line) => line.includes(`To: ${address}\n`)).at(-1);
      const code = mail && /^(\d{6})$/m.exec(mail)?.[1];
      if (!code) throw new Error(`no emailed code to ${address}`);
      return code;
    },
  };
}

/** Lets the next code go out at once: the cooldown and the counters are test setup here, not the subject. */
export async function allowAnotherCode(userId: string, target: string): Promise<void> {
  const db = await getDb();
  await db.update(otpChallenges).set({ createdAt: sql`${otpChallenges.createdAt} - interval '1 hour'` }).where(eq(otpChallenges.userId, userId));
  await resetRateLimit(`mfa-code:user:${userId}`, db);
  await resetRateLimit(`mfa-code:target:${sha256Hex(target.toLowerCase())}`, db);
}

export async function challengeRow(id: string) {
  const db = await getDb();
  const [row] = await db.select().from(otpChallenges).where(eq(otpChallenges.id, id));
  return row;
}

/** A six-digit code that is not `right` (a different one for each seed up to 999 998). */
export const wrongCodeFor = (right: string, seed: number) => String((Number(right) + 1 + (seed % 999_998)) % 1_000_000).padStart(6, "0");

export type SmsGateway = Awaited<ReturnType<typeof startSmsGateway>>;
export type OtpTestEnvironment = { gateway: SmsGateway; mail: ReturnType<typeof captureMail> };

/** Per test file: the SMS gateway, SMS and email backends on, the mail log captured per test. */
export function setUpOtpTests(): OtpTestEnvironment {
  const t = {} as OtpTestEnvironment;
  beforeAll(async () => {
    t.gateway = await startSmsGateway();
    await setMfaSettings({ policy: "optional", sms: true, email: true, email_for_admins: false });
  });
  afterAll(() => t.gateway.stop());
  beforeEach(() => {
    t.mail = captureMail();
  });
  afterEach(() => vi.restoreAllMocks());
  return t;
}

/** A North American number of its own (the per-number limit is 10 codes an hour). */
export const newPhone = () => `+1415${String(randomInt(0, 10_000_000)).padStart(7, "0")}`;

/** The AppError a promise rejects with, as plain fields (null when it resolves). */
export const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (e: { code?: string; message?: string; details?: { retryAfterSeconds?: number } }) => ({ code: e.code, message: e.message, retryAfter: e.details?.retryAfterSeconds }),
  );

export async function channelRow(userId: string, channel: "sms" | "email") {
  const db = await getDb();
  const [row] = await db.select().from(mfaOtpChannels).where(and(eq(mfaOtpChannels.userId, userId), eq(mfaOtpChannels.channel, channel)));
  return row;
}

/** A person with SMS enrolled on `phone`, and a sign-in of theirs waiting at the MFA step. */
export async function smsUserAtMfaStep(t: OtpTestEnvironment, phone = newPhone()) {
  const { user, self } = await freshSelf();
  const { challenge_id } = await startChannelEnrollment(self, "sms", { phone });
  await confirmChannelEnrollment(self, "sms", challenge_id, t.gateway.lastCodeTo(phone));
  await allowAnotherCode(user.id, phone);
  const ctx = await pendingSignIn(user, "mfa");
  return { user, self, phone, ref: { userId: user.id, sessionId: ctx.session.id } };
}

/** verifySignInCode in a transaction of its own, as the MFA step calls it. */
export async function verifyInTx(ref: { userId: string; sessionId: string; challengeId: string }, code: string, now?: Date) {
  const db = await getDb();
  return db.transaction((tx) => verifySignInCode(tx, ref, code, now));
}
