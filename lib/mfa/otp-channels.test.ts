import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, mfaOtpChannels, otpChallenges, users } from "@/db/schema";
import { NO_META } from "../auth/actor";
import { getDb } from "../db";
import { mfaCodeMail } from "../mail/templates";
import { signedIn } from "../profile/test-helpers";
import { createTestUser, grantSystemRole } from "../testing/factories";
import { hashCode } from "./code-hash";
import { confirmChannelEnrollment, forgetChannel, removeChannel, sendSignInCode, startChannelEnrollment, WRONG_CODE_MESSAGE } from "./otp-channels";
import { maskEmail, maskPhone } from "./otp-mask";
import { completeForcedChannelSetup } from "./otp-setup";
import { allowAnotherCode, challengeRow, channelRow, failure, newPhone, smsUserAtMfaStep, setUpOtpTests, verifyInTx, wrongCodeFor } from "./otp-test-helpers";
import { mfaSelfFromActor, mfaSelfFromSetup } from "./self";
import { auditOf, freshSelf, pendingSignIn, sessionRow, setMfaSettings } from "./testing";

/** Enrolling and removing SMS / email codes; sign-in codes, limits and T3/T4 are in otp-sign-in.test.ts. */
const t = setUpOtpTests();
const TTL_MS = 10 * 60_000;

