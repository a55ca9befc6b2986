import { api } from "@/lib/api/handler";
import { noContent, ok } from "@/lib/api/responses";
import { addGroupMembers, removeGroupMembers } from "@/lib/groups/members";
import { listGroupMembers } from "@/lib/groups/queries";
import { fieldOf } from "@/lib/orgs/schema";

type Params = { id: string };

/** GET /api/v1/groups/{id}/members — groups.view. `?page&limit&q`. */
export const GET = api<Params>({ permission: "groups.view" }, async ({ actor, params, query }) => ok(await listGroupMembers(actor, params.id, query)));

/** POST /api/v1/groups/{id}/members `{ "user_ids": [...] }` — groups.manage, within the ceiling. Answers `{ added }`. */
export const POST = api<Params>({ permission: "groups.manage" }, async ({ actor, params, json }) => {
  const result = await addGroupMembers(actor, params.id, fieldOf(await json(), "user_ids"));
  return ok({ added: result.changed });
});

/** DELETE /api/v1/groups/{id}/members `{ "user_ids": [...] }` — groups.manage, within the ceiling. 204. */
export const DELETE = api<Params>({ permission: "groups.manage" }, async ({ actor, params, json }) => {
  await removeGroupMembers(actor, params.id, fieldOf(await json(), "user_ids"));
  return noContent();
});
