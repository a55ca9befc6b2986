import { and, desc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, orgMembers, passwordResetTokens, personalAccessTokens, sessions, settings, users } from "@/db/schema";
import { NO_META } from "../auth/actor";
import { signInWithPassword } from "../auth/sign-in";
import { CP_SERVICE_EMAIL, DEFAULT_ORG_ID, PROXY_PROVIDER_ID } from "../bootstrap";
import { getDb } from "../db";
import { createSession } from "../sessions/sessions";
import { actorFor, adminUser, createTestUser, grantSystemRole, uniqueName } from "../testing/factories";
import { createPersonalAccessToken } from "../tokens/pat";
import { bulkUpdateUsers } from "./bulk";
import { createUser } from "./create";
import { deleteUser } from "./delete";
import { listUsers } from "./queries";
import { updateUser } from "./update";

const GOOD_PASSWORD = "Velvet-Harbor-Lantern-42";
const codeOf = async (promise: Promise<unknown>) => promise.then(() => "ok", (e: { code?: string }) => e.code ?? String(e));
const admin = async () => actorFor(await adminUser());
const row = async (id: string) => (await (await getDb()).select().from(users).where(eq(users.id, id)))[0];

describe("createUser", () => {
  it("accepts exactly the JSON of justiam-users.txt and derives the username from the email", async () => {
    const email = `${uniqueName("alice")}@example.com`;
    const user = await createUser(await admin(), { email, first_name: "Alice", last_name: "Smith", password: GOOD_PASSWORD, is_admin: false, is_service_account: false });
    expect(user).toMatchObject({ email, username: email.split("@")[0], name: "Alice Smith", auth_source: "internal", is_active: true, status: "active", mfa_policy: "disabled" });
    expect(await signInWithPassword({ identifier: email, password: GOOD_PASSWORD }, NO_META)).not.toBeNull();
    const db = await getDb();
    expect(await db.select().from(orgMembers).where(and(eq(orgMembers.userId, user.id), eq(orgMembers.orgId, DEFAULT_ORG_ID)))).toHaveLength(1);
    const [event] = await db.select().from(auditEvents).where(and(eq(auditEvents.action, "user.create"), eq(auditEvents.targetId, user.id)));
    expect(event.diff).toMatchObject({ email: { after: email } });
    expect(JSON.stringify(event)).not.toContain(GOOD_PASSWORD);
  });

  it("appends a number when the derived username is taken, and refuses a taken explicit username with 409", async () => {
    const base = uniqueName("bob");
    const first = await createUser(await admin(), { email: `${base}@one.test`, is_service_account: true });
    const second = await createUser(await admin(), { email: `${base}@two.test`, is_service_account: true });
    const third = await createUser(await admin(), { email: `${base}@three.test`, is_service_account: true });
    expect([first.username, second.username, third.username]).toEqual([base, `${base}2`, `${base}3`]);
    expect(await codeOf(createUser(await admin(), { email: `${base}@four.test`, username: base.toUpperCase(), is_service_account: true }))).toBe("conflict");
  });

  it("refuses a duplicate email regardless of case with 409 and writes nothing", async () => {
    const existing = await createTestUser();
    const db = await getDb();
    const before = (await db.select().from(users)).length;
    expect(await codeOf(createUser(await admin(), { email: existing.email.toUpperCase(), password: GOOD_PASSWORD }))).toBe("conflict");
    expect((await db.select().from(users)).length).toBe(before);
  });

  it.each([
    [{ email: "not-an-email" }, "email"],
    [{ email: "x@example.test", phone: "0612345678" }, "phone"],
    [{ email: "x@example.test", username: "has space" }, "username"],
    [{ email: "x@example.test", is_service_account: true, password: GOOD_PASSWORD }, "password"],
    [{ email: "x@example.test", password_mode: "set" }, "password"],
    [{ email: "x@example.test", password: "short" }, "password"],
  ])("rejects invalid input %j with 422 naming %s", async (input, field) => {
    await expect(createUser(await admin(), input as never)).rejects.toMatchObject({ code: "validation", details: { fieldErrors: { [field]: expect.any(Array) } } });
  });

  it("creates service accounts without a password, and they cannot sign in", async () => {
    const account = await createUser(await admin(), { email: `${uniqueName("svc")}@service.test`, is_service_account: true });
    expect((await row(account.id)).passwordHash).toBeNull();
    expect(await signInWithPassword({ identifier: account.username, password: "" }, NO_META)).toBeNull();
  });

  it("sends a single-use setup link instead of setting a password when asked", async () => {
    const user = await createUser(await admin(), { email: `${uniqueName("link")}@example.test`, password_mode: "reset_link" });
    expect((await row(user.id)).passwordHash).toBeNull();
    const db = await getDb();
    const tokens = await db.select().from(passwordResetTokens).where(eq(passwordResetTokens.userId, user.id));
    expect(tokens).toHaveLength(1);
    expect(tokens[0]).toMatchObject({ purpose: "setup", tokenHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });

  it("lets only a super-admin create a super-admin, and requires users.create", async () => {
    const manager = await createTestUser();
    await grantSystemRole(manager.id, "system_admin");
    expect(await codeOf(createUser(await actorFor(manager), { email: `${uniqueName()}@x.test`, is_admin: true, is_service_account: true }))).toBe("forbidden");
    expect(await codeOf(createUser(await actorFor(manager), { email: `${uniqueName()}@x.test`, is_service_account: true }))).toBe("ok");
    expect(await codeOf(createUser(await actorFor(await createTestUser()), { email: `${uniqueName()}@x.test`, is_service_account: true }))).toBe("forbidden");
  });

  it("stores must_change_password so the first sign-in is sent to the password change", async () => {
    const user = await createUser(await admin(), { email: `${uniqueName()}@x.test`, password: GOOD_PASSWORD, must_change_password: true });
    expect(await signInWithPassword({ identifier: user.email, password: GOOD_PASSWORD }, NO_META)).toMatchObject({ stage: "password_change" });
  });
});

describe("updateUser", () => {
  it("updates the fields of both seeds and records a before/after diff", async () => {
    const user = await createTestUser();
    const updated = await updateUser(await admin(), user.id, { first_name: "Eve", phone: "+14155550123", mfa_policy: "force_enabled", date_expired: "2030-01-01T00:00:00.000Z", description: "ops" });
    expect(updated).toMatchObject({ first_name: "Eve", phone: "+14155550123", mfa_policy: "force_enabled", date_expired: "2030-01-01T00:00:00.000Z", description: "ops" });
    const db = await getDb();
    const [event] = await db.select().from(auditEvents).where(and(eq(auditEvents.action, "user.update"), eq(auditEvents.targetId, user.id)));
    expect(event.diff).toEqual({
      first_name: { before: "", after: "Eve" },
      phone: { before: null, after: "+14155550123" },
      mfa_policy: { before: "disabled", after: "force_enabled" },
      date_expired: { before: null, after: "2030-01-01T00:00:00.000Z" },
      description: { before: "", after: "ops" },
    });
  });

  it("keeps the username, source and account type read-only", async () => {
    const user = await createTestUser();
    for (const change of [{ username: "renamed" }, { is_service_account: true }, { auth_source: "ldap" }]) {
      expect(await codeOf(updateUser(await admin(), user.id, change as never))).toBe("validation");
    }
    expect((await row(user.id)).username).toBe(user.username);
  });

  it("deactivation ends every session at once and stops the user's tokens", async () => {
    const user = await createTestUser();
    const db = await getDb();
    await createSession(db, { userId: user.id, stage: "active", authSource: "internal", methods: ["password"], meta: NO_META });
    await createPersonalAccessToken(await actorFor(user), user.id, { name: "t" });
    await updateUser(await admin(), user.id, { is_active: false });
    expect(await db.select().from(sessions).where(eq(sessions.userId, user.id))).toHaveLength(0);
    const after = await row(user.id);
    expect(after.isActive).toBe(false);
    expect(after.jwtRevokedBefore).not.toBeNull();
    expect(await db.select().from(personalAccessTokens).where(eq(personalAccessTokens.userId, user.id))).toHaveLength(1);
  });

  it("changes the secret of local users only, through the password policy, ending their sessions", async () => {
    const user = await createTestUser();
    const db = await getDb();
    await createSession(db, { userId: user.id, stage: "active", authSource: "internal", methods: ["password"], meta: NO_META });
    expect(await codeOf(updateUser(await admin(), user.id, { password: "weak" }))).toBe("validation");
    await updateUser(await admin(), user.id, { password: GOOD_PASSWORD });
    expect(await signInWithPassword({ identifier: user.username, password: GOOD_PASSWORD }, NO_META)).not.toBeNull();
    expect(await db.select().from(sessions).where(eq(sessions.userId, user.id))).toHaveLength(1);
    const federated = await createTestUser({ authSource: "corp-ldap", passwordHash: null });
    expect(await codeOf(updateUser(await admin(), federated.id, { password: GOOD_PASSWORD }))).toBe("validation");
    const [event] = await db.select().from(auditEvents).where(and(eq(auditEvents.action, "user.update"), eq(auditEvents.targetId, user.id))).orderBy(desc(auditEvents.id));
    expect(event.metadata).toMatchObject({ password_changed: true });
    expect(JSON.stringify(event)).not.toMatch(/argon2|Velvet/);
  });

  it("refuses an email held by another user with 409", async () => {
    const a = await createTestUser();
    const b = await createTestUser();
    expect(await codeOf(updateUser(await admin(), b.id, { email: a.email.toUpperCase() }))).toBe("conflict");
  });

  it("lets only a super-admin change is_admin or touch a super-admin's account", async () => {
    const manager = await createTestUser();
    await grantSystemRole(manager.id, "system_admin");
    const actor = await actorFor(manager);
    const plain = await createTestUser();
    expect(await codeOf(updateUser(actor, plain.id, { is_admin: true }))).toBe("forbidden");
    expect(await codeOf(updateUser(actor, (await adminUser()).id, { email: "takeover@evil.test" }))).toBe("forbidden");
    expect(await codeOf(updateUser(actor, plain.id, { first_name: "Ok" }))).toBe("ok");
    expect((await row(plain.id)).isAdmin).toBe(false);
  });

  it("answers 404 for unknown and malformed ids", async () => {
    expect(await codeOf(updateUser(await admin(), "00000000-0000-0000-0000-000000000000", { first_name: "x" }))).toBe("not_found");
    expect(await codeOf(deleteUser(await admin(), "nope"))).toBe("not_found");
  });
});

describe("protected users", () => {
  it("never deletes or deactivates the control plane's service account (409)", async () => {
    const [cp] = await (await getDb()).select().from(users).where(eq(users.email, CP_SERVICE_EMAIL));
    expect(await codeOf(deleteUser(await admin(), cp.id))).toBe("conflict");
    expect(await codeOf(updateUser(await admin(), cp.id, { is_active: false }))).toBe("conflict");
    expect((await row(cp.id)).isActive).toBe(true);
  });

  it("protects proxy-provider while proxy_mode is shared or dedicated", async () => {
    const db = await getDb();
    for (const mode of ["shared", "dedicated"]) {
      await db.update(settings).set({ value: { proxy_mode: mode } }).where(eq(settings.key, "proxy"));
      const error = await deleteUser(await admin(), PROXY_PROVIDER_ID).catch((e) => e);
      expect(error).toMatchObject({ code: "conflict", message: expect.stringContaining(mode) });
    }
    await db.update(settings).set({ value: { proxy_mode: "disabled" } }).where(eq(settings.key, "proxy"));
    expect(await codeOf(deleteUser(await admin(), PROXY_PROVIDER_ID))).toBe("ok");
  });

  it("keeps the last active super-admin: no delete, deactivate or demote (409)", async () => {
    const self = await adminUser();
    const actor = await actorFor(self);
    expect(await codeOf(deleteUser(actor, self.id))).toBe("conflict");
    expect(await codeOf(updateUser(actor, self.id, { is_active: false }))).toBe("conflict");
    expect(await codeOf(updateUser(actor, self.id, { is_admin: false }))).toBe("conflict");
    expect(await row(self.id)).toMatchObject({ isActive: true, isAdmin: true });
  });

  it("does not count a service account or a locked-out admin's lock as keeping the console reachable", async () => {
    const self = await adminUser();
    await createTestUser({ isAdmin: true, isServiceAccount: true });
    expect(await codeOf(updateUser(await actorFor(self), self.id, { is_admin: false }))).toBe("conflict");
    const locked = await createTestUser({ isAdmin: true, lockedUntil: new Date(Date.now() + 3_600_000) });
    expect(await codeOf(updateUser(await actorFor(self), self.id, { is_admin: false }))).toBe("ok");
    await updateUser(await actorFor(locked), self.id, { is_admin: true });
  });
});

describe("deleteUser and bulk", () => {
  it("deletes a user with memberships, tokens and sessions, keeping the audit trail", async () => {
    const user = await createTestUser();
    const db = await getDb();
    await createPersonalAccessToken(await actorFor(user), user.id, { name: "t" });
    await deleteUser(await admin(), user.id);
    expect(await row(user.id)).toBeUndefined();
    expect(await db.select().from(orgMembers).where(eq(orgMembers.userId, user.id))).toHaveLength(0);
    const events = await db.select().from(auditEvents).where(eq(auditEvents.targetId, user.id));
    expect(events.map((e) => e.action)).toEqual(expect.arrayContaining(["token.create", "user.delete"]));
  });

  it("reports a result per row, skipping protected users with the reason", async () => {
    const a = await createTestUser();
    const b = await createTestUser();
    const [cp] = await (await getDb()).select().from(users).where(eq(users.email, CP_SERVICE_EMAIL));
    const results = await bulkUpdateUsers(await admin(), { action: "deactivate", user_ids: [a.id, cp.id, b.id] });
    expect(results).toEqual([
      { id: a.id, ok: true },
      { id: cp.id, ok: false, code: "conflict", message: expect.stringContaining("control plane") },
      { id: b.id, ok: true },
    ]);
    const reactivated = await bulkUpdateUsers(await admin(), { action: "activate", user_ids: [a.id] });
    expect(reactivated).toEqual([{ id: a.id, ok: true }]);
    expect(await codeOf(bulkUpdateUsers(await actorFor(a as never), { action: "delete", user_ids: [b.id] }))).toBe("forbidden");
  });
});

describe("listUsers filters", () => {
  it("filters by status, account type, admin flag and source", async () => {
    const tag = uniqueName("flt");
    const inactive = await createTestUser({ username: `${tag}a`, isActive: false });
    const expired = await createTestUser({ username: `${tag}b`, dateExpired: new Date(Date.now() - 1000) });
    const service = await createTestUser({ username: `${tag}c`, isServiceAccount: true });
    const ldap = await createTestUser({ username: `${tag}d`, authSource: "corp-ldap" });
    const ids = async (q: Record<string, string>) => (await listUsers(await admin(), { q: tag, ...q })).data.map((u) => u.id).sort();
    expect(await ids({ status: "inactive" })).toEqual([inactive.id]);
    expect(await ids({ status: "expired" })).toEqual([expired.id]);
    expect(await ids({ status: "active" })).toEqual([service.id, ldap.id].sort());
    expect(await ids({ is_service_account: "true" })).toEqual([service.id]);
    expect(await ids({ auth_source: "corp-ldap" })).toEqual([ldap.id]);
    expect(await ids({ is_admin: "true" })).toEqual([]);
  });
});

describe("createUser with roles from the form", () => {
  it("assigns the chosen system and organization roles in the same transaction, held to the ceiling", async () => {
    const db = await getDb();
    const { roles: rolesTable } = await import("@/db/schema");
    const all = await db.select().from(rolesTable);
    const byKey = (key: string) => all.find((r) => r.builtinKey === key)!.id;
    const user = await createUser(await admin(), {
      email: `${uniqueName("roles")}@x.test`,
      is_service_account: true,
      system_role_ids: [byKey("system_auditor")],
      org_role_ids: [byKey("org_admin")],
    });
    const { getUserRoles } = await import("../roles/assignment");
    const roles = await getUserRoles(await admin(), user.id);
    expect(roles.system_roles.map((r) => r.builtin_key)).toEqual(["system_auditor"]);
    expect(roles.org_roles[0].roles.map((r) => r.builtin_key)).toEqual(["org_admin"]);

    const orgAdmin = await createTestUser();
    const { grantOrgRole } = await import("../testing/factories");
    await grantOrgRole(orgAdmin.id, DEFAULT_ORG_ID, "org_admin");
    const email = `${uniqueName("esc")}@x.test`;
    expect(await codeOf(createUser(await actorFor(orgAdmin), { email, is_service_account: true, system_role_ids: [byKey("system_admin")] }))).toBe("forbidden");
    expect(await db.select().from(users).where(eq(users.email, email))).toHaveLength(0);
  });
});