describe("enrolling SMS", () => {
  it("texts a code to the given number, and the code makes it the factor and the profile phone", async () => {
    const { user, self } = await freshSelf({ phone: "+14155550999" });
    const phone = newPhone();
    const sent = await startChannelEnrollment(self, "sms", { phone: `${phone.slice(0, 2)} (${phone.slice(2, 5)}) ${phone.slice(5, 8)}-${phone.slice(8)}` });
    expect(sent.sent_to).toBe(`+1 ••• ••• ${phone.slice(-4)}`);
    expect(new Date(sent.expires_at).getTime() - Date.now()).toBeGreaterThan(TTL_MS - 10_000);
    expect(new Date(sent.expires_at).getTime() - Date.now()).toBeLessThanOrEqual(TTL_MS);
    const text = t.gateway.received.at(-1)!;
    expect(text).toMatchObject({ to: phone, purpose: "verify-phone" });
    const code = t.gateway.lastCodeTo(phone);
    expect(code).toMatch(/^\d{6}$/);

    const [send] = await auditOf(user.id, "mfa.code.send");
    expect(send.metadata).toMatchObject({ channel: "sms", purpose: "enroll", sent_to: sent.sent_to, provider: "webhook", provider_message_id: `gw-${t.gateway.received.length}` });
    expect(await channelRow(user.id, "sms")).toBeUndefined();

    await confirmChannelEnrollment(self, "sms", sent.challenge_id, code);
    expect(await channelRow(user.id, "sms")).toMatchObject({ target: phone, lastUsedAt: null });
    const db = await getDb();
    const [after] = await db.select().from(users).where(eq(users.id, user.id));
    expect(after.phone).toBe(phone);
    expect(after.mfaPolicy).toBe("enabled");
    expect((await challengeRow(sent.challenge_id)).consumedAt).not.toBeNull();
    const [enroll] = await auditOf(user.id, "mfa.sms.enroll");
    expect(enroll.metadata).toMatchObject({ sent_to: sent.sent_to, via: "profile", profile_phone_updated: true, replaced: false });
    expect(enroll.diff).toEqual({ phone: { before: "+14155550999", after: phone } });
    expect(JSON.stringify(await db.select().from(auditEvents))).not.toContain(code);
  });

  it("uses the profile phone when none is given, and refuses a missing or malformed number", async () => {
    const phone = newPhone();
    const { user, self } = await freshSelf({ phone });
    const sent = await startChannelEnrollment(self, "sms", {});
    await confirmChannelEnrollment(self, "sms", sent.challenge_id, t.gateway.lastCodeTo(phone));
    expect((await channelRow(user.id, "sms"))?.target).toBe(phone);
    expect((await auditOf(user.id, "mfa.sms.enroll"))[0].diff).toBeNull();

    const { self: noPhone } = await freshSelf();
    expect(await failure(startChannelEnrollment(noPhone, "sms", {}))).toMatchObject({ code: "validation" });
    expect(await failure(startChannelEnrollment(noPhone, "sms", { phone: "0041 79 123" }))).toMatchObject({ code: "validation" });
  });

  it("a wrong code leaves nothing enrolled and the profile untouched; the right one still works after it", async () => {
    const { user, self } = await freshSelf();
    const phone = newPhone();
    const sent = await startChannelEnrollment(self, "sms", { phone });
    const code = t.gateway.lastCodeTo(phone);
    expect(await failure(confirmChannelEnrollment(self, "sms", sent.challenge_id, wrongCodeFor(code, 1)))).toEqual({ code: "validation", message: WRONG_CODE_MESSAGE, retryAfter: undefined });
    expect(await channelRow(user.id, "sms")).toBeUndefined();
    const db = await getDb();
    expect((await db.select().from(users).where(eq(users.id, user.id)))[0]).toMatchObject({ phone: null, mfaPolicy: "disabled" });
    expect(await auditOf(user.id, "mfa.sms.enroll")).toHaveLength(0);
    // A code for the other channel, or for another purpose, proves nothing here either.
    expect(await failure(confirmChannelEnrollment(self, "email", sent.challenge_id, code))).toMatchObject({ code: "validation" });
    await confirmChannelEnrollment(self, "sms", sent.challenge_id, code);
    expect((await challengeRow(sent.challenge_id)).attempts).toBe(2); // the other-channel try claimed nothing
    // Single use.
    expect(await failure(confirmChannelEnrollment(self, "sms", sent.challenge_id, code))).toMatchObject({ code: "validation", message: WRONG_CODE_MESSAGE });
  });

  it("refuses the right code after five wrong ones, and after the 10-minute lifetime", async () => {
    const { user, self } = await freshSelf();
    const phone = newPhone();
    const sent = await startChannelEnrollment(self, "sms", { phone });
    const code = t.gateway.lastCodeTo(phone);
    for (let i = 0; i < 5; i++) await failure(confirmChannelEnrollment(self, "sms", sent.challenge_id, wrongCodeFor(code, i)));
    expect(await failure(confirmChannelEnrollment(self, "sms", sent.challenge_id, code))).toMatchObject({ message: WRONG_CODE_MESSAGE });

    await allowAnotherCode(user.id, phone);
    const again = await startChannelEnrollment(self, "sms", { phone });
    const fresh = t.gateway.lastCodeTo(phone);
    const expiry = new Date(again.expires_at);
    expect(await failure(confirmChannelEnrollment(self, "sms", again.challenge_id, fresh, new Date(expiry.getTime() + 1000)))).toMatchObject({ message: WRONG_CODE_MESSAGE });
    expect(await channelRow(user.id, "sms")).toBeUndefined();
    await confirmChannelEnrollment(self, "sms", again.challenge_id, fresh, new Date(expiry.getTime() - 1000));
    expect(await channelRow(user.id, "sms")).toBeDefined();
  });

  it("binds the challenge to the person and session that asked for it", async () => {
    const a = await freshSelf();
    const phone = newPhone();
    const sent = await startChannelEnrollment(a.self, "sms", { phone });
    const code = t.gateway.lastCodeTo(phone);
    const b = await freshSelf();
    expect(await failure(confirmChannelEnrollment(b.self, "sms", sent.challenge_id, code))).toMatchObject({ message: WRONG_CODE_MESSAGE });
    const { actor: otherSession } = await signedIn(a.user);
    const aElsewhere = await mfaSelfFromActor(otherSession);
    expect(await failure(confirmChannelEnrollment(aElsewhere, "sms", sent.challenge_id, code))).toMatchObject({ message: WRONG_CODE_MESSAGE });
    expect(await channelRow(b.user.id, "sms")).toBeUndefined();
    expect((await challengeRow(sent.challenge_id)).attempts).toBe(0);
    await confirmChannelEnrollment(a.self, "sms", sent.challenge_id, code);
    expect(await channelRow(a.user.id, "sms")).toBeDefined();
  });

  it("works during forced setup (stage mfa_enroll): the session moves on only once the number is proved", async () => {
    const user = await createTestUser({ mfaPolicy: "force_enabled" });
    const ctx = await pendingSignIn(user, "mfa_enroll");
    const self = await mfaSelfFromSetup(ctx, NO_META);
    expect(await failure(completeForcedChannelSetup(ctx, "sms"))).toMatchObject({ code: "conflict" });
    const phone = newPhone();
    const sent = await startChannelEnrollment(self, "sms", { phone });
    expect(await failure(completeForcedChannelSetup(ctx, "sms"))).toMatchObject({ code: "conflict" });
    await confirmChannelEnrollment(self, "sms", sent.challenge_id, t.gateway.lastCodeTo(phone));
    expect((await auditOf(user.id, "mfa.sms.enroll"))[0].metadata).toMatchObject({ via: "setup" });
    expect(await failure(completeForcedChannelSetup(ctx, "email"))).toMatchObject({ code: "conflict" });
    expect(await completeForcedChannelSetup(ctx, "sms")).toEqual({ next: "/admin" });
    const after = await sessionRow(ctx.session.id);
    expect(after).toMatchObject({ stage: "active", methods: ["password", "sms"] });
    expect(await failure(completeForcedChannelSetup({ ...ctx, session: after }, "sms"))).toMatchObject({ code: "forbidden" });
  });

  it("forced setup does not count a factor proved before this sign-in, nor a backend switched off", async () => {
    const { user, self } = await freshSelf({ mfaPolicy: "force_enabled" });
    const phone = newPhone();
    const sent = await startChannelEnrollment(self, "sms", { phone });
    await confirmChannelEnrollment(self, "sms", sent.challenge_id, t.gateway.lastCodeTo(phone));
    const db = await getDb();
    await db.update(mfaOtpChannels).set({ createdAt: new Date(Date.now() - 3_600_000) }).where(eq(mfaOtpChannels.userId, user.id));
    const ctx = await pendingSignIn(user, "mfa_enroll");
    expect(await failure(completeForcedChannelSetup(ctx, "sms"))).toMatchObject({ code: "conflict" });
    await db.update(mfaOtpChannels).set({ createdAt: new Date() }).where(eq(mfaOtpChannels.userId, user.id));
    await setMfaSettings({ sms: false });
    try {
      expect(await failure(completeForcedChannelSetup(ctx, "sms"))).toMatchObject({ code: "forbidden" });
    } finally {
      await setMfaSettings({ sms: true });
    }
    expect((await sessionRow(ctx.session.id)).stage).toBe("mfa_enroll");
  });
});

