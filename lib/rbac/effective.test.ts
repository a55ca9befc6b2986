import { describe, expect, it } from "vitest";
import { actorFor, adminUser, createTestOrg, createTestUser, grantOrgRole, grantSystemRole } from "../testing/factories";
import { getEffectivePermissions } from "./effective";
import { ALL_PERMISSIONS } from "./permissions";
import { addMember, bindRole, builtinRoleId, codeOf, customRole, giveOrgRole, giveSystemRole, makeGroup } from "./test-helpers";

const pathsOf = (result: Awaited<ReturnType<typeof getEffectivePermissions>>, permission: string) =>
  result.permissions.find((p) => p.permission === permission)?.grants.map((g) => g.path).sort() ?? [];

describe("effective permissions", () => {
  it("list each permission with every path that grants it: system role, org role in org, group → role", async () => {
    const org = await createTestOrg("Acme");
    const user = await createTestUser({ orgId: org });
    const viewer = await customRole("system", ["users.view"], "Viewer");
    await giveSystemRole(user.id, viewer.id);
    await giveOrgRole(user.id, org, await builtinRoleId("org_auditor"));
    const group = await makeGroup(org, "Support");
    await bindRole(group.id, (await customRole("org", ["users.view", "users.reset_password", "settings.manage"], "Helpdesk")).id);
    await addMember(group.id, user.id);
    const sysGroup = await makeGroup(org, "Watchers");
    await bindRole(sysGroup.id, await builtinRoleId("system_auditor"));
    await addMember(sysGroup.id, user.id);

    const result = await getEffectivePermissions(await actorFor(await adminUser()), user.id);
    expect(result).toMatchObject({ user_id: user.id, is_admin: false });
    expect(pathsOf(result, "users.view")).toEqual(
      ["group Support → role Helpdesk", "group Watchers → role System Auditor", "org role Org Auditor in org Acme", "system role Viewer"].sort(),
    );
    expect(pathsOf(result, "users.reset_password")).toEqual(["group Support → role Helpdesk"]);
    const reset = result.permissions.find((p) => p.permission === "users.reset_password")!;
    expect(reset).toMatchObject({ resource: "Users", label: "Reset passwords" });
    expect(reset.grants[0]).toMatchObject({ kind: "group", group_id: group.id, org_id: org, org_name: "Acme", role_name: "Helpdesk" });
    // An org role never carries a system-only permission, whatever it lists.
    expect(pathsOf(result, "settings.manage")).toEqual([]);
    expect(pathsOf(result, "settings.view")).toEqual(["group Watchers → role System Auditor"]);
    expect(result.permissions.find((p) => p.permission === "settings.view")!.grants[0].org_id).toBeNull();
    expect(pathsOf(result, "users.delete")).toEqual([]);
  });

  it("show super-admin on every permission", async () => {
    const root = await adminUser();
    const result = await getEffectivePermissions(await actorFor(root), root.id);
    expect(result.is_admin).toBe(true);
    expect(result.permissions.map((p) => p.permission)).toEqual(ALL_PERMISSIONS);
    expect(result.permissions.every((p) => p.grants.some((g) => g.kind === "super_admin" && g.path === "super-admin"))).toBe(true);
  });

  it("are readable by the user themselves, by admins of their organization, and by nobody else", async () => {
    const [a, b] = [await createTestOrg("A-org"), await createTestOrg("B-org")];
    const user = await createTestUser({ orgId: a });
    await grantOrgRole(user.id, a, "org_auditor");
    await grantOrgRole(user.id, b, "org_admin");
    const group = await makeGroup(b, "Secret-B-group");
    await bindRole(group.id, await builtinRoleId("system_auditor"));
    await addMember(group.id, user.id);
    expect(await codeOf(getEffectivePermissions(await actorFor(user), user.id))).toBe("ok");

    const plain = await createTestUser({ orgId: a });
    expect(await codeOf(getEffectivePermissions(await actorFor(plain), user.id))).toBe("forbidden");

    const adminA = await createTestUser({ orgId: a });
    await grantOrgRole(adminA.id, a, "org_admin");
    const seenByA = await getEffectivePermissions(await actorFor(adminA), user.id);
    const allPaths = seenByA.permissions.flatMap((p) => p.grants.map((g) => g.path)).join("\n");
    expect(allPaths).toContain("org role Org Auditor in org A-org");
    expect(allPaths).not.toMatch(/B-org|Secret-B-group/);
    expect(allPaths).toContain("a group in another organization → role System Auditor");

    const adminC = await createTestUser({ orgId: await createTestOrg() });
    await grantOrgRole(adminC.id, (await createTestOrg()), "org_admin");
    expect(await codeOf(getEffectivePermissions(await actorFor(adminC), user.id))).toBe("not_found");
    const auditor = await createTestUser();
    await grantSystemRole(auditor.id, "system_auditor");
    expect(pathsOf(await getEffectivePermissions(await actorFor(auditor), user.id), "users.delete")).toEqual(["org role Org Admin in org B-org"]);
  });
});
