import { api } from "@/lib/api/handler";
import { noContent, ok } from "@/lib/api/responses";
import { addUserToGroups, removeUserFromGroups } from "@/lib/groups/members";
import { listUserGroups } from "@/lib/groups/queries";
import { fieldOf } from "@/lib/orgs/schema";

type Params = { id: string };

/** GET /api/v1/users/{id}/groups — yourself, or users.view + groups.view. `?page&limit&q`. */
export const GET = api<Params>({ permission: "groups.view" }, async ({ actor, params, query }) => ok(await listUserGroups(actor, params.id, query)));

/** POST /api/v1/users/{id}/groups `{ "group_ids": [...] }` — groups.manage in each group's organization, within the ceiling. */
export const POST = api<Params>({ permission: "groups.manage" }, async ({ actor, params, json }) => {
  const result = await addUserToGroups(actor, params.id, fieldOf(await json(), "group_ids"));
  return ok({ added: result.changed });
});

/** DELETE /api/v1/users/{id}/groups `{ "group_ids": [...] }`. 204. */
export const DELETE = api<Params>({ permission: "groups.manage" }, async ({ actor, params, json }) => {
  await removeUserFromGroups(actor, params.id, fieldOf(await json(), "group_ids"));
  return noContent();
});