describe("enrolling email", () => {
  it("mails a code to the profile address; the code makes the address the factor", async () => {
    const { user, self } = await freshSelf();
    const sent = await startChannelEnrollment(self, "email", { phone: "+14155550000" });
    expect(sent.sent_to).toBe(maskEmail(user.email));
    const code = t.mail.lastCodeTo(user.email);
    expect(String(t.mail.log.mock.calls.at(-1)?.[0])).toContain("Subject: Confirm your email for Gatehouse sign-in codes");
    const [send] = await auditOf(user.id, "mfa.code.send");
    expect(send.metadata).toMatchObject({ channel: "email", purpose: "enroll", sent_to: sent.sent_to, provider: "mail:log" });
    await confirmChannelEnrollment(self, "email", sent.challenge_id, code);
    expect((await channelRow(user.id, "email"))?.target).toBe(user.email);
    expect((await auditOf(user.id, "mfa.email.enroll"))[0].metadata).toMatchObject({ sent_to: sent.sent_to });
    const db = await getDb();
    expect((await db.select().from(users).where(eq(users.id, user.id)))[0].phone).toBeNull();
  });

  it("refuses the code when the profile address changed since it was sent", async () => {
    const { user, self } = await freshSelf();
    const sent = await startChannelEnrollment(self, "email", {});
    const code = t.mail.lastCodeTo(user.email);
    const db = await getDb();
    await db.update(users).set({ email: `moved-${user.email}` }).where(eq(users.id, user.id));
    expect(await failure(confirmChannelEnrollment(self, "email", sent.challenge_id, code))).toMatchObject({ code: "conflict" });
    expect(await channelRow(user.id, "email")).toBeUndefined();
  });

  it("is refused for an administrator unless the settings allow email codes for admins", async () => {
    const { user, self } = await freshSelf();
    await grantSystemRole(user.id, "system_admin");
    expect(await failure(startChannelEnrollment(self, "email", {}))).toMatchObject({ code: "forbidden", message: expect.stringMatching(/administrators/) });
    await setMfaSettings({ email_for_admins: true });
    try {
      const sent = await startChannelEnrollment(self, "email", {});
      await confirmChannelEnrollment(self, "email", sent.challenge_id, t.mail.lastCodeTo(user.email));
      expect(await channelRow(user.id, "email")).toBeDefined();
    } finally {
      await setMfaSettings({ email_for_admins: false });
    }
  });
});

