import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents } from "@/db/schema";
import { DEFAULT_ORG_ID, PROXY_PROVIDER_ID } from "../bootstrap";
import { getDb } from "../db";
import { codeOf, isMember, makeGroup, rbacChecksum } from "../rbac/test-helpers";
import { actorFor, adminUser, createTestOrg, createTestUser, grantOrgRole, grantSystemRole } from "../testing/factories";
import { addGroupMembers, addUserToGroups, removeGroupMembers, removeUserFromGroups } from "./members";
import { getGroup, listGroupMembers, listUserGroups } from "./queries";

const admin = async () => actorFor(await adminUser());

describe("group membership", () => {
  it("is managed from both sides: a user can be in many groups, a group has many members", async () => {
    const actor = await admin();
    const [g1, g2, g3] = [await makeGroup(DEFAULT_ORG_ID), await makeGroup(DEFAULT_ORG_ID), await makeGroup(DEFAULT_ORG_ID)];
    const [alice, bob] = [await createTestUser(), await createTestUser()];

    expect(await addGroupMembers(actor, g1.id, [alice.id, bob.id])).toEqual({ changed: [alice.id, bob.id] });
    expect(await addGroupMembers(actor, g1.id, [alice.id])).toEqual({ changed: [] });
    expect((await addUserToGroups(actor, alice.id, [g2.id, g3.id])).changed.sort()).toEqual([g2.id, g3.id].sort());

    expect((await listGroupMembers(actor, g1.id, {})).data.map((m) => m.username).sort()).toEqual([alice.username, bob.username].sort());
    expect((await getGroup(actor, g1.id)).member_count).toBe(2);
    expect((await listUserGroups(actor, alice.id, {})).total).toBe(3);
    expect((await listGroupMembers(actor, g1.id, { q: bob.username })).data.map((m) => m.id)).toEqual([bob.id]);

    await removeGroupMembers(actor, g1.id, [bob.id]);
    await removeUserFromGroups(actor, alice.id, [g2.id]);
    expect(await isMember(g1.id, bob.id)).toBe(false);
    expect(await isMember(g2.id, alice.id)).toBe(false);
    expect((await listUserGroups(actor, alice.id, {})).data.map((g) => g.id).sort()).toEqual([g1.id, g3.id].sort());

    const db = await getDb();
    const [added] = await db.select().from(auditEvents).where(and(eq(auditEvents.action, "group.members_add"), eq(auditEvents.targetId, g1.id)));
    expect(added.diff).toEqual({ members: { after: [alice.username, bob.username] } });
  });

  it("lets users see their own groups without any permission", async () => {
    const user = await createTestUser();
    const group = await makeGroup(DEFAULT_ORG_ID);
    await addGroupMembers(await admin(), group.id, [user.id]);
    const self = await actorFor(user);
    expect((await listUserGroups(self, user.id, {})).data.map((g) => g.id)).toEqual([group.id]);
    expect(await codeOf(listUserGroups(self, (await adminUser()).id, {}))).toBe("forbidden");
  });

  it("answers 404 for unknown users and groups, 422 for users outside the group's organization and for bad bodies", async () => {
    const actor = await admin();
    const group = await makeGroup(DEFAULT_ORG_ID);
    const stranger = await createTestUser({ orgId: await createTestOrg() });
    const before = await rbacChecksum();
    expect(await codeOf(addGroupMembers(actor, group.id, ["00000000-0000-0000-0000-00000000dead"]))).toBe("not_found");
    expect(await codeOf(addGroupMembers(actor, "not-a-uuid", [stranger.id]))).toBe("not_found");
    expect(await codeOf(addUserToGroups(actor, stranger.id, ["00000000-0000-0000-0000-00000000dead"]))).toBe("not_found");
    expect(await codeOf(addUserToGroups(actor, "nope", [group.id]))).toBe("not_found");
    expect(await codeOf(addGroupMembers(actor, group.id, [stranger.id]))).toBe("validation");
    for (const body of [[], "x", ["not-a-uuid"], undefined, null, { user_ids: [] }]) {
      expect(await codeOf(addGroupMembers(actor, group.id, body))).toBe("validation");
    }
    expect(await rbacChecksum()).toBe(before);
  });

  it("keeps an Org Admin of A away from B's users and groups (404) and changes nothing", async () => {
    const [a, b] = [await createTestOrg(), await createTestOrg()];
    const orgAdmin = await createTestUser({ orgId: a });
    await grantOrgRole(orgAdmin.id, a, "org_admin");
    const actor = await actorFor(orgAdmin);
    const [groupA, groupB] = [await makeGroup(a), await makeGroup(b)];
    const [inA, inB] = [await createTestUser({ orgId: a }), await createTestUser({ orgId: b })];
    await addGroupMembers(actor, groupA.id, [inA.id]);
    const before = await rbacChecksum();
    expect(await codeOf(addGroupMembers(actor, groupA.id, [inB.id]))).toBe("not_found");
    expect(await codeOf(addGroupMembers(actor, groupB.id, [inA.id]))).toBe("not_found");
    expect(await codeOf(addUserToGroups(actor, inB.id, [groupB.id]))).toBe("not_found");
    expect(await codeOf(addUserToGroups(actor, inA.id, [groupB.id]))).toBe("not_found");
    expect(await codeOf(removeGroupMembers(actor, groupB.id, [inB.id]))).toBe("not_found");
    expect(await codeOf(listGroupMembers(actor, groupB.id, {}))).toBe("not_found");
    expect(await codeOf(listUserGroups(actor, inB.id, {}))).toBe("not_found");
    expect(await rbacChecksum()).toBe(before);
  });

  it("refuses to change a super-admin's memberships unless a super-admin asks (403), and a built-in account's ever (409)", async () => {
    const group = await makeGroup(DEFAULT_ORG_ID);
    const systemAdmin = await createTestUser();
    await grantSystemRole(systemAdmin.id, "system_admin");
    const actor = await actorFor(systemAdmin);
    const root = await adminUser();
    const before = await rbacChecksum();
    expect(await codeOf(addGroupMembers(actor, group.id, [root.id]))).toBe("forbidden");
    expect(await codeOf(addUserToGroups(actor, root.id, [group.id]))).toBe("forbidden");
    expect(await codeOf(addGroupMembers(actor, group.id, [PROXY_PROVIDER_ID]))).toBe("conflict");
    expect(await codeOf(addGroupMembers(await admin(), group.id, [PROXY_PROVIDER_ID]))).toBe("conflict");
    expect(await rbacChecksum()).toBe(before);
    expect(await codeOf(addGroupMembers(await admin(), group.id, [root.id]))).toBe("ok");
  });

  it("is read-only for a System Auditor", async () => {
    const auditor = await createTestUser();
    await grantSystemRole(auditor.id, "system_auditor");
    const actor = await actorFor(auditor);
    const group = await makeGroup(DEFAULT_ORG_ID);
    const user = await createTestUser();
    expect(await codeOf(listGroupMembers(actor, group.id, {}))).toBe("ok");
    expect(await codeOf(listUserGroups(actor, user.id, {}))).toBe("ok");
    const before = await rbacChecksum();
    for (const attempt of [
      () => addGroupMembers(actor, group.id, [user.id]),
      () => removeGroupMembers(actor, group.id, [user.id]),
      () => addUserToGroups(actor, user.id, [group.id]),
      () => removeUserFromGroups(actor, user.id, [group.id]),
      () => addUserToGroups(actor, auditor.id, [group.id]),
    ]) {
      expect(await codeOf(attempt())).toBe("forbidden");
    }
    expect(await rbacChecksum()).toBe(before);
  });
});
