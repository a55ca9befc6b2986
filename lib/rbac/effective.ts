import "server-only";
import { eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { groupMembers, groupRoles, groups, orgMemberRoles, organizations, roles, userRoles } from "@/db/schema";
import type { Actor } from "../auth/actor";
import { getDb } from "../db";
import type { EffectivePermissionsDto, PermissionGrant } from "../roles/schema";
import { authorizeAnywhere, can } from "./authorize";
import { conferredPermissions } from "./ceiling";
import { ALL_PERMISSIONS, PERMISSIONS, type Permission } from "./permissions";
import { loadVisibleUser } from "./targets";

const NONE = { role_id: null, role_name: null, org_id: null, org_name: null, group_id: null, group_name: null };
const groupOrg = alias(organizations, "group_org");

/**
 * Every permission a user holds, with every path that grants it: super-admin, a system role, an org role in an
 * organization, or a group's role. Readable by the user themselves, or with users.view (to see them) and roles.view;
 * paths inside organizations the viewer cannot view roles of are left out (or, for a system role via such a group,
 * shown without the group).
 */
export async function getEffectivePermissions(actor: Actor, userId: string): Promise<EffectivePermissionsDto> {
  const self = actor.kind !== "system" && actor.userId === userId;
  if (!self) {
    authorizeAnywhere(actor, "users.view");
    authorizeAnywhere(actor, "roles.view");
  }
  const db = await getDb();
  const { user } = await loadVisibleUser(db, actor, userId);
  const shown = (orgId: string) => self || can(actor, "roles.view", { orgId });

  const [system, inOrgs, viaGroups] = await Promise.all([
    db.select({ role: roles }).from(userRoles).innerJoin(roles, eq(roles.id, userRoles.roleId)).where(eq(userRoles.userId, user.id)),
    db
      .select({ role: roles, org: organizations })
      .from(orgMemberRoles)
      .innerJoin(roles, eq(roles.id, orgMemberRoles.roleId))
      .innerJoin(organizations, eq(organizations.id, orgMemberRoles.orgId))
      .where(eq(orgMemberRoles.userId, user.id)),
    db
      .select({ role: roles, group: groups, org: groupOrg })
      .from(groupMembers)
      .innerJoin(groups, eq(groups.id, groupMembers.groupId))
      .innerJoin(groupOrg, eq(groupOrg.id, groups.orgId))
      .innerJoin(groupRoles, eq(groupRoles.groupId, groups.id))
      .innerJoin(roles, eq(roles.id, groupRoles.roleId))
      .where(eq(groupMembers.userId, user.id)),
  ]);

  const grants = new Map<Permission, PermissionGrant[]>();
  const add = (permissions: Permission[], grant: PermissionGrant) => permissions.forEach((p) => grants.set(p, [...(grants.get(p) ?? []), grant]));

  if (user.isAdmin) add(ALL_PERMISSIONS, { kind: "super_admin", path: "super-admin", ...NONE });
  for (const { role } of system) {
    add(conferredPermissions({ role, orgId: null }), { kind: "system_role", path: `system role ${role.name}`, ...NONE, role_id: role.id, role_name: role.name });
  }
  for (const { role, org } of inOrgs.filter((r) => shown(r.org.id))) {
    add(conferredPermissions({ role, orgId: org.id }), {
      kind: "org_role",
      path: `org role ${role.name} in org ${org.name}`,
      ...NONE,
      role_id: role.id,
      role_name: role.name,
      org_id: org.id,
      org_name: org.name,
    });
  }
  for (const { role, group, org } of viaGroups) {
    const visible = shown(org.id);
    if (role.scope === "org" && !visible) continue;
    const appliesIn = role.scope === "org" ? { org_id: org.id, org_name: org.name } : { org_id: null, org_name: null };
    add(conferredPermissions({ role, orgId: appliesIn.org_id }), {
      kind: "group",
      path: `${visible ? `group ${group.name}` : "a group in another organization"} → role ${role.name}`,
      ...appliesIn,
      role_id: role.id,
      role_name: role.name,
      group_id: visible ? group.id : null,
      group_name: visible ? group.name : null,
    });
  }

  const permissions = ALL_PERMISSIONS.filter((p) => grants.has(p)).map((p) => ({ permission: p, ...PERMISSIONS[p], grants: grants.get(p)! }));
  return { user_id: user.id, is_admin: user.isAdmin, permissions };
}