describe("backends switched off", () => {
  it("refuses to start or confirm an enrollment, and to send a sign-in code (403)", async () => {
    const { user, self, ref } = await smsUserAtMfaStep(t);
    const { self: other } = await freshSelf();
    const phone = newPhone();
    const pending = await startChannelEnrollment(other, "sms", { phone });
    await setMfaSettings({ sms: false });
    try {
      expect(await failure(startChannelEnrollment(self, "sms", { phone: newPhone() }))).toMatchObject({ code: "forbidden" });
      expect(await failure(confirmChannelEnrollment(other, "sms", pending.challenge_id, t.gateway.lastCodeTo(phone)))).toMatchObject({ code: "forbidden" });
      expect(await failure(sendSignInCode(ref, "sms", NO_META))).toMatchObject({ code: "forbidden" });
      expect(await channelRow(user.id, "sms")).toBeDefined();
    } finally {
      await setMfaSettings({ sms: true });
    }
  });
});

describe("codes at rest", () => {
  it("stores only an HMAC bound to the challenge: the code appears nowhere in the row or the audit trail", async () => {
    const { user, self } = await freshSelf();
    const phone = newPhone();
    const sent = await startChannelEnrollment(self, "sms", { phone });
    const code = t.gateway.lastCodeTo(phone);
    const row = await challengeRow(sent.challenge_id);
    expect(row).toMatchObject({ userId: user.id, sessionId: self.sessionId, purpose: "enroll", channel: "sms", target: phone, attempts: 0, consumedAt: null });
    expect(row.codeHash).toBe(hashCode(code, row.id));
    expect(row.codeHash).not.toBe(hashCode(code, user.id));
    const db = await getDb();
    const rows = await db.select().from(otpChallenges);
    const events = await db.select().from(auditEvents);
    for (const dump of [JSON.stringify(rows), JSON.stringify(events)]) expect(dump).not.toMatch(new RegExp(`(^|\\D)${code}(\\D|$)`));
  });
});

