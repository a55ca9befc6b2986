import { eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { otpChallenges } from "@/db/schema";
import { NO_META } from "../auth/actor";
import { getDb } from "../db";
import { signedIn } from "../profile/test-helpers";
import { createTestUser } from "../testing/factories";
import { confirmChannelEnrollment, sendSignInCode, startChannelEnrollment } from "./otp-channels";
import { maskPhone } from "./otp-mask";
import { allowAnotherCode, challengeRow, channelRow, failure, newPhone, smsUserAtMfaStep, setUpOtpTests, verifyInTx, wrongCodeFor } from "./otp-test-helpers";
import { auditOf, freshSelf, pendingSignIn } from "./testing";

/** Codes at the MFA step (T3, T4), sending limits and delivery failures of SMS / email codes. */
const t = setUpOtpTests();

describe("rate limits (429)", () => {
  it("waits 30 seconds between codes of one person and channel; the other channel is separate", async () => {
    const { user, self } = await freshSelf();
    const phone = newPhone();
    await startChannelEnrollment(self, "sms", { phone });
    const refused = await failure(startChannelEnrollment(self, "sms", { phone }));
    expect(refused).toMatchObject({ code: "rate_limited", message: expect.stringMatching(/Wait \d+ seconds/) });
    expect(refused!.retryAfter).toBeGreaterThan(25);
    expect(refused!.retryAfter).toBeLessThanOrEqual(30);
    await startChannelEnrollment(self, "email", {});
    expect(await failure(startChannelEnrollment(self, "email", {}))).toMatchObject({ code: "rate_limited" });
    expect(await auditOf(user.id, "mfa.code.send")).toHaveLength(2);
  });

  it("does not hold up the next code once the last one was used", async () => {
    const { user, self } = await freshSelf();
    const phone = newPhone();
    const sent = await startChannelEnrollment(self, "sms", { phone });
    expect(await failure(sendSignInCode({ userId: user.id, sessionId: (await pendingSignIn(user, "mfa")).session.id }, "sms", NO_META))).toMatchObject({ code: "not_found" });
    await confirmChannelEnrollment(self, "sms", sent.challenge_id, t.gateway.lastCodeTo(phone));
    const ctx = await pendingSignIn(user, "mfa");
    const signIn = await sendSignInCode({ userId: user.id, sessionId: ctx.session.id }, "sms", NO_META);
    expect(await failure(sendSignInCode({ userId: user.id, sessionId: ctx.session.id }, "sms", NO_META))).toMatchObject({ code: "rate_limited" });
    expect(await verifyInTx({ userId: user.id, sessionId: ctx.session.id, challengeId: signIn.challenge_id }, t.gateway.lastCodeTo(phone))).toBe(true);
  });

  it("holds the cooldown under concurrency: of 5 simultaneous requests exactly one sends", async () => {
    const { self } = await freshSelf();
    const phone = newPhone();
    const before = t.gateway.received.length;
    const results = await Promise.all(Array.from({ length: 5 }, () => failure(startChannelEnrollment(self, "sms", { phone }))));
    expect(results.filter((r) => r === null)).toHaveLength(1);
    expect(results.filter((r) => r?.code === "rate_limited")).toHaveLength(4);
    expect(t.gateway.received.length - before).toBe(1);
  });

  it("sends at most 5 codes per person in 15 minutes, and at most 10 per destination in an hour", async () => {
    const { user, self } = await freshSelf();
    const phone = newPhone();
    const cooldownOver = async () => {
      const db = await getDb();
      await db.update(otpChallenges).set({ createdAt: new Date(Date.now() - 60_000) }).where(eq(otpChallenges.userId, user.id));
    };
    for (let i = 0; i < 5; i++) {
      await cooldownOver();
      await startChannelEnrollment(self, "sms", { phone });
    }
    await cooldownOver();
    expect(await failure(startChannelEnrollment(self, "sms", { phone }))).toMatchObject({ code: "rate_limited", message: expect.stringMatching(/your account/) });

    // Other accounts texting the same number: 5 more reach it, then it is protected for the hour.
    for (let i = 0; i < 5; i++) await startChannelEnrollment((await freshSelf()).self, "sms", { phone });
    expect(await failure(startChannelEnrollment((await freshSelf()).self, "sms", { phone }))).toMatchObject({ code: "rate_limited", message: expect.stringMatching(/this destination/) });
    expect(t.gateway.received.filter((m) => m.to === phone)).toHaveLength(10);
  });
});

describe("delivery failures", () => {
  it("answers a plain error, keeps no usable challenge and audits the failure", async () => {
    const { user, self } = await freshSelf();
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    t.gateway.state.failWith = 500;
    try {
      expect(await failure(startChannelEnrollment(self, "sms", { phone: newPhone() }))).toMatchObject({ code: "bad_request", message: expect.stringMatching(/could not be sent/) });
    } finally {
      t.gateway.state.failWith = 0;
    }
    const db = await getDb();
    expect(await db.select().from(otpChallenges).where(eq(otpChallenges.userId, user.id))).toHaveLength(0);
    expect((await auditOf(user.id, "mfa.code.send"))[0]).toMatchObject({ outcome: "failure" });
    expect(t.gateway.state.badSignatures).toBe(0);
    expect(errors).toHaveBeenCalledTimes(1);
    expect(JSON.stringify(errors.mock.calls)).toMatch(/HTTP 500/);
  });
});

describe("sign-in codes", () => {
  it("go only to the enrolled number, retire the session's earlier code and work exactly once", async () => {
    const { user, phone, ref } = await smsUserAtMfaStep(t);
    const first = await sendSignInCode(ref, "sms", NO_META);
    const firstCode = t.gateway.lastCodeTo(phone);
    expect(t.gateway.received.at(-1)).toMatchObject({ to: phone, purpose: "mfa" });
    expect(first.sent_to).toBe(maskPhone(phone));
    await allowAnotherCode(user.id, phone);
    const second = await sendSignInCode(ref, "sms", NO_META);
    const secondCode = t.gateway.lastCodeTo(phone);
    expect(await verifyInTx({ ...ref, challengeId: first.challenge_id }, firstCode)).toBe(false);
    expect(await verifyInTx({ ...ref, challengeId: second.challenge_id }, secondCode)).toBe(true);
    expect(await verifyInTx({ ...ref, challengeId: second.challenge_id }, secondCode)).toBe(false);
    expect((await channelRow(user.id, "sms"))?.lastUsedAt).not.toBeNull();
    expect((await auditOf(user.id, "mfa.code.send")).map((e) => (e.metadata as { purpose: string }).purpose).sort()).toEqual(["enroll", "sign_in", "sign_in"]);
  });

  it("email sign-in codes go to the enrolled address", async () => {
    const { user, self } = await freshSelf();
    const sent = await startChannelEnrollment(self, "email", {});
    await confirmChannelEnrollment(self, "email", sent.challenge_id, t.mail.lastCodeTo(user.email));
    await allowAnotherCode(user.id, user.email);
    const ctx = await pendingSignIn(user, "mfa");
    const ref = { userId: user.id, sessionId: ctx.session.id };
    const signIn = await sendSignInCode(ref, "email", NO_META);
    expect(String(t.mail.log.mock.calls.at(-1)?.[0])).toContain("Subject: Your Gatehouse sign-in code");
    expect(await verifyInTx({ ...ref, challengeId: signIn.challenge_id }, t.mail.lastCodeTo(user.email))).toBe(true);
  });

  it("are refused for a channel that is not enrolled (404) and outside the MFA stage", async () => {
    const { user, ref } = await smsUserAtMfaStep(t);
    expect(await failure(sendSignInCode(ref, "email", NO_META))).toMatchObject({ code: "not_found", message: expect.stringMatching(/Email code is not set up/) });
    const active = await signedIn(user);
    expect(await failure(sendSignInCode({ userId: user.id, sessionId: active.sessionId }, "sms", NO_META))).toMatchObject({ code: "unauthenticated" });
    const stranger = await createTestUser();
    expect(await failure(sendSignInCode({ userId: stranger.id, sessionId: ref.sessionId }, "sms", NO_META))).toMatchObject({ code: "unauthenticated" });
    expect(await failure(sendSignInCode({ userId: user.id, sessionId: "not-a-uuid" }, "sms", NO_META))).toMatchObject({ code: "unauthenticated" });
  });

  it("refuse a code after its lifetime (fake clock: TTL + 1 s) but not just before", async () => {
    const { phone, ref } = await smsUserAtMfaStep(t);
    const sent = await sendSignInCode(ref, "sms", NO_META);
    const code = t.gateway.lastCodeTo(phone);
    const expiry = new Date(sent.expires_at).getTime();
    expect(await verifyInTx({ ...ref, challengeId: sent.challenge_id }, code, new Date(expiry + 1000))).toBe(false);
    expect(await verifyInTx({ ...ref, challengeId: sent.challenge_id }, code, new Date(expiry - 1000))).toBe(true);
  });

  it("T3: 1000 wrong codes over 200 challenges, then the right one each time: 0 successes after a 5th attempt", async () => {
    const { user, phone, ref } = await smsUserAtMfaStep(t);
    let wrongAccepted = 0;
    let rightAccepted = 0;
    for (let c = 0; c < 200; c++) {
      await allowAnotherCode(user.id, phone);
      const sent = await sendSignInCode(ref, "sms", NO_META);
      const code = t.gateway.lastCodeTo(phone);
      const challenge = { ...ref, challengeId: sent.challenge_id };
      for (let i = 0; i < 5; i++) if (await verifyInTx(challenge, wrongCodeFor(code, c * 5 + i))) wrongAccepted++;
      if (await verifyInTx(challenge, code)) rightAccepted++;
      expect((await challengeRow(sent.challenge_id)).attempts).toBe(5);
    }
    expect(wrongAccepted).toBe(0);
    expect(rightAccepted).toBe(0);

    // Control: the 5th attempt itself still counts.
    await allowAnotherCode(user.id, phone);
    const sent = await sendSignInCode(ref, "sms", NO_META);
    const code = t.gateway.lastCodeTo(phone);
    for (let i = 0; i < 4; i++) expect(await verifyInTx({ ...ref, challengeId: sent.challenge_id }, wrongCodeFor(code, i))).toBe(false);
    expect(await verifyInTx({ ...ref, challengeId: sent.challenge_id }, code)).toBe(true);
  }, 180_000);

  it("T4: of 20 concurrent submissions of the right code exactly one is accepted", async () => {
    const { phone, ref } = await smsUserAtMfaStep(t);
    const sent = await sendSignInCode(ref, "sms", NO_META);
    const code = t.gateway.lastCodeTo(phone);
    const results = await Promise.all(Array.from({ length: 20 }, () => verifyInTx({ ...ref, challengeId: sent.challenge_id }, code)));
    expect(results.filter(Boolean)).toHaveLength(1);
    const row = await challengeRow(sent.challenge_id);
    expect(row.consumedAt).not.toBeNull();
    expect(row.attempts).toBeLessThanOrEqual(5);
  });

  it("a challenge of person A / session A proves nothing for B or another session", async () => {
    const a = await smsUserAtMfaStep(t);
    const b = await smsUserAtMfaStep(t);
    const sent = await sendSignInCode(a.ref, "sms", NO_META);
    const code = t.gateway.lastCodeTo(a.phone);
    const otherSessionOfA = await pendingSignIn(a.user, "mfa");
    expect(await verifyInTx({ ...b.ref, challengeId: sent.challenge_id }, code)).toBe(false);
    expect(await verifyInTx({ userId: b.user.id, sessionId: a.ref.sessionId, challengeId: sent.challenge_id }, code)).toBe(false);
    expect(await verifyInTx({ userId: a.user.id, sessionId: otherSessionOfA.session.id, challengeId: sent.challenge_id }, code)).toBe(false);
    expect(await verifyInTx({ ...a.ref, challengeId: "not-a-uuid" }, code)).toBe(false);
    expect((await challengeRow(sent.challenge_id)).attempts).toBe(0);
    expect(await verifyInTx({ ...a.ref, challengeId: sent.challenge_id }, code)).toBe(true);
  });

  it("an enrollment code is not a sign-in code", async () => {
    const { user, self } = await freshSelf();
    const phone = newPhone();
    const sent = await startChannelEnrollment(self, "sms", { phone });
    expect(await verifyInTx({ userId: user.id, sessionId: self.sessionId, challengeId: sent.challenge_id }, t.gateway.lastCodeTo(phone))).toBe(false);
  });
});
