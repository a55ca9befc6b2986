/**
 * The last Org Admin of an organization (security-test-plan.md T1, "same for last org admin"): every operation that
 * takes the built-in Org Admin role away refuses with 409 and changes nothing when the organization would be left
 * without an active one; with a second Org Admin it works. Then T1's concurrency test: two Org Admins removed at the
 * same instant by every pair of reducing operations — never zero, exactly one wins. Mutation check on PostgreSQL.
 */
import { eq, sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { settings, users, type UserRow } from "@/db/schema";
import type { Actor } from "../auth/actor";
import { getDb } from "../db";
import { addGroupMembers, removeGroupMembers, removeUserFromGroups } from "../groups/members";
import { deleteGroup } from "../groups/mutations";
import { removeGroupRoles, setGroupRoles } from "../groups/roles";
import { removeOrgMembers } from "../orgs/members";
import { deleteOrg } from "../orgs/mutations";
import { revokeUserRoles, setUserRoles } from "../roles/assignment";
import { actorFor, adminUser, createTestOrg, createTestUser, grantOrgRole } from "../testing/factories";
import { bulkUpdateUsers } from "../users/bulk";
import { deleteUser } from "../users/delete";
import { disableInactiveUsers } from "../users/inactivity";
import { updateUser } from "../users/update";
import { countOrgAdmins, orgAdminGuardTesting } from "./org-admins";
import { fireTogether, itFailsWithoutTheLock, itRacesEveryPair, onPostgres, type Race } from "../testing/races";
import { bindRole, builtinRoleId, codeOf, makeGroup, rbacChecksum } from "./test-helpers";

const admin = async () => actorFor(await adminUser());
const adminsOf = async (orgId: string) => (await countOrgAdmins(await getDb(), [orgId])).get(orgId) ?? 0;

/** An organization whose only Org Admin is `only` (a direct role), with a plain member beside them. */
async function orgWithOneAdmin() {
  const org = await createTestOrg();
  const only = await createTestUser({ orgId: org });
  await grantOrgRole(only.id, org, "org_admin");
  const member = await createTestUser({ orgId: org });
  return { org, only, member, orgAdmin: await builtinRoleId("org_admin") };
}

/** The same, but the only Org Admin holds the role through a group. */
async function orgAdminThroughGroup() {
  const org = await createTestOrg();
  const only = await createTestUser({ orgId: org });
  const group = await makeGroup(org);
  await bindRole(group.id, await builtinRoleId("org_admin"));
  await addGroupMembers(await admin(), group.id, [only.id]);
  return { org, only, group, orgAdmin: await builtinRoleId("org_admin") };
}

async function refusedUnchanged(promise: Promise<unknown>) {
  const before = await rbacChecksum();
  const error = await promise.then(
    () => null,
    (e: { code?: string; message?: string }) => e,
  );
  expect(error).toMatchObject({ code: "conflict", message: expect.stringMatching(/without an active Org Admin/) });
  expect(await rbacChecksum()).toBe(before);
}

describe("an organization keeps its last active Org Admin", () => {
  it("refuses to revoke or replace the role, to remove them from the organization, to deactivate or delete them — alone or in bulk", async () => {
    const actor = await admin();
    const { org, only, member, orgAdmin } = await orgWithOneAdmin();
    await refusedUnchanged(revokeUserRoles(actor, only.id, { org_roles: [{ org_id: org, role_ids: [orgAdmin] }] }));
    await refusedUnchanged(setUserRoles(actor, only.id, { org_roles: [{ org_id: org, role_ids: [] }] }));
    await refusedUnchanged(removeOrgMembers(actor, org, [only.id, member.id]));
    await refusedUnchanged(updateUser(actor, only.id, { is_active: false }));
    await refusedUnchanged(deleteUser(actor, only.id));
    expect(await bulkUpdateUsers(actor, { action: "deactivate", user_ids: [member.id, only.id] })).toMatchObject([
      { id: member.id, ok: true },
      { id: only.id, ok: false, code: "conflict" },
    ]);
    expect(await adminsOf(org)).toBe(1);

    // Other changes to the same person and organization go through.
    expect(await codeOf(updateUser(actor, only.id, { first_name: "Still", is_admin: false }))).toBe("ok");
    expect(await codeOf(removeOrgMembers(actor, org, [member.id]))).toBe("ok");
  });

  it("refuses to leave or delete the group that carries the role, or to unbind the role from it", async () => {
    const actor = await admin();
    const { org, only, group, orgAdmin } = await orgAdminThroughGroup();
    expect(await adminsOf(org)).toBe(1);
    await refusedUnchanged(removeGroupMembers(actor, group.id, [only.id]));
    await refusedUnchanged(removeUserFromGroups(actor, only.id, [group.id]));
    await refusedUnchanged(removeGroupRoles(actor, group.id, { role_ids: [orgAdmin] }));
    await refusedUnchanged(setGroupRoles(actor, group.id, { role_ids: [] }));
    await refusedUnchanged(deleteGroup(actor, group.id));
    await refusedUnchanged(removeOrgMembers(actor, org, [only.id]));
  });

  it("allows all of it once someone else is Org Admin there, directly or through a group", async () => {
    const actor = await admin();
    const { org, only, orgAdmin } = await orgWithOneAdmin();
    const { only: second, group } = await (async () => {
      const person = await createTestUser({ orgId: org });
      const g = await makeGroup(org);
      await bindRole(g.id, orgAdmin);
      await addGroupMembers(actor, g.id, [person.id]);
      return { only: person, group: g };
    })();
    expect(await adminsOf(org)).toBe(2);
    expect(await codeOf(revokeUserRoles(actor, only.id, { org_roles: [{ org_id: org, role_ids: [orgAdmin] }] }))).toBe("ok");
    expect(await adminsOf(org)).toBe(1);
    // Now `second` (through the group) is the last one.
    expect(await codeOf(deleteGroup(actor, group.id))).toBe("conflict");
    await grantOrgRole(only.id, org, "org_admin");
    expect(await codeOf(deleteGroup(actor, group.id))).toBe("ok");
    expect(await codeOf(deleteUser(actor, second.id))).toBe("ok");
    expect(await adminsOf(org)).toBe(1);
  });

  it("does not limit organizations without an Org Admin, nor deleting the organization itself", async () => {
    const actor = await admin();
    const org = await createTestOrg();
    const member = await createTestUser({ orgId: org });
    expect(await codeOf(updateUser(actor, member.id, { is_active: false }))).toBe("ok");
    expect(await codeOf(removeOrgMembers(actor, org, [member.id]))).toBe("ok");
    const { org: run } = await orgWithOneAdmin();
    expect(await codeOf(deleteOrg(actor, run))).toBe("ok");
  });

  it("the inactivity job leaves the last Org Admin active and deactivates the others", async () => {
    const { org, only, member } = await orgWithOneAdmin();
    const db = await getDb();
    const longAgo = new Date(Date.now() - 400 * 86_400_000);
    await db.update(users).set({ lastLoginAt: longAgo, createdAt: longAgo }).where(sql`${users.id} in (${only.id}, ${member.id})`);
    await db.update(settings).set({ value: { inactive_days: 90 } }).where(eq(settings.key, "users"));
    const disabled = await disableInactiveUsers();
    expect(disabled).toContain(member.id);
    expect(disabled).not.toContain(only.id);
    expect(await adminsOf(org)).toBe(1);
  });
});

const TRIALS = onPostgres ? 20 : 2;

type Operation = (actor: Actor, target: UserRow, org: string) => Promise<unknown>;
const OPERATIONS: Record<string, Operation> = {
  revoke: async (actor, target, org) => revokeUserRoles(actor, target.id, { org_roles: [{ org_id: org, role_ids: [await builtinRoleId("org_admin")] }] }),
  "leave org": (actor, target, org) => removeOrgMembers(actor, org, [target.id]),
  deactivate: (actor, target) => updateUser(actor, target.id, { is_active: false }),
  delete: (actor, target) => deleteUser(actor, target.id),
};

async function trial(opA: Operation, opB: Operation, forceInterleaving: boolean): Promise<Race> {
  const org = await createTestOrg();
  const [a, b] = [await createTestUser({ orgId: org }), await createTestUser({ orgId: org })];
  await grantOrgRole(a.id, org, "org_admin");
  await grantOrgRole(b.id, org, "org_admin");
  const actor = await admin();
  const outcomes = await fireTogether(orgAdminGuardTesting, forceInterleaving, () => [opA(actor, a, org), opB(actor, b, org)]);
  return { outcomes, remaining: await adminsOf(org) };
}

afterEach(() => {
  orgAdminGuardTesting.afterWrite = undefined;
  orgAdminGuardTesting.disableLock = false;
});

describe("T1 for Org Admins: the last one survives concurrent removals", () => {
  itRacesEveryPair(OPERATIONS, TRIALS, trial);
  itFailsWithoutTheLock(
    "without the lock, forced interleaving leaves an organization without an Org Admin",
    () => (orgAdminGuardTesting.disableLock = true),
    () => trial(OPERATIONS.revoke, OPERATIONS["leave org"], true),
  );
});