describe("forgetChannel", () => {
  it("removes the factor without checks and makes its open codes worthless; false when there was none", async () => {
    const { user, phone, ref } = await smsUserAtMfaStep(t);
    const sent = await sendSignInCode(ref, "sms", NO_META);
    const code = t.gateway.lastCodeTo(phone);
    const db = await getDb();
    expect(await db.transaction((tx) => forgetChannel(tx, user.id, "sms"))).toBe(true);
    expect(await channelRow(user.id, "sms")).toBeUndefined();
    expect(await verifyInTx({ ...ref, challengeId: sent.challenge_id }, code)).toBe(false);
    expect(await db.transaction((tx) => forgetChannel(tx, user.id, "sms"))).toBe(false);
    expect(await failure(sendSignInCode(ref, "sms", NO_META))).toMatchObject({ code: "not_found" });
  });

  it("a code sent before the number changed does not verify against the new number", async () => {
    const { user, phone, ref } = await smsUserAtMfaStep(t);
    const sent = await sendSignInCode(ref, "sms", NO_META);
    const code = t.gateway.lastCodeTo(phone);
    const db = await getDb();
    await db.update(mfaOtpChannels).set({ target: newPhone() }).where(eq(mfaOtpChannels.userId, user.id));
    expect(await verifyInTx({ ...ref, challengeId: sent.challenge_id }, code)).toBe(false);
  });
});

describe("removeChannel", () => {
  it("removes an enrolled factor and audits it; 404 when there is none", async () => {
    const { user, self } = await smsUserAtMfaStep(t);
    await removeChannel(self, "sms");
    expect(await channelRow(user.id, "sms")).toBeUndefined();
    expect((await auditOf(user.id, "mfa.sms.remove"))[0].metadata).toMatchObject({ via: "profile", sent_to: expect.stringMatching(/^\+1 ••• ••• \d{4}$/) });
    expect(await failure(removeChannel(self, "sms"))).toMatchObject({ code: "not_found" });
    expect(await failure(removeChannel(self, "email"))).toMatchObject({ code: "not_found" });
  });

  it("refuses (409) to remove the last factor when MFA is required, and allows it once another exists", async () => {
    const { user, self } = await freshSelf({ mfaPolicy: "force_enabled" });
    const phone = newPhone();
    const sms = await startChannelEnrollment(self, "sms", { phone });
    await confirmChannelEnrollment(self, "sms", sms.challenge_id, t.gateway.lastCodeTo(phone));
    expect(await failure(removeChannel(self, "sms"))).toMatchObject({ code: "conflict", message: expect.stringMatching(/required/) });
    expect(await channelRow(user.id, "sms")).toBeDefined();

    const email = await startChannelEnrollment(self, "email", {});
    await confirmChannelEnrollment(self, "email", email.challenge_id, t.mail.lastCodeTo(user.email));
    await removeChannel(self, "sms");
    expect(await channelRow(user.id, "sms")).toBeUndefined();
    expect(await failure(removeChannel(self, "email"))).toMatchObject({ code: "conflict" });
  });
});

describe("helpers", () => {
  it("masks phone numbers by country code and emails by their first letter", () => {
    expect(maskPhone("+14155550123")).toBe("+1 ••• ••• 0123");
    expect(maskPhone("+442071234567")).toBe("+44 ••• ••• 4567");
    expect(maskPhone("+35312345678")).toBe("+353 ••• ••• 5678");
    expect(maskPhone("+79161234567")).toBe("+7 ••• ••• 4567");
    expect(maskEmail("ada@example.com")).toBe("a•••@example.com");
    expect(maskEmail("x@example.com")).toBe("x•••@example.com");
  });

  it("the email template carries the code, its lifetime, and escapes the name in HTML", () => {
    const now = new Date(0);
    const message = mfaCodeMail({ to: "ada@example.test", name: "Ada <L>", username: "ada", code: "012345", purpose: "sign_in", expiresAt: new Date(TTL_MS), now });
    expect(message.subject).toBe("Your Gatehouse sign-in code");
    expect(message.text).toMatch(/^012345$/m);
    expect(message.text).toContain("expires in 10 minutes");
    expect(message.html).toContain("Ada &lt;L&gt;");
    expect(message.html).toContain(">012345<");
  });
});
