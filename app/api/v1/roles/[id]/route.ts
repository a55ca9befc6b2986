import { api } from "@/lib/api/handler";
import { noContent, ok } from "@/lib/api/responses";
import { deleteRole, updateRole } from "@/lib/roles/mutations";
import { getRole } from "@/lib/roles/queries";
import type { UpdateRoleInput } from "@/lib/roles/schema";

type Params = { id: string };

/** GET /api/v1/roles/{id} — roles.view. */
export const GET = api<Params>({ permission: "roles.view" }, async ({ actor, params }) => ok(await getRole(actor, params.id)));

/** PATCH /api/v1/roles/{id} `{ name?, description?, permissions? }` — roles.manage; built-ins answer 409. */
export const PATCH = api<Params>({ permission: "roles.manage" }, async ({ actor, params, json }) => ok(await updateRole(actor, params.id, (await json()) as UpdateRoleInput)));

/** DELETE /api/v1/roles/{id} — roles.manage; built-ins answer 409. 204. */
export const DELETE = api<Params>({ permission: "roles.manage" }, async ({ actor, params }) => {
  await deleteRole(actor, params.id);
  return noContent();
});
