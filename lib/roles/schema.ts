import { z } from "zod";
import { ALL_PERMISSIONS, SYSTEM_ONLY_PERMISSIONS, type Permission } from "../rbac/permissions";

export const ROLE_SCOPES = ["system", "org"] as const;
export type RoleScope = (typeof ROLE_SCOPES)[number];

/** A role as it leaves lib/ (REST body, console props). */
export const roleSchema = z.object({
  id: z.guid(),
  scope: z.enum(ROLE_SCOPES),
  name: z.string(),
  description: z.string(),
  builtin_key: z.string().nullable(),
  is_builtin: z.boolean(),
  permissions: z.array(z.string()),
  created_at: z.iso.datetime(),
  updated_at: z.iso.datetime(),
});
export type RoleDto = z.infer<typeof roleSchema>;

/** A role named inside another resource (a user's roles, a group's roles). */
export type RoleRef = Pick<RoleDto, "id" | "scope" | "name" | "is_builtin" | "builtin_key">;

const roleName = z.string().trim().min(1, "Enter a name.").max(100);
const permissionList = z
  .array(z.enum(ALL_PERMISSIONS as [Permission, ...Permission[]], { error: "Unknown permission." }))
  .max(ALL_PERMISSIONS.length * 2)
  .transform((list) => [...new Set(list)].sort());

const noSystemOnlyInOrgRole = (value: { scope?: RoleScope; permissions?: Permission[] }, ctx: z.RefinementCtx) => {
  if (value.scope !== "org" || !value.permissions) return;
  const systemOnly = value.permissions.filter((p) => SYSTEM_ONLY_PERMISSIONS.includes(p));
  if (systemOnly.length) {
    ctx.addIssue({ code: "custom", path: ["permissions"], message: `An organization role cannot hold system-only permissions: ${systemOnly.join(", ")}.` });
  }
};

export const createRoleSchema = z
  .object({
    scope: z.enum(ROLE_SCOPES),
    name: roleName,
    description: z.string().trim().max(500).default(""),
    permissions: permissionList.default([]),
  })
  .superRefine(noSystemOnlyInOrgRole);
export type CreateRoleInput = z.input<typeof createRoleSchema>;

/** PATCH: the scope of a role never changes. */
export const updateRoleSchema = z.object({
  name: roleName.optional(),
  description: z.string().trim().max(500).optional(),
  permissions: permissionList.optional(),
});
export type UpdateRoleInput = z.input<typeof updateRoleSchema>;

export const ROLE_SORTS = ["name", "-name", "created_at", "-created_at"] as const;

export const listRolesQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  q: z.string().trim().max(200).optional(),
  scope: z.enum(ROLE_SCOPES).optional(),
  sort: z.enum(ROLE_SORTS).default("name"),
});
export type ListRolesQuery = z.input<typeof listRolesQuerySchema>;

const idList = z.array(z.guid({ error: "Not a valid id." })).max(100);

/**
 * A user's roles: system roles, and organization roles per organization. For PUT, what is given replaces what the
 * user holds (a missing key, or an organization not listed, is left as it is); POST adds, DELETE removes.
 */
export const userRolesInputSchema = z
  .object({
    system_role_ids: idList.optional(),
    org_roles: z.array(z.object({ org_id: z.guid({ error: "Not a valid id." }), role_ids: idList })).max(100).optional(),
  })
  .superRefine((value, ctx) => {
    if (!value.system_role_ids && !value.org_roles) ctx.addIssue({ code: "custom", path: [], message: "Give system_role_ids, org_roles or both." });
    const seen = new Set<string>();
    value.org_roles?.forEach((entry, i) => {
      if (seen.has(entry.org_id)) ctx.addIssue({ code: "custom", path: ["org_roles", i, "org_id"], message: "This organization is listed twice." });
      seen.add(entry.org_id);
    });
  });
export type UserRolesInput = z.input<typeof userRolesInputSchema>;

export type OrgRoles = { org_id: string; org_name: string; roles: RoleRef[] };
/** member_org_ids: the organizations the user belongs to (where org roles can be given), as far as the viewer may see. */
export type UserRolesDto = { user_id: string; system_roles: RoleRef[]; org_roles: OrgRoles[]; member_org_ids: string[] };

/** Roles bound to a group: PUT replaces, POST adds, DELETE removes. */
export const groupRolesInputSchema = z.object({ role_ids: idList });
export type GroupRolesInput = z.input<typeof groupRolesInputSchema>;

/** One path by which a user holds a permission. org_id says where it applies (null: everywhere). */
export type PermissionGrant = {
  kind: "super_admin" | "system_role" | "org_role" | "group";
  /** Human-readable: "super-admin", "system role R", "org role R in org O", "group G → role R". */
  path: string;
  role_id: string | null;
  role_name: string | null;
  org_id: string | null;
  org_name: string | null;
  /** For kind "group"; null when the group is in an organization the viewer cannot see. */
  group_id: string | null;
  group_name: string | null;
};
export type EffectivePermission = { permission: string; resource: string; label: string; grants: PermissionGrant[] };
export type EffectivePermissionsDto = { user_id: string; is_admin: boolean; permissions: EffectivePermission[] };
