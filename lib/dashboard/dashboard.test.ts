import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, faceTemplates, mfaOtpChannels, mfaTotp, webauthnCredentials } from "@/db/schema";
import { systemActor } from "../auth/actor";
import { audit } from "../audit/audit";
import { getDb } from "../db";
import { actorFor, adminUser, createTestOrg, createTestUser, grantOrgRole, grantSystemRole } from "../testing/factories";
import { getDashboard } from "./dashboard";

const codeOf = async (promise: Promise<unknown>) => promise.then(() => "ok", (e: { code?: string }) => e.code);
const HOUR = 3_600_000;

describe("the dashboard", () => {
  it("counts users by status, locks, service accounts and MFA adoption within the actor's organizations", async () => {
    const org = await createTestOrg();
    const now = new Date();
    const active = await createTestUser({ orgId: org });
    await createTestUser({ orgId: org, isActive: false });
    await createTestUser({ orgId: org, dateExpired: new Date(now.getTime() - HOUR) });
    await createTestUser({ orgId: org, lockedUntil: new Date(now.getTime() + HOUR) });
    await createTestUser({ orgId: org, isServiceAccount: true });
    const withPasskey = await createTestUser({ orgId: org });
    const withCodes = await createTestUser({ orgId: org });
    const faceOnly = await createTestUser({ orgId: org }); // face templates alone are not a usable second factor
    await createTestUser({ orgId: await createTestOrg() }); // elsewhere: not counted for the org admin
    const db = await getDb();
    await db.insert(mfaTotp).values({ userId: active.id, secretEncrypted: "x", confirmedAt: now });
    await db.insert(mfaTotp).values({ userId: withPasskey.id, secretEncrypted: "x", confirmedAt: null }); // not confirmed
    await db.insert(webauthnCredentials).values({ id: "cred-1", userId: withPasskey.id, name: "key", publicKey: new Uint8Array([1]) });
    await db.insert(mfaOtpChannels).values([
      { userId: withCodes.id, channel: "sms", target: "+14155550100" },
      { userId: withCodes.id, channel: "email", target: withCodes.email },
      { userId: active.id, channel: "email", target: active.email },
    ]);
    await db.insert(faceTemplates).values([
      { userId: active.id, templateEncrypted: "x", model: "m", quality: 1 },
      { userId: faceOnly.id, templateEncrypted: "x", model: "m", quality: 1 },
    ]);

    const orgAdmin = await createTestUser({ orgId: org });
    await grantOrgRole(orgAdmin.id, org, "org_admin");
    const dashboard = await getDashboard(await actorFor(orgAdmin), now);
    // 9 in the org: the 8 above + the org admin; locked counts apart from status.
    expect(dashboard.users).toEqual({ total: 9, active: 7, inactive: 1, expired: 1, locked: 1, service_accounts: 1 });
    expect(dashboard.mfa).toEqual({ people: 6, with_mfa: 3, totp: 1, passkeys: 1, sms: 1, email: 2, face: 2 });
    expect(dashboard.scope).toBe("organizations");

    const everything = await getDashboard(await actorFor(await adminUser()), now);
    expect(everything.users!.total).toBeGreaterThan(8);
    expect(everything.scope).toBe("all");
  });

  it("charts sign-ins per day for 30 days and lists recent failures, only from the audit log the actor may read", async () => {
    const org = await createTestOrg();
    const member = await createTestUser({ orgId: org });
    const outsider = await createTestUser({ orgId: await createTestOrg() });
    const db = await getDb();
    const anon = systemActor("sign-in");
    await audit(db, anon, "auth.sign_in", { type: "user", id: member.id, label: member.username });
    await audit(db, anon, "auth.sign_in", { type: "user", id: member.id, label: member.username }, null, { outcome: "failure", metadata: { reason: "bad_password" } });
    await audit(db, anon, "auth.sign_in", { type: "user", id: outsider.id, label: outsider.username }, null, { outcome: "failure" });

    const auditor = await createTestUser({ orgId: org });
    await grantOrgRole(auditor.id, org, "org_auditor");
    const dashboard = await getDashboard(await actorFor(auditor));
    expect(dashboard.sign_ins).toHaveLength(30);
    const today = new Date().toISOString().slice(0, 10);
    expect(dashboard.sign_ins!.at(-1)).toEqual({ day: today, success: 1, failure: 1 });
    expect(dashboard.sign_ins!.slice(0, -1).every((d) => d.success === 0 && d.failure === 0)).toBe(true);
    expect(dashboard.recent_failures!.map((e) => e.target_id)).toEqual([member.id]);

    const sysAuditor = await createTestUser();
    await grantSystemRole(sysAuditor.id, "system_auditor");
    const all = await getDashboard(await actorFor(sysAuditor));
    expect(all.recent_failures!.map((e) => e.target_id).slice(0, 2)).toEqual([outsider.id, member.id]);
    const failures = await db.select().from(auditEvents).where(eq(auditEvents.outcome, "failure"));
    expect(failures.length).toBeGreaterThanOrEqual(2);
  });

  it("is refused to someone who may see neither users nor the audit log", async () => {
    expect(await codeOf(getDashboard(await actorFor(await createTestUser())))).toBe("forbidden");
  });
});
