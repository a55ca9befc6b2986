import { and, eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { auditEvents, sessions, users, type UserRow } from "@/db/schema";
import { NO_META } from "../auth/actor";
import { signInWithPassword } from "../auth/sign-in";
import { getDb } from "../db";
import { createTestUser, grantSystemRole, TEST_PASSWORD } from "../testing/factories";
import { verifySecondFactor, WRONG_CODE } from "./step";
import { enrollTestTotp, giveTestRecoveryCodes, pendingSignIn, sessionRow, setMfaSettings, totpAt, trials } from "./testing";
import { MFA_ACCOUNT_LOCK, MFA_CODE_ATTEMPTS } from "./types";

const TRIALS = trials(1);
const codeOf = (p: Promise<unknown>) => p.then(() => "ok", (e: { code?: string; message?: string }) => e.code ?? String(e));
const signIn = (user: UserRow) => signInWithPassword({ identifier: user.username, password: TEST_PASSWORD }, NO_META);
const userRow = async (id: string) => (await (await getDb()).select().from(users).where(eq(users.id, id)))[0];

afterEach(() => setMfaSettings({ policy: "optional", totp: true, sms: false, email: false, passkey: true, email_for_admins: false }));

describe("the stage a password sign-in lands on", () => {
  it("asks the MFA step of an Enabled user with a factor, and nothing of a Disabled one", async () => {
    const enabled = await createTestUser({ mfaPolicy: "enabled" });
    await enrollTestTotp(enabled);
    expect((await signIn(enabled))?.stage).toBe("mfa");
    const disabled = await createTestUser({ mfaPolicy: "disabled" });
    await enrollTestTotp(disabled);
    expect((await signIn(disabled))?.stage).toBe("active");
  });

  it("leads a Force enabled user without a factor through setup, and a pending sign-in is short-lived", async () => {
    const forced = await createTestUser({ mfaPolicy: "force_enabled" });
    const result = await signIn(forced);
    expect(result?.stage).toBe("mfa_enroll");
    const row = await sessionRow(result!.sessionId);
    expect(row.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(15 * 60_000);
  });

  it("follows the global policy: off wins over Force enabled; required_admins catches console roles only", async () => {
    const forced = await createTestUser({ mfaPolicy: "force_enabled" });
    await setMfaSettings({ policy: "off" });
    expect((await signIn(forced))?.stage).toBe("active");

    await setMfaSettings({ policy: "required_admins" });
    const plain = await createTestUser();
    const auditor = await createTestUser();
    await grantSystemRole(auditor.id, "system_auditor");
    const superAdmin = await createTestUser({ isAdmin: true });
    expect((await signIn(plain))?.stage).toBe("active");
    expect((await signIn(auditor))?.stage).toBe("mfa_enroll");
    expect((await signIn(superAdmin))?.stage).toBe("mfa_enroll");

    await setMfaSettings({ policy: "required_all" });
    expect((await signIn(plain))?.stage).toBe("mfa_enroll");
  });

  it("does not count a backend the admin switched off; email codes never count for administrators unless allowed", async () => {
    const user = await createTestUser({ mfaPolicy: "force_enabled" });
    await enrollTestTotp(user);
    expect((await signIn(user))?.stage).toBe("mfa");
    await setMfaSettings({ totp: false });
    expect((await signIn(user))?.stage).toBe("mfa_enroll");
  });

  it("puts the second factor before a required password change", async () => {
    const user = await createTestUser({ mfaPolicy: "enabled", mustChangePassword: true });
    const secret = await enrollTestTotp(user);
    const result = await signIn(user);
    expect(result?.stage).toBe("mfa");
    const ctx = await pendingSignIn(user);
    expect(await verifySecondFactor(ctx, { method: "totp", code: await totpAt(secret) }, NO_META)).toEqual({ redirect: "/change-password" });
    expect((await sessionRow(ctx.session.id)).stage).toBe("password_change");
  });
});

describe("the MFA step", () => {
  it("accepts the right code once, makes the session active with its full lifetime, and audits the method", async () => {
    const user = await createTestUser({ mfaPolicy: "enabled" });
    const secret = await enrollTestTotp(user);
    const ctx = await pendingSignIn(user);
    const code = await totpAt(secret);
    expect(await verifySecondFactor(ctx, { method: "totp", code }, NO_META)).toEqual({ redirect: "/admin" });
    const row = await sessionRow(ctx.session.id);
    expect(row).toMatchObject({ stage: "active", methods: ["password", "totp"], mfaAttempts: 0 });
    expect(row.expiresAt.getTime() - Date.now()).toBeGreaterThan(60 * 60_000);
    const db = await getDb();
    const [event] = await db.select().from(auditEvents).where(and(eq(auditEvents.action, "auth.mfa"), eq(auditEvents.targetId, user.id)));
    expect(event).toMatchObject({ outcome: "success" });
    expect(event.metadata).toMatchObject({ method: "totp", session_id: ctx.session.id });
    expect(JSON.stringify(event)).not.toContain(code);

    // The same code in another sign-in is a replay: refused exactly like a wrong code (T4).
    const second = await pendingSignIn(user);
    const replay = await verifySecondFactor(second, { method: "totp", code }, NO_META).catch((e) => e);
    const wrong = await verifySecondFactor(second, { method: "totp", code: code === "000000" ? "111111" : "000000" }, NO_META).catch((e) => e);
    expect([replay.code, replay.message, replay.details]).toEqual([wrong.code, wrong.message, wrong.details]);
    expect(wrong.message).toBe(WRONG_CODE);
  });

  it("refuses a method the person has not enrolled, without counting an attempt", async () => {
    const user = await createTestUser({ mfaPolicy: "enabled" });
    await enrollTestTotp(user);
    const ctx = await pendingSignIn(user);
    expect(await codeOf(verifySecondFactor(ctx, { method: "recovery_code", code: "AAAA-BBBB-CCCC" }, NO_META))).toBe("conflict");
    expect(await codeOf(verifySecondFactor(ctx, { method: "sms", code: "123456", challenge_id: crypto.randomUUID() }, NO_META))).toBe("conflict");
    expect((await sessionRow(ctx.session.id)).mfaAttempts).toBe(0);
  });

  it(`ends the sign-in after ${MFA_CODE_ATTEMPTS} codes: the right one afterwards does not help`, async () => {
    const user = await createTestUser({ mfaPolicy: "enabled" });
    const secret = await enrollTestTotp(user);
    const ctx = await pendingSignIn(user);
    for (let i = 1; i < MFA_CODE_ATTEMPTS; i++) expect(await codeOf(verifySecondFactor(ctx, { method: "totp", code: "000000" }, NO_META))).toBe("validation");
    expect(await codeOf(verifySecondFactor(ctx, { method: "totp", code: "000000" }, NO_META))).toBe("unauthenticated");
    expect(await sessionRow(ctx.session.id)).toBeUndefined();
    expect(await codeOf(verifySecondFactor(ctx, { method: "totp", code: await totpAt(secret) }, NO_META))).toBe("unauthenticated");
  });
});

/**
 * T3: 1000 wrong codes with the right one at a random position after the limit, through the MFA step, per channel.
 * Sign-ins are opened directly (a real attacker could not even sign in once the account is locked).
 */
describe("T3: the OTP brute-force budget", () => {
  for (const channel of ["totp", "recovery_code"] as const) {
    it(`gives 0 successes for ${channel} over ${TRIALS} run(s) of 1000 wrong codes, and locks the account at ${MFA_ACCOUNT_LOCK} consecutive failures`, async () => {
      for (let run = 0; run < TRIALS; run++) {
        const user = await createTestUser({ mfaPolicy: "enabled" });
        const secret = await enrollTestTotp(user);
        const recovery = "ABCD-EFGH-JKMN";
        await giveTestRecoveryCodes(user, [recovery]);
        const right = async () => (channel === "totp" ? totpAt(secret) : recovery);
        const wrong = (i: number) => (channel === "totp" ? String(100000 + i) : `WRNG-${String(i).padStart(4, "0")}-XXXX`);
        const rightAt = MFA_ACCOUNT_LOCK + Math.floor(Math.random() * (1000 - MFA_ACCOUNT_LOCK));
        let successes = 0;
        let checked = 0;
        let ctx = await pendingSignIn(user);
        for (let i = 0; i <= 1000; i++) {
          const code = i === rightAt ? await right() : wrong(i);
          if (code === (await right()) && i !== rightAt) continue; // a "wrong" code that happens to be right
          const outcome = await codeOf(verifySecondFactor(ctx, { method: channel, code }, NO_META));
          if (outcome === "ok") successes++;
          if (outcome === "validation") checked++;
          if (outcome === "unauthenticated") ctx = await pendingSignIn(user);
        }
        expect(successes).toBe(0);
        expect(checked).toBeLessThan(MFA_ACCOUNT_LOCK);
        const locked = await userRow(user.id);
        expect(locked.lockedUntil!.getTime()).toBeGreaterThan(Date.now());
        expect(locked.mfaFailedCount).toBe(MFA_ACCOUNT_LOCK);
        const db = await getDb();
        const lockEvents = await db.select().from(auditEvents).where(and(eq(auditEvents.action, "auth.mfa"), eq(auditEvents.targetId, user.id), eq(auditEvents.outcome, "failure")));
        expect(lockEvents.some((e) => (e.metadata as { reason?: string }).reason === "account_locked")).toBe(true);

        // Once the lock has run out, a new cycle starts and the right code works: the test can pass.
        await db.update(users).set({ lockedUntil: new Date(Date.now() - 1000) }).where(eq(users.id, user.id));
        const fresh = await pendingSignIn(user);
        const finalCode = channel === "totp" ? await totpAt(secret, new Date(Date.now() + 30_000)) : recovery;
        expect(await codeOf(verifySecondFactor(fresh, { method: channel, code: finalCode }, NO_META))).toBe("ok");
        expect((await userRow(user.id)).mfaFailedCount).toBe(0);
      }
    }, 300_000);
  }

  it("ends every sign-in waiting at the MFA step when the account locks", async () => {
    const user = await createTestUser({ mfaPolicy: "enabled" });
    await enrollTestTotp(user);
    const bystander = await pendingSignIn(user);
    const db = await getDb();
    await db.update(users).set({ mfaFailedCount: MFA_ACCOUNT_LOCK - 1 }).where(eq(users.id, user.id));
    const ctx = await pendingSignIn(user);
    expect(await codeOf(verifySecondFactor(ctx, { method: "totp", code: "000000" }, NO_META))).toBe("unauthenticated");
    expect(await db.select().from(sessions).where(eq(sessions.id, bystander.session.id))).toHaveLength(0);
    expect((await userRow(user.id)).lockedUntil!.getTime()).toBeGreaterThan(Date.now());
  });
});
