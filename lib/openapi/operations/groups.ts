import { createGroupSchema, listGroupsQuerySchema, updateGroupSchema } from "../../groups/schema";
import { listMembersQuerySchema, userIdsSchema } from "../../orgs/schema";
import { groupRolesInputSchema } from "../../roles/schema";
import { named, type Operation } from "../operation";
import { components as c } from "../schemas";

const tag = "Groups";
const userIds = named("UserIdsInput", userIdsSchema);
const roleIds = named("GroupRolesInput", groupRolesInputSchema);
const NAME_TAKEN = { status: 409 as const, description: "The name is taken in the organization." };

export const groupOperations: Operation[] = [
  { method: "get", path: "/groups", tag, permission: "groups.view", summary: "List groups", query: listGroupsQuerySchema, success: { status: 200, schema: c.groupPage } },
  { method: "post", path: "/groups", tag, permission: "groups.manage", summary: "Create a group", description: "In `org_id`, or the Default organization.", body: named("CreateGroupInput", createGroupSchema), success: { status: 201, schema: c.group }, errors: [NAME_TAKEN] },
  { method: "get", path: "/groups/{id}", tag, permission: "groups.view", summary: "Get a group", success: { status: 200, schema: c.group } },
  { method: "patch", path: "/groups/{id}", tag, permission: "groups.manage", summary: "Update a group", body: named("UpdateGroupInput", updateGroupSchema), success: { status: 200, schema: c.group }, errors: [NAME_TAKEN] },
  { method: "delete", path: "/groups/{id}", tag, permission: "groups.manage", summary: "Delete a group", success: { status: 204 } },
  { method: "get", path: "/groups/{id}/members", tag, permission: "groups.view", summary: "List a group's members", query: listMembersQuerySchema, success: { status: 200, schema: c.memberPage } },
  { method: "post", path: "/groups/{id}/members", tag, permission: "groups.manage", summary: "Add members", description: "Within the caller's privilege ceiling (the group's roles).", body: userIds, success: { status: 200, schema: c.added } },
  { method: "delete", path: "/groups/{id}/members", tag, permission: "groups.manage", summary: "Remove members", body: userIds, success: { status: 204 } },
  { method: "get", path: "/groups/{id}/roles", tag, permission: "groups.view", summary: "Roles bound to a group", success: { status: 200, schema: c.roleRefs } },
  { method: "put", path: "/groups/{id}/roles", tag, permission: "roles.assign", summary: "Replace a group's roles", body: roleIds, success: { status: 200, schema: c.roleRefs } },
  { method: "post", path: "/groups/{id}/roles", tag, permission: "roles.assign", summary: "Bind roles to a group", body: roleIds, success: { status: 200, schema: c.roleRefs } },
  { method: "delete", path: "/groups/{id}/roles", tag, permission: "roles.assign", summary: "Unbind roles from a group", body: roleIds, success: { status: 200, schema: c.roleRefs } },
];
