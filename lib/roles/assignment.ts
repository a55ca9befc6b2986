import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { orgMemberRoles, orgMembers, organizations, roles, userRoles, type RoleRow } from "@/db/schema";
import { audit } from "../audit/audit";
import type { Actor } from "../auth/actor";
import { getDb } from "../db";
import { notFound, parseInput, validationError, type FieldErrors } from "../errors";
import { authorize, authorizeAnywhere, can } from "../rbac/authorize";
import { assertWithinCeiling, freshActor, lockRoles, type Conferral } from "../rbac/ceiling";
import { assertGrantsChangeable, loadVisibleUser } from "../rbac/targets";
import { compareRoles, toRoleRef } from "./dto";
import { userRolesInputSchema, type UserRolesDto, type UserRolesInput } from "./schema";
import { keepingOrgAdmins, lockOrgAdmins } from "../rbac/org-admins";

export type RolesMode = "set" | "add" | "remove";

/** What a user holds: system roles, and organization roles per organization (only organizations `showOrg` allows). */
async function readUserRoles(db: Executor, userId: string, showOrg: (orgId: string) => boolean): Promise<UserRolesDto> {
  const [system, inOrgs, memberships] = await Promise.all([
    db.select({ role: roles }).from(userRoles).innerJoin(roles, eq(roles.id, userRoles.roleId)).where(eq(userRoles.userId, userId)),
    db
      .select({ role: roles, orgId: organizations.id, orgName: organizations.name, isDefault: organizations.isDefault })
      .from(orgMemberRoles)
      .innerJoin(roles, eq(roles.id, orgMemberRoles.roleId))
      .innerJoin(organizations, eq(organizations.id, orgMemberRoles.orgId))
      .where(eq(orgMemberRoles.userId, userId)),
    db.select({ orgId: orgMembers.orgId }).from(orgMembers).where(eq(orgMembers.userId, userId)),
  ]);
  const byOrg = new Map<string, { org_id: string; org_name: string; isDefault: boolean; rows: RoleRow[] }>();
  for (const row of inOrgs.filter((r) => showOrg(r.orgId))) {
    const entry = byOrg.get(row.orgId) ?? { org_id: row.orgId, org_name: row.orgName, isDefault: row.isDefault, rows: [] };
    entry.rows.push(row.role);
    byOrg.set(row.orgId, entry);
  }
  const orgRoles = [...byOrg.values()]
    .sort((a, b) => Number(b.isDefault) - Number(a.isDefault) || a.org_name.localeCompare(b.org_name))
    .map((e) => ({ org_id: e.org_id, org_name: e.org_name, roles: e.rows.sort(compareRoles).map(toRoleRef) }));
  return {
    user_id: userId,
    system_roles: system.map((r) => r.role).sort(compareRoles).map(toRoleRef),
    org_roles: orgRoles,
    member_org_ids: memberships.map((m) => m.orgId).filter(showOrg).sort(),
  };
}

/** GET /api/v1/users/{id}/roles: yourself, or a user you can see (roles.view); organization roles where you may view roles. */
export async function getUserRoles(actor: Actor, userId: string): Promise<UserRolesDto> {
  const self = actor.kind !== "system" && actor.userId === userId;
  if (!self) {
    authorizeAnywhere(actor, "users.view");
    authorizeAnywhere(actor, "roles.view");
  }
  const db = await getDb();
  const { user } = await loadVisibleUser(db, actor, userId);
  return readUserRoles(db, user.id, (orgId) => self || can(actor, "roles.view", { orgId }));
}

type Plan = { add: RoleRow[]; remove: RoleRow[]; orgId: string | null };

function plan(mode: RolesMode, held: RoleRow[], named: RoleRow[], orgId: string | null): Plan {
  const isHeld = (id: string) => held.some((r) => r.id === id);
  if (mode === "add") return { add: named.filter((r) => !isHeld(r.id)), remove: [], orgId };
  if (mode === "remove") return { add: [], remove: named.filter((r) => isHeld(r.id)), orgId };
  return { add: named.filter((r) => !isHeld(r.id)), remove: held.filter((r) => !named.some((n) => n.id === r.id)), orgId };
}

/**
 * Changes a user's roles inside the caller's transaction (for user create/edit forms that save roles with the user).
 * System roles need roles.assign system-wide, organization roles roles.assign in that organization; the user must
 * belong to an organization to get roles in it; every role given or taken is held to the actor's ceiling.
 */
