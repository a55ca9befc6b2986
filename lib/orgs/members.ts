import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { groupMembers, groups, orgMemberRoles, orgMembers, roles } from "@/db/schema";
import { audit } from "../audit/audit";
import type { Actor } from "../auth/actor";
import { getDb } from "../db";
import { parseInput } from "../errors";
import { assertWithinCeiling, freshActor, groupConferrals, lockRoles, type Conferral } from "../rbac/ceiling";
import { assertGrantsChangeable, loadVisibleUsers } from "../rbac/targets";
import { loadOrg } from "./queries";
import { userIdsSchema, type MembershipChange } from "./schema";
import { keepingOrgAdmins, lockOrgAdmins } from "../rbac/org-admins";

async function orgUserRoleId(tx: Executor): Promise<string | undefined> {
  const [role] = await tx.select({ id: roles.id }).from(roles).where(eq(roles.builtinKey, "org_user"));
  return role?.id;
}

/** Adds users to an organization (orgs.manage) with its built-in User role. Members already in it are left alone. */
export async function addOrgMembers(actor: Actor, orgId: string, userIds: unknown): Promise<MembershipChange> {
  const { user_ids } = parseInput(userIdsSchema, { user_ids: userIds });
  const db = await getDb();
  return db.transaction(async (tx) => {
    const current = await freshActor(tx, actor);
    const org = await loadOrg(tx, current, orgId, "orgs.manage", true);
    const targets = await loadVisibleUsers(tx, current, user_ids, true);
    targets.forEach((t) => assertGrantsChangeable(current, t.user));
    const added = targets.filter((t) => !t.orgIds.includes(org.id)).map((t) => t.user);
    if (added.length === 0) return { changed: [] };
    await tx.insert(orgMembers).values(added.map((u) => ({ orgId: org.id, userId: u.id }))).onConflictDoNothing();
    const userRole = await orgUserRoleId(tx);
    if (userRole) await tx.insert(orgMemberRoles).values(added.map((u) => ({ orgId: org.id, userId: u.id, roleId: userRole }))).onConflictDoNothing();
    await audit(tx, actor, "org.members_add", { type: "organization", id: org.id, label: org.name, orgId: org.id }, { members: { after: added.map((u) => u.username) } }, {
      metadata: { user_ids: added.map((u) => u.id) },
    });
    return { changed: added.map((u) => u.id) };
  });
}

/** What leaving an organization takes away: the org roles held in it and the roles of its groups. */
async function grantsInOrg(tx: Executor, orgId: string, userIds: string[]): Promise<Conferral[]> {
  const held = await tx
    .select({ roleId: orgMemberRoles.roleId })
    .from(orgMemberRoles)
    .where(and(eq(orgMemberRoles.orgId, orgId), inArray(orgMemberRoles.userId, userIds)));
  const orgRoles = (await lockRoles(tx, [...new Set(held.map((h) => h.roleId))])).map((role) => ({ role, orgId }));
  const joined = await tx
    .selectDistinct({ id: groups.id, orgId: groups.orgId })
    .from(groupMembers)
    .innerJoin(groups, eq(groups.id, groupMembers.groupId))
    .where(and(eq(groups.orgId, orgId), inArray(groupMembers.userId, userIds)));
  const viaGroups = await Promise.all(joined.map((g) => groupConferrals(tx, g)));
  return [...orgRoles, ...viaGroups.flat()];
}

/** Removes users from an organization, with their roles and group memberships in it (orgs.manage, within the ceiling). */
export async function removeOrgMembers(actor: Actor, orgId: string, userIds: unknown): Promise<MembershipChange> {
  const { user_ids } = parseInput(userIdsSchema, { user_ids: userIds });
  const db = await getDb();
  return db.transaction(async (tx) => {
    await lockOrgAdmins(tx);
    const current = await freshActor(tx, actor);
    const org = await loadOrg(tx, current, orgId, "orgs.manage", true);
    const targets = await loadVisibleUsers(tx, current, user_ids, true);
    targets.forEach((t) => assertGrantsChangeable(current, t.user));
    const removed = targets.filter((t) => t.orgIds.includes(org.id)).map((t) => t.user);
    if (removed.length === 0) return { changed: [] };
    const ids = removed.map((u) => u.id);
    assertWithinCeiling(current, await grantsInOrg(tx, org.id, ids));
    const orgGroups = tx.select({ id: groups.id }).from(groups).where(eq(groups.orgId, org.id));
    await keepingOrgAdmins(tx, [org.id], async () => {
      await tx.delete(groupMembers).where(and(inArray(groupMembers.userId, ids), inArray(groupMembers.groupId, orgGroups)));
      await tx.delete(orgMembers).where(and(eq(orgMembers.orgId, org.id), inArray(orgMembers.userId, ids)));
    });
    await audit(tx, actor, "org.members_remove", { type: "organization", id: org.id, label: org.name, orgId: org.id }, { members: { before: removed.map((u) => u.username) } }, {
      metadata: { user_ids: ids },
    });
    return { changed: ids };
  });
}
