import "server-only";
import { eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { groupMembers, groupRoles, groups, orgMemberRoles, roles, userRoles } from "@/db/schema";
import type { ResolvedPermissions } from "../auth/actor";
import { SYSTEM_ONLY_PERMISSIONS, isPermission, type Permission } from "./permissions";

type Grant = { scope: "system" | "org"; orgId: string | null; permissions: string[] };

/** Resolves a user's permissions from system roles, organization roles and roles bound to their groups. */
export async function resolvePermissions(db: Executor, userId: string): Promise<ResolvedPermissions> {
  const [direct, inOrgs, viaGroups] = await Promise.all([
    db
      .select({ scope: roles.scope, permissions: roles.permissions })
      .from(userRoles)
      .innerJoin(roles, eq(roles.id, userRoles.roleId))
      .where(eq(userRoles.userId, userId)),
    db
      .select({ scope: roles.scope, orgId: orgMemberRoles.orgId, permissions: roles.permissions })
      .from(orgMemberRoles)
      .innerJoin(roles, eq(roles.id, orgMemberRoles.roleId))
      .where(eq(orgMemberRoles.userId, userId)),
    db
      .select({ scope: roles.scope, orgId: groups.orgId, permissions: roles.permissions })
      .from(groupMembers)
      .innerJoin(groups, eq(groups.id, groupMembers.groupId))
      .innerJoin(groupRoles, eq(groupRoles.groupId, groups.id))
      .innerJoin(roles, eq(roles.id, groupRoles.roleId))
      .where(eq(groupMembers.userId, userId)),
  ]);
  return combineGrants([...direct.map((g) => ({ ...g, orgId: null })), ...inOrgs, ...viaGroups]);
}

export function combineGrants(grants: Grant[]): ResolvedPermissions {
  const system = new Set<Permission>();
  const orgs = new Map<string, Set<Permission>>();
  for (const grant of grants) {
    const valid = grant.permissions.filter(isPermission);
    if (grant.scope === "system") {
      valid.forEach((p) => system.add(p));
      continue;
    }
    if (!grant.orgId) continue;
    const set = orgs.get(grant.orgId) ?? new Set<Permission>();
    valid.filter((p) => !SYSTEM_ONLY_PERMISSIONS.includes(p)).forEach((p) => set.add(p));
    orgs.set(grant.orgId, set);
  }
  return { system, orgs };
}
