import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, orgMemberRoles, organizations } from "@/db/schema";
import { DEFAULT_ORG_ID, PROXY_PROVIDER_ID } from "../bootstrap";
import { getDb } from "../db";
import { addMember, bindRole, builtinRoleId, codeOf, customRole, giveSystemRole, isMember, makeGroup, rbacChecksum } from "../rbac/test-helpers";
import { actorFor, adminUser, createTestOrg, createTestUser, grantOrgRole, grantSystemRole, uniqueName } from "../testing/factories";
import { listSwitchableOrgs, pickCurrentOrgId } from "./current";
import { addOrgMembers, removeOrgMembers } from "./members";
import { createOrg, deleteOrg, updateOrg } from "./mutations";
import { getOrg, listOrgMembers, listOrgs } from "./queries";

const admin = async () => actorFor(await adminUser());

describe("organizations", () => {
  it("are created, renamed, described, listed (Default first) and deleted, each change audited", async () => {
    const actor = await admin();
    const name = uniqueName("Acme");
    const org = await createOrg(actor, { name, description: "Rockets" });
    expect(org).toMatchObject({ name, description: "Rockets", is_default: false, member_count: 0, group_count: 0 });
    expect(await getOrg(actor, org.id)).toEqual(org);
    expect((await updateOrg(actor, org.id, { name: `${name}-2` })).name).toBe(`${name}-2`);
    const listed = await listOrgs(actor, { limit: 100 });
    expect(listed.data[0]).toMatchObject({ id: DEFAULT_ORG_ID, is_default: true, name: "Default" });
    expect(listed.data.map((o) => o.id)).toContain(org.id);
    await deleteOrg(actor, org.id);
    expect(await codeOf(getOrg(actor, org.id))).toBe("not_found");
    const db = await getDb();
    const events = await db.select().from(auditEvents).where(and(eq(auditEvents.targetType, "organization"), eq(auditEvents.targetId, org.id)));
    expect(events.map((e) => e.action)).toEqual(["org.create", "org.update", "org.delete"]);
  });

  it("keep the Default organization (409 on delete) but let it be renamed", async () => {
    const actor = await admin();
    const before = await rbacChecksum();
    expect(await codeOf(deleteOrg(actor, DEFAULT_ORG_ID))).toBe("conflict");
    expect(await rbacChecksum()).toBe(before);
    expect((await updateOrg(actor, DEFAULT_ORG_ID, { description: "Everyone" })).description).toBe("Everyone");
  });

  it("have unique names ignoring case (409), and answer 404 for unknown or malformed ids", async () => {
    const actor = await admin();
    const name = uniqueName("Org");
    const org = await createOrg(actor, { name });
    expect(await codeOf(createOrg(actor, { name: name.toUpperCase() }))).toBe("conflict");
    expect(await codeOf(updateOrg(actor, DEFAULT_ORG_ID, { name: name.toLowerCase() }))).toBe("conflict");
    expect(await codeOf(updateOrg(actor, org.id, { name: name.toUpperCase() }))).toBe("ok");
    for (const id of ["x", "00000000-0000-0000-0000-00000000dead"]) {
      const rootId = (await adminUser()).id;
      for (const attempt of [() => getOrg(actor, id), () => updateOrg(actor, id, { name: "y" }), () => deleteOrg(actor, id), () => listOrgMembers(actor, id, {}), () => addOrgMembers(actor, id, [rootId])]) {
        expect(await codeOf(attempt())).toBe("not_found");
      }
    }
  });

  it("add and remove members; leaving takes the roles and group memberships held in that organization", async () => {
    const actor = await admin();
    const org = await createTestOrg();
    const user = await createTestUser();
    expect(await addOrgMembers(actor, org, [user.id])).toEqual({ changed: [user.id] });
    expect(await addOrgMembers(actor, org, [user.id])).toEqual({ changed: [] });
    expect((await listOrgMembers(actor, org, {})).data.map((m) => m.id)).toEqual([user.id]);
    const db = await getDb();
    expect(await db.select().from(orgMemberRoles).where(and(eq(orgMemberRoles.orgId, org), eq(orgMemberRoles.userId, user.id)))).toHaveLength(1);
    const group = await makeGroup(org);
    await addMember(group.id, user.id);
    const elsewhere = await makeGroup(DEFAULT_ORG_ID);
    await addMember(elsewhere.id, user.id);

    expect(await removeOrgMembers(actor, org, [user.id])).toEqual({ changed: [user.id] });
    expect(await db.select().from(orgMemberRoles).where(eq(orgMemberRoles.orgId, org))).toHaveLength(0);
    expect(await isMember(group.id, user.id)).toBe(false);
    expect(await isMember(elsewhere.id, user.id)).toBe(true);
    expect((await getOrg(actor, org)).member_count).toBe(0);
  });

  it("keep an Org Admin to their own organization and out of organization management", async () => {
    const [a, b] = [await createTestOrg(), await createTestOrg()];
    const orgAdmin = await createTestUser({ orgId: a });
    await grantOrgRole(orgAdmin.id, a, "org_admin");
    const actor = await actorFor(orgAdmin);
    const inA = await createTestUser({ orgId: a });
    expect((await listOrgs(actor, {})).data.map((o) => o.id)).toEqual([a]);
    expect(await codeOf(getOrg(actor, a))).toBe("ok");
    expect(await codeOf(listOrgMembers(actor, a, {}))).toBe("ok");
    const before = await rbacChecksum();
    expect(await codeOf(getOrg(actor, b))).toBe("not_found");
    expect(await codeOf(updateOrg(actor, b, { name: "Mine now" }))).toBe("not_found");
    expect(await codeOf(deleteOrg(actor, b))).toBe("not_found");
    expect(await codeOf(updateOrg(actor, a, { name: "Renamed" }))).toBe("forbidden");
    expect(await codeOf(deleteOrg(actor, a))).toBe("forbidden");
    expect(await codeOf(createOrg(actor, { name: uniqueName() }))).toBe("forbidden");
    expect(await codeOf(removeOrgMembers(actor, a, [inA.id]))).toBe("forbidden");
    expect(await rbacChecksum()).toBe(before);
  });

  it("are read-only for a System Auditor; super-admins and built-in accounts are protected in membership changes", async () => {
    const auditor = await createTestUser();
    await grantSystemRole(auditor.id, "system_auditor");
    const actor = await actorFor(auditor);
    const org = await createTestOrg();
    const user = await createTestUser();
    const systemAdmin = await createTestUser();
    await grantSystemRole(systemAdmin.id, "system_admin");
    const sa = await actorFor(systemAdmin);
    const before = await rbacChecksum();
    for (const attempt of [
      () => createOrg(actor, { name: uniqueName() }),
      () => updateOrg(actor, org, { name: "x" }),
      () => deleteOrg(actor, org),
      () => addOrgMembers(actor, org, [user.id]),
      () => removeOrgMembers(actor, DEFAULT_ORG_ID, [user.id]),
    ]) {
      expect(await codeOf(attempt())).toBe("forbidden");
    }
    expect(await codeOf(addOrgMembers(sa, org, [(await adminUser()).id]))).toBe("forbidden");
    expect(await codeOf(addOrgMembers(sa, org, [PROXY_PROVIDER_ID]))).toBe("conflict");
    expect(await codeOf(removeOrgMembers(await admin(), DEFAULT_ORG_ID, [PROXY_PROVIDER_ID]))).toBe("conflict");
    expect(await rbacChecksum()).toBe(before);
    const db = await getDb();
    expect(await db.select().from(organizations).where(eq(organizations.id, org))).toHaveLength(1);
  });

  it("holds removing a member to the ceiling over what they hold there", async () => {
    const org = await createTestOrg();
    const manager = await createTestUser();
    await grantSystemRole(manager.id, "system_auditor");
    await giveSystemRole(manager.id, (await customRole("system", ["orgs.manage", "users.view"])).id);
    const target = await createTestUser({ orgId: org });
    const group = await makeGroup(org);
    await bindRole(group.id, await builtinRoleId("system_admin"));
    await addMember(group.id, target.id);
    expect(await codeOf(removeOrgMembers(await actorFor(manager), org, [target.id]))).toBe("forbidden");
    expect(await isMember(group.id, target.id)).toBe(true);
  });
});

describe("current organization", () => {
  it("offers every organization to a super-admin, and an Org Admin only theirs; falls back when the cookie is foreign", async () => {
    const [a, b] = [await createTestOrg(), await createTestOrg()];
    const all = await listSwitchableOrgs(await admin());
    expect(all[0].id).toBe(DEFAULT_ORG_ID);
    expect(all.map((o) => o.id)).toEqual(expect.arrayContaining([a, b]));
    expect(pickCurrentOrgId(all, b)).toBe(b);
    expect(pickCurrentOrgId(all, "garbage")).toBe(DEFAULT_ORG_ID);

    const orgAdmin = await createTestUser({ orgId: null });
    await grantOrgRole(orgAdmin.id, a, "org_admin");
    const mine = await listSwitchableOrgs(await actorFor(orgAdmin));
    expect(mine.map((o) => o.id)).toEqual([a]);
    expect(pickCurrentOrgId(mine, b)).toBe(a);
    const plain = await createTestUser({ orgId: b });
    expect((await listSwitchableOrgs(await actorFor(plain))).map((o) => o.id)).toEqual([b]);
  });
});
