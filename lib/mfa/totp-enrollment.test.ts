import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, mfaOtpChannels, mfaRecoveryCodes, mfaTotp, sessions, users } from "@/db/schema";
import { NO_META } from "../auth/actor";
import { decryptSecret } from "../crypto/secret-box";
import { getDb } from "../db";
import { AppError } from "../errors";
import { authenticatedMinutesAgo, signedIn } from "../profile/test-helpers";
import { createSession, loadSession } from "../sessions/sessions";
import { updateSettingsSection } from "../settings/update";
import { actorFor, adminUser, createTestUser } from "../testing/factories";
import { mfaSelfFromActor, mfaSelfFromSetup } from "./self";
import { beginTotpEnrollment, confirmTotpEnrollment, removeTotp } from "./totp";
import { timeStepAt } from "./totp-code";
import { completeForcedTotpSetup } from "./totp-forced-setup";
import { enrolledTotpUser, plusSteps } from "./totp-test-helpers";
import { auditOf, freshSelf, totpAt } from "./testing";

const codeOf = (promise: Promise<unknown>) => promise.then(() => "ok", (e: unknown) => (e instanceof AppError ? e.code : String(e)));
const wrongCodeFor = async (secret: string, at: Date) => String((Number(await totpAt(secret, at)) + 500_000) % 1_000_000).padStart(6, "0");

async function totpRow(userId: string) {
  const [row] = await (await getDb()).select().from(mfaTotp).where(eq(mfaTotp.userId, userId));
  return row;
}

describe("TOTP enrollment", () => {
  it("begins with a seed stored encrypted, a Gatehouse otpauth URI and a QR image", async () => {
    const { user, self } = await freshSelf();
    const start = await beginTotpEnrollment(self);
    expect(start.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(start.otpauth_uri).toBe(`otpauth://totp/Gatehouse:${encodeURIComponent(user.username)}?secret=${start.secret}&issuer=Gatehouse`);
    expect(start.qr_data_url).toMatch(/^data:image\/png;base64,[A-Za-z0-9+/=]{200,}$/);
    const row = await totpRow(user.id);
    expect(row.confirmedAt).toBeNull();
    expect(row.secretEncrypted).not.toContain(start.secret);
    expect(decryptSecret(row.secretEncrypted, "totp")).toBe(start.secret);
    // Beginning again replaces the pending seed: the first one can no longer be confirmed.
    const again = await beginTotpEnrollment(self);
    expect(again.secret).not.toBe(start.secret);
    expect(decryptSecret((await totpRow(user.id)).secretEncrypted, "totp")).toBe(again.secret);
    expect(await codeOf(confirmTotpEnrollment(self, await totpAt(start.secret, new Date())))).toBe("validation");
  });

  it("refuses a wrong code and changes nothing", async () => {
    const { user, self } = await freshSelf();
    const { secret } = await beginTotpEnrollment(self);
    const before = await totpRow(user.id);
    const error = await confirmTotpEnrollment(self, await wrongCodeFor(secret, new Date())).catch((e: AppError) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).details?.fieldErrors?.code?.[0]).toMatch(/That code is not right/);
    expect(await codeOf(confirmTotpEnrollment(self, "12 34"))).toBe("validation");
    expect(await totpRow(user.id)).toEqual(before);
    const db = await getDb();
    expect(await db.select().from(mfaRecoveryCodes).where(eq(mfaRecoveryCodes.userId, user.id))).toHaveLength(0);
    expect((await db.select().from(users).where(eq(users.id, user.id)))[0].mfaPolicy).toBe("disabled");
    expect(await auditOf(user.id, "mfa.totp.enroll")).toHaveLength(0);
  });

  it("confirms: records the code's step, issues 10 recovery codes, turns MFA on for a Disabled user, audits without secrets", async () => {
    const at = new Date();
    const { user, secret, recovery_codes } = await enrolledTotpUser(at);
    expect(user.mfaPolicy).toBe("disabled");
    const row = await totpRow(user.id);
    expect(row.confirmedAt).toBeInstanceOf(Date);
    expect(row.lastTimeStep).toBe(timeStepAt(at));
    expect(recovery_codes).toHaveLength(10);
    const db = await getDb();
    expect((await db.select().from(users).where(eq(users.id, user.id)))[0].mfaPolicy).toBe("enabled");
    const [enroll] = await auditOf(user.id, "mfa.totp.enroll");
    expect(enroll.actorId).toBe(user.id);
    const everything = JSON.stringify(await db.select().from(auditEvents).where(eq(auditEvents.targetId, user.id)));
    for (const secretThing of [secret, await totpAt(secret, at), ...recovery_codes, ...recovery_codes.map((c) => c.replaceAll("-", ""))]) {
      expect(everything).not.toContain(secretThing);
    }
  });

  it("an Enabled or Force enabled person keeps their policy", async () => {
    const { user, self } = await freshSelf({ mfaPolicy: "force_enabled" });
    const { secret } = await beginTotpEnrollment(self);
    await confirmTotpEnrollment(self, await totpAt(secret, new Date()));
    const db = await getDb();
    expect((await db.select().from(users).where(eq(users.id, user.id)))[0].mfaPolicy).toBe("force_enabled");
  });

  it("refuses to begin while a confirmed app exists (409), and a second confirmation", async () => {
    const { self, secret } = await enrolledTotpUser(new Date());
    expect(await codeOf(beginTotpEnrollment(self))).toBe("conflict");
    expect(decryptSecret((await totpRow(self.user.id)).secretEncrypted, "totp")).toBe(secret);
    expect(await codeOf(confirmTotpEnrollment(self, await totpAt(secret, plusSteps(new Date(), 1))))).toBe("conflict");
  });

  it("limits confirmation attempts: after 10, even the right code is refused", async () => {
    const { self } = await freshSelf();
    const { secret } = await beginTotpEnrollment(self);
    for (let i = 0; i < 10; i++) expect(await codeOf(confirmTotpEnrollment(self, await wrongCodeFor(secret, new Date())))).toBe("validation");
    expect(await codeOf(confirmTotpEnrollment(self, await totpAt(secret, new Date())))).toBe("rate_limited");
    expect((await totpRow(self.user.id)).confirmedAt).toBeNull();
  });

  it("needs a re-authentication within 10 minutes", async () => {
    const user = await createTestUser();
    const { actor, sessionId } = await signedIn(user);
    await authenticatedMinutesAgo(sessionId, 11);
    expect(await codeOf(mfaSelfFromActor(actor))).toBe("unauthenticated");
    await authenticatedMinutesAgo(sessionId, 9);
    expect(await codeOf(mfaSelfFromActor(actor).then(beginTotpEnrollment))).toBe("ok");
  });
});

