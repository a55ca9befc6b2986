import { api } from "@/lib/api/handler";
import { created, ok } from "@/lib/api/responses";
import { createRole } from "@/lib/roles/mutations";
import { listRoles } from "@/lib/roles/queries";
import type { CreateRoleInput } from "@/lib/roles/schema";

/** GET /api/v1/roles — roles.view. `?scope=system|org&page&limit&q&sort`. */
export const GET = api({ permission: "roles.view" }, async ({ actor, query }) => ok(await listRoles(actor, query)));

/** POST /api/v1/roles `{ scope, name, description?, permissions }` — roles.manage, within the ceiling. 201 + Location. */
export const POST = api({ permission: "roles.manage" }, async ({ actor, json }) => {
  const role = await createRole(actor, (await json()) as CreateRoleInput);
  return created(role, `/api/v1/roles/${role.id}`);
});
