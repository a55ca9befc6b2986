import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents } from "@/db/schema";
import { DEFAULT_ORG_ID, PROXY_PROVIDER_ID } from "../bootstrap";
import { getDb } from "../db";
import { addGroupRoles, listGroupRoles, removeGroupRoles, setGroupRoles } from "../groups/roles";
import { resolvePermissions } from "../rbac/resolve";
import { addMember, builtinRoleId, codeOf, customRole, makeGroup, rbacChecksum } from "../rbac/test-helpers";
import { actorFor, adminUser, createTestOrg, createTestUser, grantOrgRole, grantSystemRole } from "../testing/factories";
import { assignUserRoles, getUserRoles, revokeUserRoles, setUserRoles } from "./assignment";

const admin = async () => actorFor(await adminUser());
const names = (refs: Array<{ name: string }>) => refs.map((r) => r.name).sort();

describe("role assignment", () => {
  it("gives a user several system roles and several org roles per organization; PUT replaces, POST adds, DELETE removes", async () => {
    const actor = await admin();
    const org = await createTestOrg();
    const user = await createTestUser();
    await grantOrgRole(user.id, org, "org_user");
    const [sysAdmin, sysAuditor, orgAdmin, orgAuditor] = await Promise.all(["system_admin", "system_auditor", "org_admin", "org_auditor"].map(builtinRoleId));

    let roles = await setUserRoles(actor, user.id, { system_role_ids: [sysAdmin, sysAuditor], org_roles: [{ org_id: org, role_ids: [orgAdmin, orgAuditor] }] });
    expect(names(roles.system_roles)).toEqual(["System Admin", "System Auditor"]);
    expect(names(roles.org_roles.find((o) => o.org_id === org)!.roles)).toEqual(["Org Admin", "Org Auditor"]);
    expect(names(roles.org_roles.find((o) => o.org_id === DEFAULT_ORG_ID)?.roles ?? [])).toEqual([]);

    // Someone else runs the organization too, so taking Org Admin away does not leave it without one.
    await grantOrgRole((await createTestUser()).id, org, "org_admin");
    roles = await revokeUserRoles(actor, user.id, { system_role_ids: [sysAdmin], org_roles: [{ org_id: org, role_ids: [orgAdmin] }] });
    expect(names(roles.system_roles)).toEqual(["System Auditor"]);
    roles = await assignUserRoles(actor, user.id, { org_roles: [{ org_id: DEFAULT_ORG_ID, role_ids: [orgAuditor] }] });
    expect(names(roles.org_roles.find((o) => o.org_id === DEFAULT_ORG_ID)!.roles)).toEqual(["Org Auditor"]);
    expect(await getUserRoles(actor, user.id)).toEqual(roles);

    const permissions = await resolvePermissions(await getDb(), user.id);
    expect(permissions.system.has("audit.view")).toBe(true);
    expect(permissions.system.has("users.delete")).toBe(false);
    const db = await getDb();
    const events = await db.select().from(auditEvents).where(and(eq(auditEvents.action, "user.roles_change"), eq(auditEvents.targetId, user.id)));
    expect(events).toHaveLength(3);
    expect(events[1].diff).toMatchObject({ system_roles: { before: ["System Admin", "System Auditor"], after: ["System Auditor"] } });
  });

  it("answers 404 for unknown users, roles and organizations, 422 for wrong scopes, non-members and bad bodies", async () => {
    const actor = await admin();
    const user = await createTestUser();
    const org = await createTestOrg();
    const [sysAdmin, orgAdmin] = await Promise.all(["system_admin", "org_admin"].map(builtinRoleId));
    const dead = "00000000-0000-0000-0000-00000000dead";
    const before = await rbacChecksum();
    expect(await codeOf(setUserRoles(actor, dead, { system_role_ids: [] }))).toBe("not_found");
    expect(await codeOf(setUserRoles(actor, "nope", { system_role_ids: [] }))).toBe("not_found");
    expect(await codeOf(assignUserRoles(actor, user.id, { system_role_ids: [dead] }))).toBe("not_found");
    expect(await codeOf(assignUserRoles(actor, user.id, { org_roles: [{ org_id: dead, role_ids: [orgAdmin] }] }))).toBe("not_found");
    expect(await codeOf(assignUserRoles(actor, user.id, { system_role_ids: [orgAdmin] }))).toBe("validation");
    expect(await codeOf(assignUserRoles(actor, user.id, { org_roles: [{ org_id: DEFAULT_ORG_ID, role_ids: [sysAdmin] }] }))).toBe("validation");
    expect(await codeOf(assignUserRoles(actor, user.id, { org_roles: [{ org_id: org, role_ids: [orgAdmin] }] }))).toBe("validation");
    for (const body of [{}, null, "x", { system_role_ids: ["x"] }, { org_roles: [{ org_id: org, role_ids: [] }, { org_id: org, role_ids: [] }] }]) {
      expect(await codeOf(setUserRoles(actor, user.id, body as never))).toBe("validation");
    }
    expect(await codeOf(getUserRoles(actor, dead))).toBe("not_found");
    expect(await rbacChecksum()).toBe(before);
  });

  it("lets an Org Admin of A assign org roles in A only, never system roles, never to B's users (403/404, nothing changes)", async () => {
    const [a, b] = [await createTestOrg(), await createTestOrg()];
    const orgAdminUser = await createTestUser({ orgId: a });
    await grantOrgRole(orgAdminUser.id, a, "org_admin");
    const actor = await actorFor(orgAdminUser);
    const [inA, inB, inBoth] = [await createTestUser({ orgId: a }), await createTestUser({ orgId: b }), await createTestUser({ orgId: a })];
    await grantOrgRole(inBoth.id, a, "org_user");
    await grantOrgRole(inBoth.id, b, "org_user");
    const [orgAuditor, sysAuditor] = await Promise.all(["org_auditor", "system_auditor"].map(builtinRoleId));

    expect(await codeOf(assignUserRoles(actor, inA.id, { org_roles: [{ org_id: a, role_ids: [orgAuditor] }] }))).toBe("ok");
    const before = await rbacChecksum();
    expect(await codeOf(assignUserRoles(actor, inB.id, { org_roles: [{ org_id: b, role_ids: [orgAuditor] }] }))).toBe("not_found");
    expect(await codeOf(assignUserRoles(actor, inBoth.id, { org_roles: [{ org_id: b, role_ids: [orgAuditor] }] }))).toBe("forbidden");
    expect(await codeOf(assignUserRoles(actor, inA.id, { system_role_ids: [sysAuditor] }))).toBe("forbidden");
    expect(await codeOf(getUserRoles(actor, inB.id))).toBe("not_found");
    expect(await rbacChecksum()).toBe(before);
    // What the Org Admin sees of a user in two organizations stops at their own.
    expect((await getUserRoles(actor, inBoth.id)).org_roles.map((o) => o.org_id)).toEqual([a]);
  });

  it("protects super-admins (403 unless a super-admin asks) and built-in accounts (409 always)", async () => {
    const systemAdmin = await createTestUser();
    await grantSystemRole(systemAdmin.id, "system_admin");
    const actor = await actorFor(systemAdmin);
    const auditorRole = await builtinRoleId("system_auditor");
    const root = await adminUser();
    const before = await rbacChecksum();
    expect(await codeOf(assignUserRoles(actor, root.id, { system_role_ids: [auditorRole] }))).toBe("forbidden");
    expect(await codeOf(assignUserRoles(actor, PROXY_PROVIDER_ID, { system_role_ids: [auditorRole] }))).toBe("conflict");
    expect(await codeOf(assignUserRoles(await admin(), PROXY_PROVIDER_ID, { system_role_ids: [auditorRole] }))).toBe("conflict");
    expect(await rbacChecksum()).toBe(before);
    expect(await codeOf(getUserRoles(actor, PROXY_PROVIDER_ID))).toBe("ok");
  });

  it("binds roles to groups (PUT/POST/DELETE) and members inherit them in the group's organization", async () => {
    const actor = await admin();
    const org = await createTestOrg();
    const group = await makeGroup(org);
    const member = await createTestUser({ orgId: org });
    await addMember(group.id, member.id);
    const helpdesk = await customRole("org", ["users.view", "users.reset_password"]);
    const sysAuditor = await builtinRoleId("system_auditor");

    expect(names(await setGroupRoles(actor, group.id, { role_ids: [helpdesk.id, sysAuditor] }))).toEqual([helpdesk.name, "System Auditor"].sort());
    const db = await getDb();
    let held = await resolvePermissions(db, member.id);
    expect(held.orgs.get(org)?.has("users.reset_password")).toBe(true);
    expect(held.orgs.get(DEFAULT_ORG_ID)?.has("users.reset_password") ?? false).toBe(false);
    expect(held.system.has("audit.view")).toBe(true);

    expect(names(await removeGroupRoles(actor, group.id, { role_ids: [sysAuditor] }))).toEqual([helpdesk.name]);
    expect(names(await addGroupRoles(actor, group.id, { role_ids: [sysAuditor] }))).toHaveLength(2);
    expect(names(await listGroupRoles(actor, group.id))).toHaveLength(2);
    held = await resolvePermissions(db, member.id);
    expect(held.system.has("audit.view")).toBe(true);
    expect(await codeOf(addGroupRoles(actor, group.id, { role_ids: ["00000000-0000-0000-0000-00000000dead"] }))).toBe("not_found");
  });
});
