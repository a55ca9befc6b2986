import { createRoleSchema, listRolesQuerySchema, updateRoleSchema } from "../../roles/schema";
import { named, type Operation } from "../operation";
import { components as c } from "../schemas";

const tag = "Roles";
const BUILTIN = { status: 409 as const, description: "Built-in roles cannot be changed or deleted; or the name is taken." };

export const roleOperations: Operation[] = [
  { method: "get", path: "/roles", tag, permission: "roles.view", summary: "List roles", query: listRolesQuerySchema, success: { status: 200, schema: c.rolePage } },
  { method: "post", path: "/roles", tag, permission: "roles.manage", summary: "Create a role", description: "Within the caller's privilege ceiling.", body: named("CreateRoleInput", createRoleSchema), success: { status: 201, schema: c.role }, errors: [BUILTIN] },
  { method: "get", path: "/roles/{id}", tag, permission: "roles.view", summary: "Get a role", success: { status: 200, schema: c.role } },
  { method: "patch", path: "/roles/{id}", tag, permission: "roles.manage", summary: "Update a role", body: named("UpdateRoleInput", updateRoleSchema), success: { status: 200, schema: c.role }, errors: [BUILTIN] },
  { method: "delete", path: "/roles/{id}", tag, permission: "roles.manage", summary: "Delete a role", success: { status: 204 }, errors: [BUILTIN] },
];
