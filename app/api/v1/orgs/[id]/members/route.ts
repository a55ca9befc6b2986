import { api } from "@/lib/api/handler";
import { noContent, ok } from "@/lib/api/responses";
import { addOrgMembers, removeOrgMembers } from "@/lib/orgs/members";
import { listOrgMembers } from "@/lib/orgs/queries";
import { fieldOf } from "@/lib/orgs/schema";

type Params = { id: string };

/** GET /api/v1/orgs/{id}/members — orgs.view and users.view in it. `?page&limit&q`. */
export const GET = api<Params>({ permission: "users.view" }, async ({ actor, params, query }) => ok(await listOrgMembers(actor, params.id, query)));

/** POST /api/v1/orgs/{id}/members `{ "user_ids": [...] }` — orgs.manage. Answers `{ added }`. */
export const POST = api<Params>({ permission: "orgs.manage" }, async ({ actor, params, json }) => {
  const result = await addOrgMembers(actor, params.id, fieldOf(await json(), "user_ids"));
  return ok({ added: result.changed });
});

/** DELETE /api/v1/orgs/{id}/members `{ "user_ids": [...] }` — orgs.manage, within the ceiling. 204. */
export const DELETE = api<Params>({ permission: "orgs.manage" }, async ({ actor, params, json }) => {
  await removeOrgMembers(actor, params.id, fieldOf(await json(), "user_ids"));
  return noContent();
});
