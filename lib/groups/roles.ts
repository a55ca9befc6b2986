import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { groupRoles, roles, type GroupRow, type RoleRow } from "@/db/schema";
import { audit } from "../audit/audit";
import type { Actor } from "../auth/actor";
import { getDb } from "../db";
import { notFound, parseInput } from "../errors";
import { authorize, authorizeAnywhere } from "../rbac/authorize";
import { assertWithinCeiling, freshActor, lockRoles } from "../rbac/ceiling";
import { compareRoles, toRoleRef } from "../roles/dto";
import { groupRolesInputSchema, type RoleRef } from "../roles/schema";
import { loadGroup } from "./queries";
import { keepingOrgAdmins, lockOrgAdmins } from "../rbac/org-admins";

type Mode = "set" | "add" | "remove";

async function boundRoles(db: Executor, groupId: string): Promise<RoleRow[]> {
  const rows = await db.select({ role: roles }).from(groupRoles).innerJoin(roles, eq(roles.id, groupRoles.roleId)).where(eq(groupRoles.groupId, groupId));
  return rows.map((r) => r.role).sort(compareRoles);
}

/** Roles bound to a group (groups.view in its organization); members inherit them. */
export async function listGroupRoles(actor: Actor, groupId: string): Promise<RoleRef[]> {
  const db = await getDb();
  const group = await loadGroup(db, actor, groupId);
  return (await boundRoles(db, group.id)).map(toRoleRef);
}

/**
 * Binding is assigning to every member at once: it needs groups.manage and roles.assign in the group's organization
 * (system-wide for a system role, which then applies everywhere), and the roles must be within the actor's ceiling.
 */
async function changeGroupRoles(actor: Actor, groupId: string, input: unknown, mode: Mode): Promise<RoleRef[]> {
  const { role_ids } = parseInput(groupRolesInputSchema, input);
  authorizeAnywhere(actor, "roles.assign");
  const db = await getDb();
  return db.transaction(async (tx) => {
    if (mode !== "add") await lockOrgAdmins(tx);
    const current = await freshActor(tx, actor);
    const group: GroupRow = await loadGroup(tx, current, groupId, "groups.manage", true);
    authorize(current, "roles.assign", { orgId: group.orgId });
    const before = await boundRoles(tx, group.id);
    const named = await lockRoles(tx, role_ids);
    if (named.length !== new Set(role_ids).size) throw notFound("Role");
    const has = (id: string) => before.some((r) => r.id === id);
    const wanted = (id: string) => named.some((r) => r.id === id);
    const added = mode === "remove" ? [] : named.filter((r) => !has(r.id));
    const removed = mode === "add" ? [] : mode === "remove" ? named.filter((r) => has(r.id)) : before.filter((r) => !wanted(r.id));
    const changed = [...added, ...removed];
    if (changed.length === 0) return before.map(toRoleRef);
    if (changed.some((r) => r.scope === "system")) authorize(current, "roles.assign");
    assertWithinCeiling(current, changed.map((role) => ({ role, orgId: role.scope === "org" ? group.orgId : null })));
    if (added.length) await tx.insert(groupRoles).values(added.map((r) => ({ groupId: group.id, roleId: r.id }))).onConflictDoNothing();
    if (removed.length) {
      await keepingOrgAdmins(tx, [group.orgId], () =>
        tx.delete(groupRoles).where(and(eq(groupRoles.groupId, group.id), inArray(groupRoles.roleId, removed.map((r) => r.id)))),
      );
    }
    const after = await boundRoles(tx, group.id);
    await audit(
      tx,
      actor,
      "group.roles_change",
      { type: "group", id: group.id, label: group.name, orgId: group.orgId },
      { roles: { before: before.map((r) => r.name), after: after.map((r) => r.name) } },
      { metadata: { added_role_ids: added.map((r) => r.id), removed_role_ids: removed.map((r) => r.id) } },
    );
    return after.map(toRoleRef);
  });
}

/** PUT /api/v1/groups/{id}/roles `{ role_ids }`: exactly these roles. */
export const setGroupRoles = (actor: Actor, groupId: string, input: unknown) => changeGroupRoles(actor, groupId, input, "set");
/** POST: bind these roles too. */
export const addGroupRoles = (actor: Actor, groupId: string, input: unknown) => changeGroupRoles(actor, groupId, input, "add");
/** DELETE: unbind these roles. */
export const removeGroupRoles = (actor: Actor, groupId: string, input: unknown) => changeGroupRoles(actor, groupId, input, "remove");
