/**
 * Response shapes the domain modules declare as TypeScript types only, written here as zod for the document. Loose
 * objects: the domain's own types stay the source of truth, and added fields do not break clients.
 */
import { z } from "zod";
import { attributeDefinitionSchema, userAttributeSchema } from "../attributes/schema";
import { groupSchema } from "../groups/schema";
import { memberSchema, orgSchema } from "../orgs/schema";
import { ROLE_SCOPES, roleSchema } from "../roles/schema";
import { userSchema } from "../users/schema";
import { named } from "./operation";

const id = z.guid();
const isoDate = z.iso.datetime();

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ data: z.array(item), total: z.number().int(), page: z.number().int(), limit: z.number().int() });

/** RFC 9457 problem details, as lib/api/problem.ts writes them. */
export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  code: z.enum(["validation", "unauthenticated", "forbidden", "not_found", "conflict", "rate_limited", "bad_request", "internal"]),
  errors: z.record(z.string(), z.array(z.string())).optional().describe("Field errors (validation): messages by dotted field path."),
  request_id: z.string(),
});

export const roleRefSchema = z.looseObject({ id, scope: z.enum(ROLE_SCOPES), name: z.string(), is_builtin: z.boolean(), builtin_key: z.string().nullable() });

export const userRolesSchema = z.looseObject({
  user_id: id,
  system_roles: z.array(roleRefSchema),
  org_roles: z.array(z.looseObject({ org_id: id, org_name: z.string(), roles: z.array(roleRefSchema) })),
});

const grantSchema = z.looseObject({
  kind: z.enum(["super_admin", "system_role", "org_role", "group"]),
  path: z.string(),
  role_id: id.nullable(),
  role_name: z.string().nullable(),
  org_id: id.nullable(),
  org_name: z.string().nullable(),
  group_id: id.nullable(),
  group_name: z.string().nullable(),
});
export const effectivePermissionsSchema = z.looseObject({
  user_id: id,
  is_admin: z.boolean(),
  permissions: z.array(z.looseObject({ permission: z.string(), resource: z.string(), label: z.string(), grants: z.array(grantSchema) })),
});

export const userGroupSchema = z.looseObject({ id, org_id: id, org_name: z.string(), name: z.string(), description: z.string(), added_at: isoDate });
export const addedSchema = z.object({ added: z.array(id).describe("Ids newly added; ids already present are ignored.") });
export const bulkResultsSchema = z.object({
  results: z.array(z.object({ id: z.string(), ok: z.boolean(), code: z.string().optional(), message: z.string().optional() })),
});

/** Components shared by several operations. */
export const components = {
  user: named("User", userSchema),
  userPage: named("UserPage", pageOf(userSchema)),
  group: named("Group", groupSchema),
  groupPage: named("GroupPage", pageOf(groupSchema)),
  org: named("Organization", orgSchema),
  orgPage: named("OrganizationPage", pageOf(orgSchema)),
  memberPage: named("MemberPage", pageOf(memberSchema)),
  role: named("Role", roleSchema),
  rolePage: named("RolePage", pageOf(roleSchema)),
  roleRefs: named("RoleRefList", z.object({ data: z.array(roleRefSchema) })),
  userRoles: named("UserRoles", userRolesSchema),
  attribute: named("AttributeDefinition", attributeDefinitionSchema),
  attributePage: named("AttributeDefinitionPage", pageOf(attributeDefinitionSchema)),
  userAttributes: named("UserAttributeList", z.array(userAttributeSchema)),
  added: named("Added", addedSchema),
};
