import { createOrgSchema, listMembersQuerySchema, listQuerySchema, updateOrgSchema, userIdsSchema } from "../../orgs/schema";
import { named, type Operation } from "../operation";
import { components as c } from "../schemas";

const tag = "Organizations";
const userIds = named("UserIdsInput", userIdsSchema);

export const orgOperations: Operation[] = [
  { method: "get", path: "/orgs", tag, permission: "orgs.view", summary: "List organizations", description: "The organizations the caller may view.", query: listQuerySchema, success: { status: 200, schema: c.orgPage } },
  { method: "post", path: "/orgs", tag, permission: "orgs.manage", summary: "Create an organization", body: named("CreateOrganizationInput", createOrgSchema), success: { status: 201, schema: c.org }, errors: [{ status: 409, description: "The name is taken." }] },
  { method: "get", path: "/orgs/{id}", tag, permission: "orgs.view", summary: "Get an organization", success: { status: 200, schema: c.org } },
  { method: "patch", path: "/orgs/{id}", tag, permission: "orgs.manage", summary: "Update an organization", body: named("UpdateOrganizationInput", updateOrgSchema), success: { status: 200, schema: c.org }, errors: [{ status: 409, description: "The name is taken." }] },
  { method: "delete", path: "/orgs/{id}", tag, permission: "orgs.manage", summary: "Delete an organization", success: { status: 204 }, errors: [{ status: 409, description: "The Default organization." }] },
  { method: "get", path: "/orgs/{id}/members", tag, permission: "users.view", summary: "List an organization's members", description: "orgs.view and users.view in it.", query: listMembersQuerySchema, success: { status: 200, schema: c.memberPage } },
  { method: "post", path: "/orgs/{id}/members", tag, permission: "orgs.manage", summary: "Add members", body: userIds, success: { status: 200, schema: c.added } },
  { method: "delete", path: "/orgs/{id}/members", tag, permission: "orgs.manage", summary: "Remove members", description: "Within the caller's privilege ceiling.", body: userIds, success: { status: 204 } },
];
