import { api } from "@/lib/api/handler";
import { ok } from "@/lib/api/responses";
import { assignUserRoles, getUserRoles, revokeUserRoles, setUserRoles } from "@/lib/roles/assignment";
import type { UserRolesInput } from "@/lib/roles/schema";

type Params = { id: string };

/** GET /api/v1/users/{id}/roles — yourself, or users.view + roles.view: `{ user_id, system_roles, org_roles: [{ org_id, org_name, roles }] }`. */
export const GET = api<Params>({ permission: "roles.view" }, async ({ actor, params }) => ok(await getUserRoles(actor, params.id)));

/**
 * Body `{ "system_role_ids"?: [...], "org_roles"?: [{ "org_id", "role_ids": [...] }] }`. PUT replaces what is given
 * (organizations not listed are untouched), POST adds, DELETE removes. roles.assign system-wide for system roles and
 * in the organization for org roles, within the ceiling. Each answers the user's roles.
 */
export const PUT = api<Params>({ permission: "roles.assign" }, async ({ actor, params, json }) => ok(await setUserRoles(actor, params.id, (await json()) as UserRolesInput)));
export const POST = api<Params>({ permission: "roles.assign" }, async ({ actor, params, json }) => ok(await assignUserRoles(actor, params.id, (await json()) as UserRolesInput)));
export const DELETE = api<Params>({ permission: "roles.assign" }, async ({ actor, params, json }) =>
  ok(await revokeUserRoles(actor, params.id, (await json()) as UserRolesInput)),
);
