import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, roles } from "@/db/schema";
import { getDb } from "../db";
import { BUILTIN_ROLES } from "../rbac/builtin-roles";
import { builtinRoleId, codeOf, customRole, giveSystemRole, rbacChecksum } from "../rbac/test-helpers";
import { actorFor, adminUser, createTestOrg, createTestUser, grantOrgRole, grantSystemRole, uniqueName } from "../testing/factories";
import { createRole, deleteRole, updateRole } from "./mutations";
import { getRole, listAllRoles, listRoles } from "./queries";

const admin = async () => actorFor(await adminUser());

describe("roles", () => {
  it("include the six built-ins, listed by scope", async () => {
    const actor = await admin();
    const system = await listRoles(actor, { scope: "system", limit: 100 });
    const org = await listRoles(actor, { scope: "org", limit: 100 });
    expect(system.data.filter((r) => r.is_builtin).map((r) => r.name).sort()).toEqual(["System Admin", "System Auditor", "User"]);
    expect(org.data.filter((r) => r.is_builtin).map((r) => r.name).sort()).toEqual(["Org Admin", "Org Auditor", "User"]);
    expect((await listAllRoles(actor)).filter((r) => r.is_builtin)).toHaveLength(BUILTIN_ROLES.length);
    const sysAdmin = await getRole(actor, await builtinRoleId("system_admin"));
    expect(sysAdmin).toMatchObject({ scope: "system", builtin_key: "system_admin", is_builtin: true });
  });

  it("are created, updated and deleted as custom roles of either scope, audited with a diff", async () => {
    const actor = await admin();
    const name = uniqueName("Helpdesk");
    const role = await createRole(actor, { scope: "org", name, permissions: ["users.view", "users.reset_password", "users.view"] });
    expect(role).toMatchObject({ scope: "org", name, is_builtin: false, builtin_key: null, permissions: ["users.reset_password", "users.view"] });
    const updated = await updateRole(actor, role.id, { permissions: ["users.view"], description: "Tier 1" });
    expect(updated).toMatchObject({ permissions: ["users.view"], description: "Tier 1" });
    await deleteRole(actor, role.id);
    expect(await codeOf(getRole(actor, role.id))).toBe("not_found");
    const db = await getDb();
    const events = await db.select().from(auditEvents).where(and(eq(auditEvents.targetType, "role"), eq(auditEvents.targetId, role.id)));
    expect(events.map((e) => e.action)).toEqual(["role.create", "role.update", "role.delete"]);
    expect(events[1].diff).toMatchObject({ permissions: { before: ["users.reset_password", "users.view"], after: ["users.view"] } });
  });

  it("have names unique per scope ignoring case (409); the same name may exist in the other scope", async () => {
    const actor = await admin();
    expect(await codeOf(createRole(actor, { scope: "system", name: "system admin" }))).toBe("conflict");
    expect(await codeOf(createRole(actor, { scope: "org", name: "System Admin" }))).toBe("ok");
    const role = await createRole(actor, { scope: "org", name: uniqueName("Ops") });
    expect(await codeOf(updateRole(actor, role.id, { name: "ORG ADMIN" }))).toBe("conflict");
  });

  it("refuse system-only permissions in an organization role (422), and unknown permissions", async () => {
    const actor = await admin();
    const before = await rbacChecksum();
    const result = createRole(actor, { scope: "org", name: uniqueName(), permissions: ["users.view", "settings.manage"] });
    await expect(result).rejects.toMatchObject({ code: "validation", details: { fieldErrors: { permissions: [expect.stringMatching(/settings\.manage/)] } } });
    expect(await codeOf(createRole(actor, { scope: "system", name: uniqueName(), permissions: ["users.fly" as never] }))).toBe("validation");
    const role = await createRole(actor, { scope: "org", name: uniqueName(), permissions: ["users.view"] });
    const after = await rbacChecksum();
    expect(await codeOf(updateRole(actor, role.id, { permissions: ["orgs.manage"] }))).toBe("validation");
    expect(await rbacChecksum()).toBe(after);
    expect(before).not.toBe(after);
    expect(await codeOf(createRole(actor, { scope: "system", name: uniqueName(), permissions: ["settings.manage"] }))).toBe("ok");
  });

  it("keep built-ins immutable: every edit or delete answers 409 and changes nothing, even for a super-admin", async () => {
    const actor = await admin();
    const before = await rbacChecksum();
    for (const builtin of BUILTIN_ROLES) {
      const id = await builtinRoleId(builtin.key);
      expect(await codeOf(updateRole(actor, id, { name: uniqueName() }))).toBe("conflict");
      expect(await codeOf(updateRole(actor, id, { permissions: [] }))).toBe("conflict");
      expect(await codeOf(deleteRole(actor, id))).toBe("conflict");
    }
    expect(await rbacChecksum()).toBe(before);
  });

  it("answer 404 for unknown and malformed ids", async () => {
    const actor = await admin();
    for (const id of ["x", "00000000-0000-0000-0000-00000000dead"]) {
      expect(await codeOf(getRole(actor, id))).toBe("not_found");
      expect(await codeOf(updateRole(actor, id, { name: "y" }))).toBe("not_found");
      expect(await codeOf(deleteRole(actor, id))).toBe("not_found");
    }
  });

  it("are managed only with roles.manage system-wide, and never beyond the manager's own permissions", async () => {
    const org = await createTestOrg();
    const orgAdmin = await createTestUser({ orgId: org });
    await grantOrgRole(orgAdmin.id, org, "org_admin");
    const auditor = await createTestUser();
    await grantSystemRole(auditor.id, "system_auditor");
    const custom = await customRole("org", ["users.view"]);
    const before = await rbacChecksum();
    for (const actor of [await actorFor(orgAdmin), await actorFor(auditor)]) {
      expect(await codeOf(getRole(actor, custom.id))).toBe("ok");
      expect(await codeOf(createRole(actor, { scope: "org", name: uniqueName() }))).toBe("forbidden");
      expect(await codeOf(updateRole(actor, custom.id, { name: uniqueName() }))).toBe("forbidden");
      expect(await codeOf(deleteRole(actor, custom.id))).toBe("forbidden");
    }
    expect(await rbacChecksum()).toBe(before);

    const roleManager = await createTestUser();
    const own = await customRole("system", ["roles.view", "roles.manage", "users.view"]);
    await giveSystemRole(roleManager.id, own.id);
    const actor = await actorFor(roleManager);
    expect(await codeOf(createRole(actor, { scope: "system", name: uniqueName(), permissions: ["settings.manage"] }))).toBe("forbidden");
    // Editing their own role to grow it is the classic escalation.
    expect(await codeOf(updateRole(actor, own.id, { permissions: ["roles.view", "roles.manage", "users.view", "users.delete"] }))).toBe("forbidden");
    const db = await getDb();
    expect((await db.select().from(roles).where(eq(roles.id, own.id)))[0].permissions.sort()).toEqual(["roles.manage", "roles.view", "users.view"]);
    expect(await codeOf(createRole(actor, { scope: "org", name: uniqueName(), permissions: ["users.view"] }))).toBe("ok");
  });
});
