import { listMembersQuerySchema } from "../../orgs/schema";
import { userRolesInputSchema } from "../../roles/schema";
import { bulkUsersSchema, createUserSchema, listUsersQuerySchema, updateUserSchema } from "../../users/schema";
import { setUserAttributesSchema } from "../../attributes/schema";
import { groupIdsSchema } from "../../groups/schema";
import { named, type Operation } from "../operation";
import { bulkResultsSchema, components as c, effectivePermissionsSchema, pageOf, userGroupSchema } from "../schemas";

const tag = "Users";
const CONFLICT_PROTECTED = { status: 409 as const, description: "A protected user (the last active super-admin, a built-in account) or a taken email/username." };
const rolesBody = named("UserRolesInput", userRolesInputSchema);
const groupIds = named("GroupIdsInput", groupIdsSchema);

export const userOperations: Operation[] = [
  { method: "get", path: "/users", tag, permission: "users.view", summary: "List users", description: "Users in the organizations where the caller holds users.view.", query: listUsersQuerySchema, success: { status: 200, schema: c.userPage } },
  { method: "post", path: "/users", tag, permission: "users.create", summary: "Create a user", description: "Local accounts get a password (or a reset link); service accounts have none and use tokens. `is_admin` needs a super-admin.", body: named("CreateUserInput", createUserSchema), success: { status: 201, schema: c.user }, errors: [CONFLICT_PROTECTED] },
  { method: "post", path: "/users/bulk", tag, permission: "users.update", summary: "Activate, deactivate or delete many users", description: "One result per user; refusals do not stop the others.", body: named("BulkUsersInput", bulkUsersSchema), success: { status: 200, schema: named("BulkResults", bulkResultsSchema) } },
  { method: "get", path: "/users/{id}", tag, permission: "users.view", summary: "Get a user", success: { status: 200, schema: c.user } },
  { method: "patch", path: "/users/{id}", tag, permission: "users.update", summary: "Update a user", description: "Partial update. `password` changes the secret of a local user; deactivation or a new password ends their sessions and JWTs.", body: named("UpdateUserInput", updateUserSchema), success: { status: 200, schema: c.user }, errors: [CONFLICT_PROTECTED] },
  { method: "delete", path: "/users/{id}", tag, permission: "users.delete", summary: "Delete a user", description: "Removes memberships, tokens, sessions and MFA credentials; audit events are kept.", success: { status: 204 }, errors: [CONFLICT_PROTECTED] },
  { method: "get", path: "/users/{id}/attributes", tag, permission: "user_attributes.manage", summary: "A user's attribute values", success: { status: 200, schema: c.userAttributes } },
  { method: "patch", path: "/users/{id}/attributes", tag, permission: "user_attributes.manage", summary: "Set a user's attribute values", description: "Keys not named are left alone; null clears.", body: named("SetUserAttributesInput", setUserAttributesSchema), success: { status: 200, schema: c.userAttributes } },
  { method: "get", path: "/users/{id}/effective-permissions", tag, permission: "roles.view", summary: "A user's effective permissions", description: "Yourself, or users.view + roles.view. Each permission with every path that grants it.", success: { status: 200, schema: named("EffectivePermissions", effectivePermissionsSchema) } },
  { method: "get", path: "/users/{id}/groups", tag, permission: "groups.view", summary: "A user's groups", description: "Yourself, or users.view + groups.view.", query: listMembersQuerySchema, success: { status: 200, schema: named("UserGroupPage", pageOf(userGroupSchema)) } },
  { method: "post", path: "/users/{id}/groups", tag, permission: "groups.manage", summary: "Add a user to groups", description: "groups.manage in each group's organization, within the caller's privilege ceiling.", body: groupIds, success: { status: 200, schema: c.added } },
  { method: "delete", path: "/users/{id}/groups", tag, permission: "groups.manage", summary: "Remove a user from groups", body: groupIds, success: { status: 204 } },
  { method: "get", path: "/users/{id}/roles", tag, permission: "roles.view", summary: "A user's roles", description: "Yourself, or users.view + roles.view.", success: { status: 200, schema: c.userRoles } },
  { method: "put", path: "/users/{id}/roles", tag, permission: "roles.assign", summary: "Replace a user's roles", description: "What is given replaces what the user holds; organizations not listed are untouched. Within the ceiling.", body: rolesBody, success: { status: 200, schema: c.userRoles }, errors: [{ status: 409, description: "A built-in account." }] },
  { method: "post", path: "/users/{id}/roles", tag, permission: "roles.assign", summary: "Assign roles to a user", body: rolesBody, success: { status: 200, schema: c.userRoles }, errors: [{ status: 409, description: "A built-in account." }] },
  { method: "delete", path: "/users/{id}/roles", tag, permission: "roles.assign", summary: "Revoke roles from a user", body: rolesBody, success: { status: 200, schema: c.userRoles }, errors: [{ status: 409, description: "A built-in account." }] },
];
