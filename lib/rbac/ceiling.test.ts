import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, groupRoles, groups, userRoles } from "@/db/schema";
import { DEFAULT_ORG_ID } from "../bootstrap";
import { getDb } from "../db";
import { addGroupMembers, addUserToGroups, removeGroupMembers } from "../groups/members";
import { deleteGroup } from "../groups/mutations";
import { addGroupRoles } from "../groups/roles";
import { assignUserRoles, revokeUserRoles } from "../roles/assignment";
import { actorFor, adminUser, createTestOrg, createTestUser, grantOrgRole, grantSystemRole } from "../testing/factories";
import { resolvePermissions } from "./resolve";
import { addMember, bindRole, builtinRoleId, codeOf, customRole, giveSystemRole, isMember, makeGroup, rbacChecksum } from "./test-helpers";

/** A user manager: users.update and groups.manage everywhere, but not every permission. */
async function userManager() {
  const user = await createTestUser();
  const role = await customRole("system", ["users.view", "users.update", "groups.view", "groups.manage"]);
  await giveSystemRole(user.id, role.id);
  return user;
}

describe("privilege ceiling", () => {
  it("stops a user manager from adding themselves to a group bound to System Admin (Keycloak #53060): 403, no membership", async () => {
    const manager = await userManager();
    const actor = await actorFor(manager);
    const admins = await makeGroup(DEFAULT_ORG_ID);
    await bindRole(admins.id, await builtinRoleId("system_admin"));
    const bystander = await createTestUser();
    const before = await rbacChecksum();

    expect(await codeOf(addGroupMembers(actor, admins.id, [manager.id]))).toBe("forbidden");
    expect(await codeOf(addUserToGroups(actor, manager.id, [admins.id]))).toBe("forbidden");
    expect(await codeOf(addGroupMembers(actor, admins.id, [bystander.id]))).toBe("forbidden");
    expect(await isMember(admins.id, manager.id)).toBe(false);
    expect(await rbacChecksum()).toBe(before);
    expect([...(await resolvePermissions(await getDb(), manager.id)).system]).not.toContain("settings.manage");

    const plain = await makeGroup(DEFAULT_ORG_ID);
    await bindRole(plain.id, (await customRole("system", ["users.view"])).id);
    expect(await codeOf(addGroupMembers(actor, plain.id, [manager.id]))).toBe("ok");
  });

  it("also holds removals and group deletion to the ceiling", async () => {
    const manager = await userManager();
    const actor = await actorFor(manager);
    const admins = await makeGroup(DEFAULT_ORG_ID);
    await bindRole(admins.id, await builtinRoleId("system_admin"));
    const someone = await createTestUser();
    await addMember(admins.id, someone.id);
    const before = await rbacChecksum();
    expect(await codeOf(removeGroupMembers(actor, admins.id, [someone.id]))).toBe("forbidden");
    expect(await codeOf(deleteGroup(actor, admins.id))).toBe("forbidden");
    expect(await rbacChecksum()).toBe(before);
  });

  it("applies organization roles in the group's organization: an Org Admin may add to a group with Org Admin, not one with a system role", async () => {
    const org = await createTestOrg();
    const orgAdmin = await createTestUser({ orgId: org });
    await grantOrgRole(orgAdmin.id, org, "org_admin");
    const actor = await actorFor(orgAdmin);
    const member = await createTestUser({ orgId: org });

    const orgAdmins = await makeGroup(org);
    await bindRole(orgAdmins.id, await builtinRoleId("org_admin"));
    expect(await codeOf(addGroupMembers(actor, orgAdmins.id, [member.id]))).toBe("ok");

    const auditors = await makeGroup(org);
    await bindRole(auditors.id, await builtinRoleId("system_auditor"));
    expect(await codeOf(addGroupMembers(actor, auditors.id, [member.id]))).toBe("forbidden");
    expect(await isMember(auditors.id, member.id)).toBe(false);
    expect(await codeOf(addGroupRoles(actor, orgAdmins.id, { role_ids: [await builtinRoleId("system_auditor")] }))).toBe("forbidden");
    const db = await getDb();
    expect(await db.select().from(groupRoles).where(eq(groupRoles.groupId, orgAdmins.id))).toHaveLength(1);
  });

  it("stops assigning a role that carries a permission the assigner lacks (403, nothing written)", async () => {
    const assigner = await createTestUser();
    await giveSystemRole(assigner.id, (await customRole("system", ["users.view", "roles.view", "roles.assign"])).id);
    const actor = await actorFor(assigner);
    const target = await createTestUser();
    const before = await rbacChecksum();
    expect(await codeOf(assignUserRoles(actor, target.id, { system_role_ids: [await builtinRoleId("system_admin")] }))).toBe("forbidden");
    expect(await codeOf(assignUserRoles(actor, assigner.id, { system_role_ids: [await builtinRoleId("system_auditor")] }))).toBe("forbidden");
    expect(await rbacChecksum()).toBe(before);
    const within = await customRole("system", ["users.view"]);
    expect(await codeOf(assignUserRoles(actor, target.id, { system_role_ids: [within.id] }))).toBe("ok");
    // Nor may they take away a role above their ceiling.
    await grantSystemRole(target.id, "system_admin");
    expect(await codeOf(revokeUserRoles(actor, target.id, { system_role_ids: [await builtinRoleId("system_admin")] }))).toBe("forbidden");
  });

  it("re-reads the actor's permissions inside the writing transaction: a role removed a moment ago no longer counts", async () => {
    const admin = await createTestUser();
    await grantSystemRole(admin.id, "system_admin");
    const staleActor = await actorFor(admin);
    const db = await getDb();
    await db.delete(userRoles).where(eq(userRoles.userId, admin.id));
    const group = await makeGroup(DEFAULT_ORG_ID);
    await bindRole(group.id, await builtinRoleId("system_admin"));
    const before = await rbacChecksum();
    expect(await codeOf(addGroupMembers(staleActor, group.id, [admin.id]))).toBe("forbidden");
    expect(await codeOf(assignUserRoles(staleActor, admin.id, { system_role_ids: [await builtinRoleId("system_admin")] }))).toBe("forbidden");
    expect(await rbacChecksum()).toBe(before);
  });

  it("binds nothing and adds no one beyond a scoped token's scopes, even for a super-admin's token", async () => {
    const root = await actorFor(await adminUser());
    const token = { ...root, kind: "token" as const, tokenScopes: ["groups.view", "groups.manage", "users.view"] };
    const group = await makeGroup(DEFAULT_ORG_ID);
    await bindRole(group.id, await builtinRoleId("system_auditor"));
    const user = await createTestUser();
    expect(await codeOf(addGroupMembers(token, group.id, [user.id]))).toBe("forbidden");
    expect(await codeOf(addGroupMembers(root, group.id, [user.id]))).toBe("ok");
  });

  it("serialises a membership change with a concurrent role binding on the same group (meaningful on PostgreSQL)", async () => {
    const manager = await userManager();
    const actor = await actorFor(manager);
    const root = await actorFor(await adminUser());
    const systemAdmin = await builtinRoleId("system_admin");
    const db = await getDb();
    for (let trial = 0; trial < 8; trial++) {
      const group = await makeGroup(DEFAULT_ORG_ID);
      const [bound] = await Promise.all([codeOf(addGroupRoles(root, group.id, { role_ids: [systemAdmin] })), codeOf(addGroupMembers(actor, group.id, [manager.id]))]);
      expect(bound).toBe("ok");
      if (await isMember(group.id, manager.id)) {
        // The manager got in only because their add committed before the binding: a legitimate serial history.
        const events = await db.select().from(auditEvents).where(eq(auditEvents.targetId, group.id)).orderBy(auditEvents.id);
        expect(events.map((e) => e.action)).toEqual(["group.members_add", "group.roles_change"]);
      }
      // Each trial starts from a manager without System Admin.
      await db.delete(groups).where(eq(groups.id, group.id));
    }
  });
});