describe("TOTP removal", () => {
  it("removes the app; recovery codes go with the last method, 404 afterwards", async () => {
    const { user, self } = await enrolledTotpUser(new Date());
    await removeTotp(self);
    const db = await getDb();
    expect(await totpRow(user.id)).toBeUndefined();
    expect(await db.select().from(mfaRecoveryCodes).where(eq(mfaRecoveryCodes.userId, user.id))).toHaveLength(0);
    const [removed] = await auditOf(user.id, "mfa.totp.remove");
    expect(removed.metadata).toMatchObject({ recovery_codes_deleted: 10 });
    expect(await codeOf(removeTotp(self))).toBe("not_found");
  });

  it("keeps the recovery codes while another method remains", async () => {
    const { user, self } = await enrolledTotpUser(new Date());
    const db = await getDb();
    await db.insert(mfaOtpChannels).values({ userId: user.id, channel: "email", target: user.email });
    await removeTotp(self);
    expect(await db.select().from(mfaRecoveryCodes).where(eq(mfaRecoveryCodes.userId, user.id))).toHaveLength(10);
  });

  it("refuses to remove the last factor when MFA is required for the person (409)", async () => {
    const { user, self } = await enrolledTotpUser(new Date());
    const db = await getDb();
    await db.update(users).set({ mfaPolicy: "force_enabled" }).where(eq(users.id, user.id));
    const forced = await mfaSelfFromActor(self.actor);
    expect(await codeOf(removeTotp(forced))).toBe("conflict");
    expect((await totpRow(user.id)).confirmedAt).not.toBeNull();
    expect(await auditOf(user.id, "mfa.totp.remove")).toHaveLength(0);
  });
});

describe("forced setup at sign-in", () => {
  async function enrollSession(userId: string) {
    const db = await getDb();
    const session = await createSession(db, { userId, stage: "mfa_enroll", authSource: "internal", methods: ["password"], meta: NO_META });
    return (await loadSession(session.id))!;
  }

  it("moves the session on only once an app was confirmed during this sign-in", async () => {
    const user = await createTestUser({ mfaPolicy: "force_enabled" });
    const ctx = await enrollSession(user.id);
    const self = await mfaSelfFromSetup(ctx, NO_META);
    expect(await codeOf(completeForcedTotpSetup(ctx))).toBe("conflict");
    const { secret } = await beginTotpEnrollment(self);
    expect(await codeOf(completeForcedTotpSetup(ctx))).toBe("conflict");
    await confirmTotpEnrollment(self, await totpAt(secret, new Date()));
    expect(await completeForcedTotpSetup(ctx)).toEqual({ next: "/admin" });
    const db = await getDb();
    const [session] = await db.select().from(sessions).where(eq(sessions.id, ctx.session.id));
    expect(session.stage).toBe("active");
    expect(session.methods).toEqual(["password", "totp"]);
  });

  it("does not count an app confirmed before this sign-in, nor one whose backend is switched off", async () => {
    const { user } = await enrolledTotpUser(new Date());
    const db = await getDb();
    await db.update(users).set({ mfaPolicy: "force_enabled" }).where(eq(users.id, user.id));
    await db.update(mfaTotp).set({ confirmedAt: new Date(Date.now() - 60_000) }).where(eq(mfaTotp.userId, user.id));
    const ctx = await enrollSession(user.id);
    expect(await codeOf(completeForcedTotpSetup(ctx))).toBe("conflict");
    await db.update(mfaTotp).set({ confirmedAt: new Date(Date.now() + 1_000) }).where(eq(mfaTotp.userId, user.id));
    const admin = await actorFor(await adminUser());
    await updateSettingsSection(admin, "mfa", { totp: false });
    try {
      expect(await codeOf(completeForcedTotpSetup(ctx))).toBe("forbidden");
      expect((await db.select().from(sessions).where(eq(sessions.id, ctx.session.id)))[0].stage).toBe("mfa_enroll");
    } finally {
      await updateSettingsSection(admin, "mfa", { totp: true });
    }
  });
});

describe("backend switched off by the admin", () => {
  it("refuses to begin and to confirm (forbidden)", async () => {
    const { self } = await freshSelf();
    const { secret } = await beginTotpEnrollment(self);
    const admin = await actorFor(await adminUser());
    await updateSettingsSection(admin, "mfa", { totp: false });
    try {
      expect(await codeOf(beginTotpEnrollment(self))).toBe("forbidden");
      expect(await codeOf(confirmTotpEnrollment(self, await totpAt(secret, new Date())))).toBe("forbidden");
      expect((await totpRow(self.user.id)).confirmedAt).toBeNull();
    } finally {
      await updateSettingsSection(admin, "mfa", { totp: true });
    }
  });
});
