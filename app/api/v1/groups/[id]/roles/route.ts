import { api } from "@/lib/api/handler";
import { ok } from "@/lib/api/responses";
import { addGroupRoles, listGroupRoles, removeGroupRoles, setGroupRoles } from "@/lib/groups/roles";

type Params = { id: string };

/** GET /api/v1/groups/{id}/roles — groups.view. Answers `{ data: [role] }`. */
export const GET = api<Params>({ permission: "groups.view" }, async ({ actor, params }) => ok({ data: await listGroupRoles(actor, params.id) }));

/**
 * PUT (replace), POST (add), DELETE (remove) `{ "role_ids": [...] }` — groups.manage and roles.assign in the group's
 * organization (system-wide for system roles), within the ceiling. Each answers the group's roles `{ data }`.
 */
export const PUT = api<Params>({ permission: "roles.assign" }, async ({ actor, params, json }) => ok({ data: await setGroupRoles(actor, params.id, await json()) }));
export const POST = api<Params>({ permission: "roles.assign" }, async ({ actor, params, json }) => ok({ data: await addGroupRoles(actor, params.id, await json()) }));
export const DELETE = api<Params>({ permission: "roles.assign" }, async ({ actor, params, json }) =>
  ok({ data: await removeGroupRoles(actor, params.id, await json()) }),
);