export async function changeUserRolesInTx(tx: Executor, actor: Actor, userId: string, input: UserRolesInput, mode: RolesMode): Promise<UserRolesDto> {
  const data = parseInput(userRolesInputSchema, input);
  // Taking roles away may remove an organization's last Org Admin: serialised, checked after the write.
  if (mode !== "add" && data.org_roles?.length) await lockOrgAdmins(tx);
  const current = await freshActor(tx, actor);
  authorizeAnywhere(current, "roles.assign");
  const { user, orgIds } = await loadVisibleUser(tx, current, userId, true);
  if (data.system_role_ids) authorize(current, "roles.assign");
  const orgEntries = data.org_roles ?? [];
  if (orgEntries.length) {
    const known = await tx.select({ id: organizations.id }).from(organizations).where(inArray(organizations.id, orgEntries.map((e) => e.org_id)));
    for (const entry of orgEntries) {
      if (!known.some((o) => o.id === entry.org_id)) throw notFound("Organization");
      authorize(current, "roles.assign", { orgId: entry.org_id });
    }
  }
  assertGrantsChangeable(current, user);

  const named = await lockRoles(tx, [...(data.system_role_ids ?? []), ...orgEntries.flatMap((e) => e.role_ids)]);
  const find = (id: string) => {
    const role = named.find((r) => r.id === id);
    if (!role) throw notFound("Role");
    return role;
  };
  const shown = (orgId: string) => actor.userId === user.id || can(current, "roles.view", { orgId });
  const errors: FieldErrors = {};
  const plans: Plan[] = [];
  if (data.system_role_ids) {
    const wanted = data.system_role_ids.map(find);
    if (wanted.some((r) => r.scope !== "system")) errors.system_role_ids = ["Only system roles can be assigned here."];
    const held = (await tx.select({ role: roles }).from(userRoles).innerJoin(roles, eq(roles.id, userRoles.roleId)).where(eq(userRoles.userId, user.id))).map((r) => r.role);
    plans.push(plan(mode, held, wanted, null));
  }
  for (const [i, entry] of orgEntries.entries()) {
    const wanted = entry.role_ids.map(find);
    if (wanted.some((r) => r.scope !== "org")) errors[`org_roles.${i}.role_ids`] = ["Only organization roles can be assigned in an organization."];
    const held = (
      await tx
        .select({ role: roles })
        .from(orgMemberRoles)
        .innerJoin(roles, eq(roles.id, orgMemberRoles.roleId))
        .where(and(eq(orgMemberRoles.userId, user.id), eq(orgMemberRoles.orgId, entry.org_id)))
    ).map((r) => r.role);
    const p = plan(mode, held, wanted, entry.org_id);
    if (p.add.length && !orgIds.includes(entry.org_id)) errors[`org_roles.${i}.org_id`] = ["The user is not a member of this organization."];
    plans.push(p);
  }
  if (Object.keys(errors).length) throw validationError(errors);

  const conferrals: Conferral[] = plans.flatMap((p) => [...p.add, ...p.remove].map((role) => ({ role, orgId: p.orgId })));
  if (conferrals.length === 0) return readUserRoles(tx, user.id, shown);
  assertWithinCeiling(current, conferrals);

  const before = await readUserRoles(tx, user.id, () => true);
  const losingOrgRoles = plans.flatMap((p) => (p.orgId && p.remove.length ? [p.orgId] : []));
  await keepingOrgAdmins(tx, losingOrgRoles, async () => {
    for (const p of plans) {
      const addIds = p.add.map((r) => r.id);
      const removeIds = p.remove.map((r) => r.id);
      if (p.orgId === null) {
        if (addIds.length) await tx.insert(userRoles).values(addIds.map((roleId) => ({ userId: user.id, roleId }))).onConflictDoNothing();
        if (removeIds.length) await tx.delete(userRoles).where(and(eq(userRoles.userId, user.id), inArray(userRoles.roleId, removeIds)));
      } else {
        const orgId = p.orgId;
        if (addIds.length) await tx.insert(orgMemberRoles).values(addIds.map((roleId) => ({ orgId, userId: user.id, roleId }))).onConflictDoNothing();
        if (removeIds.length) {
          await tx.delete(orgMemberRoles).where(and(eq(orgMemberRoles.userId, user.id), eq(orgMemberRoles.orgId, orgId), inArray(orgMemberRoles.roleId, removeIds)));
        }
      }
    }
  });
  const after = await readUserRoles(tx, user.id, () => true);
  await audit(tx, actor, "user.roles_change", { type: "user", id: user.id, label: user.username }, rolesDiff(before, after), {
    metadata: { mode, added_role_ids: plans.flatMap((p) => p.add.map((r) => r.id)), removed_role_ids: plans.flatMap((p) => p.remove.map((r) => r.id)) },
  });
  return readUserRoles(tx, user.id, shown);
}

/** The audit diff: role names per scope, e.g. `{ system_roles: {before, after}, "org_roles.Acme": {before, after} }`. */
function rolesDiff(before: UserRolesDto, after: UserRolesDto) {
  const names = (dto: UserRolesDto) => {
    const out: Record<string, string[]> = { system_roles: dto.system_roles.map((r) => r.name) };
    for (const o of dto.org_roles) out[`org_roles.${o.org_name}`] = o.roles.map((r) => r.name);
    return out;
  };
  const [a, b] = [names(before), names(after)];
  const diff: Record<string, { before: string[]; after: string[] }> = {};
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if (JSON.stringify(a[key] ?? []) !== JSON.stringify(b[key] ?? [])) diff[key] = { before: a[key] ?? [], after: b[key] ?? [] };
  }
  return diff;
}

async function changeUserRoles(actor: Actor, userId: string, input: UserRolesInput, mode: RolesMode): Promise<UserRolesDto> {
  parseInput(userRolesInputSchema, input);
  authorizeAnywhere(actor, "roles.assign");
  const db = await getDb();
  return db.transaction((tx) => changeUserRolesInTx(tx, actor, userId, input, mode));
}

/** PUT /api/v1/users/{id}/roles: the given system roles and, per listed organization, the given org roles replace what the user holds there. */
export const setUserRoles = (actor: Actor, userId: string, input: UserRolesInput) => changeUserRoles(actor, userId, input, "set");
/** POST /api/v1/users/{id}/roles: adds roles. */
export const assignUserRoles = (actor: Actor, userId: string, input: UserRolesInput) => changeUserRoles(actor, userId, input, "add");
/** DELETE /api/v1/users/{id}/roles: removes roles. */
export const revokeUserRoles = (actor: Actor, userId: string, input: UserRolesInput) => changeUserRoles(actor, userId, input, "remove");
