import "server-only";
import { eq, inArray } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { groupRoles, roles, users, type RoleRow } from "@/db/schema";
import type { Actor } from "../auth/actor";
import { forbidden } from "../errors";
import { can } from "./authorize";
import { SYSTEM_ONLY_PERMISSIONS, isPermission, type Permission } from "./permissions";
import { resolvePermissions } from "./resolve";

/** A role about to be granted or taken away, and where it applies (null: everywhere, for a system role). */
export type Conferral = { role: Pick<RoleRow, "name" | "scope" | "permissions">; orgId: string | null };

/**
 * The actor as the database says right now, read inside the transaction that writes: a role removed (or a
 * super-admin flag cleared) a moment ago no longer counts. Token scopes still narrow the result.
 */
export async function freshActor(tx: Executor, actor: Actor): Promise<Actor> {
  if (actor.kind === "system" || !actor.userId) return actor;
  const [row] = await tx.select({ isAdmin: users.isAdmin, isActive: users.isActive }).from(users).where(eq(users.id, actor.userId));
  if (!row || !row.isActive) throw forbidden();
  return { ...actor, isAdmin: row.isAdmin, permissions: await resolvePermissions(tx, actor.userId) };
}

/** Permissions a conferral grants: an organization role never carries system-only permissions. */
export function conferredPermissions(conferral: Conferral): Permission[] {
  const valid = conferral.role.permissions.filter(isPermission);
  return conferral.role.scope === "org" ? valid.filter((p) => !SYSTEM_ONLY_PERMISSIONS.includes(p)) : valid;
}

/** The permissions of the conferrals that the actor does not hold in the scope where each applies. */
export function permissionsBeyondCeiling(actor: Actor, conferrals: readonly Conferral[]): Permission[] {
  const missing = new Set<Permission>();
  for (const conferral of conferrals) {
    for (const permission of conferredPermissions(conferral)) {
      const held = conferral.role.scope === "system" || !conferral.orgId ? can(actor, permission) : can(actor, permission, { orgId: conferral.orgId });
      if (!held) missing.add(permission);
    }
  }
  return [...missing];
}

/**
 * The privilege ceiling (DESIGN.md §4): nobody but a super-admin grants — by assigning a role, binding one to a group
 * or adding someone to a group that has roles — a permission they do not hold where it would apply. Revoking is held
 * to the same ceiling, so nobody strips a grant above their own. Pass an actor from freshActor().
 */
export function assertWithinCeiling(actor: Actor, conferrals: readonly Conferral[]): void {
  const missing = permissionsBeyondCeiling(actor, conferrals);
  if (missing.length === 0) return;
  throw forbidden(`This would grant or remove permissions you do not hold yourself: ${missing.sort().join(", ")}.`);
}

/** Roles by id, share-locked so a concurrent edit of their permissions waits until this transaction ends. */
export async function lockRoles(tx: Executor, roleIds: readonly string[]): Promise<RoleRow[]> {
  if (roleIds.length === 0) return [];
  return tx.select().from(roles).where(inArray(roles.id, [...roleIds])).for("share");
}

/** What membership of a group confers: its roles (share-locked), applying in the group's organization or everywhere. */
export async function groupConferrals(tx: Executor, group: { id: string; orgId: string }): Promise<Conferral[]> {
  const bound = await tx.select({ roleId: groupRoles.roleId }).from(groupRoles).where(eq(groupRoles.groupId, group.id));
  const rows = await lockRoles(tx, bound.map((b) => b.roleId));
  return rows.map((role) => ({ role, orgId: role.scope === "org" ? group.orgId : null }));
}
