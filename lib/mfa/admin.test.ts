import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, mfaRecoveryCodes, mfaTotp, users } from "@/db/schema";
import { getDb } from "../db";
import { authenticatedMinutesAgo, signedIn } from "../profile/test-helpers";
import { actorFor, adminUser, createTestOrg, createTestUser, grantOrgRole, grantSystemRole } from "../testing/factories";
import { canResetMfa, getUserMfa, resetUserMfa } from "./admin";
import { getOwnMfa, setOwnMfaEnabled } from "./own";
import { assertFactorRemovable } from "./policy";
import { enrollTestTotp, giveTestRecoveryCodes, pendingSignIn, sessionRow, setMfaSettings } from "./testing";

const codeOf = (p: Promise<unknown>) => p.then(() => "ok", (e: { code?: string }) => e.code ?? String(e));

describe("an admin's view of a user's MFA", () => {
  it("shows the effective policy with its reason, and the enrolled methods without secrets", async () => {
    const user = await createTestUser({ mfaPolicy: "force_enabled" });
    const secret = await enrollTestTotp(user);
    await giveTestRecoveryCodes(user, ["AAAA-BBBB-CCCC", "DDDD-EEEE-FFFF"]);
    const mfa = await getUserMfa(await actorFor(await adminUser()), user.id);
    expect(mfa.policy).toMatchObject({ required: true, active: true, user_policy: "force_enabled", global_policy: "optional", user_can_disable: false });
    expect(mfa.policy.reason).toMatch(/Force enabled/);
    expect(mfa.methods.totp.enrolled).toBe(true);
    expect(mfa.methods.recovery_codes).toEqual({ total: 2, remaining: 2 });
    expect(mfa.usable_methods).toEqual(["totp"]);
    expect(JSON.stringify(mfa)).not.toContain(secret);
    expect(await codeOf(getUserMfa(await actorFor(await createTestUser()), user.id))).toBe("forbidden");
  });
});

describe("Reset MFA", () => {
  it("removes every factor, ends sign-ins waiting at the MFA step, and is audited (users.reset_mfa)", async () => {
    const user = await createTestUser({ mfaPolicy: "enabled" });
    await enrollTestTotp(user);
    await giveTestRecoveryCodes(user, ["AAAA-BBBB-CCCC"]);
    const pending = await pendingSignIn(user);
    const { removed } = await resetUserMfa(await actorFor(await adminUser()), user.id);
    expect(removed).toMatchObject({ totp: 1, recovery_codes: 1, passkeys: 0, otp_channels: 0, pending_sign_ins: 1 });
    const db = await getDb();
    expect(await db.select().from(mfaTotp).where(eq(mfaTotp.userId, user.id))).toHaveLength(0);
    expect(await db.select().from(mfaRecoveryCodes).where(eq(mfaRecoveryCodes.userId, user.id))).toHaveLength(0);
    expect(await sessionRow(pending.session.id)).toBeUndefined();
    const [event] = await db.select().from(auditEvents).where(and(eq(auditEvents.action, "user.mfa_reset"), eq(auditEvents.targetId, user.id)));
    expect(event.metadata).toMatchObject({ removed: { totp: 1 } });
  });

  it("is refused without users.reset_mfa, outside an org admin's organizations, and on a super-admin by a non-super-admin", async () => {
    const org = await createTestOrg();
    const orgAdmin = await createTestUser({ orgId: org });
    await grantOrgRole(orgAdmin.id, org, "org_admin");
    const member = await createTestUser({ orgId: org });
    const outsider = await createTestUser();
    await enrollTestTotp(member);
    await enrollTestTotp(outsider);
    const orgActor = await actorFor(orgAdmin);
    expect(await codeOf(resetUserMfa(orgActor, member.id))).toBe("ok");
    expect(await codeOf(resetUserMfa(orgActor, outsider.id))).toBe("not_found");
    expect(await codeOf(resetUserMfa(await actorFor(await createTestUser()), outsider.id))).toMatch(/forbidden|not_found/);
    expect(await canResetMfa(orgActor, outsider.id)).toBe(false);

    const superAdmin = await createTestUser({ isAdmin: true });
    await enrollTestTotp(superAdmin);
    const systemAdmin = await createTestUser();
    await grantSystemRole(systemAdmin.id, "system_admin");
    expect(await codeOf(resetUserMfa(await actorFor(systemAdmin), superAdmin.id))).toBe("forbidden");
    expect(await canResetMfa(await actorFor(systemAdmin), superAdmin.id)).toBe(false);
    const db = await getDb();
    expect(await db.select().from(mfaTotp).where(eq(mfaTotp.userId, superAdmin.id))).toHaveLength(1);
  });
});

describe("one's own MFA switch (T14 step-up)", () => {
  it("turns MFA on and off within the re-authentication window, and is refused after it", async () => {
    const user = await createTestUser({ mfaPolicy: "disabled" });
    const { actor, sessionId } = await signedIn(user);
    expect(await codeOf(setOwnMfaEnabled(actor, { enabled: true }))).toBe("conflict"); // nothing enrolled yet
    await enrollTestTotp(user);
    await authenticatedMinutesAgo(sessionId, 9);
    expect(await setOwnMfaEnabled(actor, { enabled: true })).toEqual({ mfa_policy: "enabled" });
    expect((await getOwnMfa(actor)).policy).toMatchObject({ active: true, user_can_disable: true });
    await authenticatedMinutesAgo(sessionId, 11);
    expect(await codeOf(setOwnMfaEnabled(actor, { enabled: false }))).toBe("unauthenticated");
    const db = await getDb();
    expect((await db.select().from(users).where(eq(users.id, user.id)))[0].mfaPolicy).toBe("enabled");
    await authenticatedMinutesAgo(sessionId, 1);
    expect(await setOwnMfaEnabled(actor, { enabled: false })).toEqual({ mfa_policy: "disabled" });
    expect(await codeOf(setOwnMfaEnabled(actor, { enabled: false, is_admin: true } as never))).toBe("validation");
  });

  it("cannot turn off an enforced MFA, nor remove the last usable factor while it is required", async () => {
    const user = await createTestUser({ mfaPolicy: "force_enabled" });
    await enrollTestTotp(user);
    const { actor } = await signedIn(user);
    expect(await codeOf(setOwnMfaEnabled(actor, { enabled: false }))).toBe("conflict");
    const db = await getDb();
    expect(await codeOf(assertFactorRemovable(db, user, "totp"))).toBe("conflict");
    await setMfaSettings({ policy: "optional" });
    const relaxed = await createTestUser({ mfaPolicy: "enabled" });
    await enrollTestTotp(relaxed);
    expect(await codeOf(assertFactorRemovable(db, relaxed, "totp"))).toBe("ok");
  });
});
