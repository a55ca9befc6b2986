import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { groupMembers, type GroupRow } from "@/db/schema";
import { audit } from "../audit/audit";
import type { Actor } from "../auth/actor";
import { getDb } from "../db";
import { parseInput, validationError } from "../errors";
import { groupIdsSchema } from "./schema";
import { userIdsSchema, type MembershipChange } from "../orgs/schema";
import { authorizeAnywhere } from "../rbac/authorize";
import { assertWithinCeiling, freshActor, groupConferrals } from "../rbac/ceiling";
import { keepingOrgAdmins, lockOrgAdmins } from "../rbac/org-admins";
import { assertGrantsChangeable, loadVisibleUser, loadVisibleUsers, type VisibleUser } from "../rbac/targets";
import { loadGroup } from "./queries";

type Mode = "add" | "remove";

/**
 * The one place group membership changes. Per group: who actually changes, the organization rule (members of a
 * group belong to its organization), the privilege ceiling over the group's roles, the write and its audit event.
 * Groups arrive locked, so a role bound concurrently waits for this transaction (and vice versa).
 */
async function changeMemberships(tx: Executor, actor: Actor, groups: GroupRow[], targets: VisibleUser[], mode: Mode): Promise<Array<[string, string]>> {
  targets.forEach((t) => assertGrantsChangeable(actor, t.user));
  const changed: Array<[string, string]> = [];
  const ids = targets.map((t) => t.user.id);
  for (const group of groups) {
    const existing = new Set(
      (await tx.select({ userId: groupMembers.userId }).from(groupMembers).where(and(eq(groupMembers.groupId, group.id), inArray(groupMembers.userId, ids)))).map((r) => r.userId),
    );
    const affected = targets.filter((t) => existing.has(t.user.id) === (mode === "remove"));
    if (affected.length === 0) continue;
    if (mode === "add") {
      const outsiders = affected.filter((t) => !t.orgIds.includes(group.orgId)).map((t) => t.user.username);
      if (outsiders.length) throw validationError({ user_ids: [`Not a member of the group's organization: ${outsiders.join(", ")}.`] });
    }
    assertWithinCeiling(actor, await groupConferrals(tx, group));
    const affectedIds = affected.map((t) => t.user.id);
    if (mode === "add") await tx.insert(groupMembers).values(affectedIds.map((userId) => ({ groupId: group.id, userId }))).onConflictDoNothing();
    else await keepingOrgAdmins(tx, [group.orgId], () => tx.delete(groupMembers).where(and(eq(groupMembers.groupId, group.id), inArray(groupMembers.userId, affectedIds))));
    const usernames = affected.map((t) => t.user.username);
    await audit(
      tx,
      actor,
      mode === "add" ? "group.members_add" : "group.members_remove",
      { type: "group", id: group.id, label: group.name, orgId: group.orgId },
      { members: mode === "add" ? { after: usernames } : { before: usernames } },
      { metadata: { user_ids: affectedIds } },
    );
    affectedIds.forEach((userId) => changed.push([group.id, userId]));
  }
  return changed;
}

async function fromGroupSide(actor: Actor, groupId: string, userIds: unknown, mode: Mode): Promise<MembershipChange> {
  const { user_ids } = parseInput(userIdsSchema, { user_ids: userIds });
  const db = await getDb();
  return db.transaction(async (tx) => {
    if (mode === "remove") await lockOrgAdmins(tx);
    const current = await freshActor(tx, actor);
    const group = await loadGroup(tx, current, groupId, "groups.manage", true);
    const targets = await loadVisibleUsers(tx, current, user_ids);
    const changed = await changeMemberships(tx, current, [group], targets, mode);
    return { changed: changed.map(([, userId]) => userId) };
  });
}

async function fromUserSide(actor: Actor, userId: string, groupIds: unknown, mode: Mode): Promise<MembershipChange> {
  const { group_ids } = parseInput(groupIdsSchema, { group_ids: groupIds });
  const db = await getDb();
  return db.transaction(async (tx) => {
    if (mode === "remove") await lockOrgAdmins(tx);
    const current = await freshActor(tx, actor);
    authorizeAnywhere(current, "groups.manage");
    const target = await loadVisibleUser(tx, current, userId);
    const groups: GroupRow[] = [];
    // Sorted, so two requests locking the same groups cannot deadlock.
    for (const id of [...new Set(group_ids)].sort()) groups.push(await loadGroup(tx, current, id, "groups.manage", true));
    const changed = await changeMemberships(tx, current, groups, [target], mode);
    return { changed: changed.map(([groupId]) => groupId) };
  });
}

/** POST /api/v1/groups/{id}/members: adds users (groups.manage in the group's organization, within the ceiling). */
export const addGroupMembers = (actor: Actor, groupId: string, userIds: unknown) => fromGroupSide(actor, groupId, userIds, "add");
/** DELETE /api/v1/groups/{id}/members. */
export const removeGroupMembers = (actor: Actor, groupId: string, userIds: unknown) => fromGroupSide(actor, groupId, userIds, "remove");
/** POST /api/v1/users/{id}/groups: puts one user in several groups. */
export const addUserToGroups = (actor: Actor, userId: string, groupIds: unknown) => fromUserSide(actor, userId, groupIds, "add");
/** DELETE /api/v1/users/{id}/groups. */
export const removeUserFromGroups = (actor: Actor, userId: string, groupIds: unknown) => fromUserSide(actor, userId, groupIds, "remove");
