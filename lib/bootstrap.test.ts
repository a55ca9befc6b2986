import { and, count, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { orgMembers, organizations, roles, settings, userRoles, users } from "@/db/schema";
import { bootstrap, CP_SERVICE_EMAIL, DEFAULT_ORG_ID, PROXY_PROVIDER_ID, PROXY_PROVIDER_EMAIL } from "./bootstrap";
import { getDb } from "./db";
import { BUILTIN_ROLES } from "./rbac/builtin-roles";
import { SETTINGS_SECTIONS } from "./settings/schema";

describe("bootstrap", () => {
  it("creates the built-in roles, the Default organization, the service accounts, settings and a super-admin", async () => {
    const db = await getDb();
    const builtins = await db.select().from(roles).where(eq(roles.isBuiltin, true));
    expect(builtins.map((r) => `${r.scope}:${r.name}`).sort()).toEqual(
      ["org:Org Admin", "org:Org Auditor", "org:User", "system:System Admin", "system:System Auditor", "system:User"].sort(),
    );
    const [org] = await db.select().from(organizations).where(eq(organizations.id, DEFAULT_ORG_ID));
    expect(org).toMatchObject({ name: "Default", isDefault: true });

    const [proxy] = await db.select().from(users).where(eq(users.id, PROXY_PROVIDER_ID));
    expect(proxy).toMatchObject({ email: PROXY_PROVIDER_EMAIL, isServiceAccount: true, isBuiltin: true, isAdmin: false, passwordHash: null });
    const [cp] = await db.select().from(users).where(eq(users.email, CP_SERVICE_EMAIL));
    expect(cp).toMatchObject({ isServiceAccount: true, isBuiltin: true, isAdmin: false });
    const cpRoles = await db.select({ key: roles.builtinKey }).from(userRoles).innerJoin(roles, eq(roles.id, userRoles.roleId)).where(eq(userRoles.userId, cp.id));
    expect(cpRoles.map((r) => r.key)).toEqual(["system_admin"]);

    const [admin] = await db.select().from(users).where(eq(users.username, "admin"));
    expect(admin).toMatchObject({ isAdmin: true, isActive: true, isServiceAccount: false, authSource: "internal" });
    expect(admin.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    const [membership] = await db.select().from(orgMembers).where(and(eq(orgMembers.userId, admin.id), eq(orgMembers.orgId, DEFAULT_ORG_ID)));
    expect(membership).toBeTruthy();

    const stored = await db.select().from(settings);
    expect(stored.map((s) => s.key).sort()).toEqual([...SETTINGS_SECTIONS].sort());
  });

  it("is idempotent: a second run creates nothing and keeps built-in role permissions in line with the catalog", async () => {
    const db = await getDb();
    const before = await db.select({ n: count() }).from(users);
    await db.update(roles).set({ permissions: [] }).where(eq(roles.builtinKey, "system_admin"));
    const result = await bootstrap();
    expect(result.admin).toBeUndefined();
    const after = await db.select({ n: count() }).from(users);
    expect(after[0].n).toBe(before[0].n);
    const [systemAdmin] = await db.select().from(roles).where(eq(roles.builtinKey, "system_admin"));
    expect(systemAdmin.permissions).toEqual(BUILTIN_ROLES.find((r) => r.key === "system_admin")!.permissions);
  });

  it("restores a super-admin when none is active, and never counts a service account as one", async () => {
    const db = await getDb();
    await db.update(users).set({ isAdmin: true }).where(eq(users.id, PROXY_PROVIDER_ID));
    await db.update(users).set({ isActive: false }).where(eq(users.username, "admin"));
    const result = await bootstrap();
    expect(result.admin).toMatchObject({ username: "admin" });
    const [admin] = await db.select().from(users).where(eq(users.username, "admin"));
    expect(admin.isActive).toBe(true);
    const [{ n }] = await db
      .select({ n: count() })
      .from(users)
      .where(sql`${users.isAdmin} and ${users.isActive} and not ${users.isServiceAccount}`);
    expect(n).toBe(1);
  });
});
