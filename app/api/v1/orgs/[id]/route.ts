import { api } from "@/lib/api/handler";
import { noContent, ok } from "@/lib/api/responses";
import { deleteOrg, updateOrg } from "@/lib/orgs/mutations";
import { getOrg } from "@/lib/orgs/queries";
import type { UpdateOrgInput } from "@/lib/orgs/schema";

type Params = { id: string };

/** GET /api/v1/orgs/{id} — orgs.view in it. */
export const GET = api<Params>({ permission: "orgs.view" }, async ({ actor, params }) => ok(await getOrg(actor, params.id)));

/** PATCH /api/v1/orgs/{id} `{ name?, description? }` — orgs.manage. */
export const PATCH = api<Params>({ permission: "orgs.manage" }, async ({ actor, params, json }) => ok(await updateOrg(actor, params.id, (await json()) as UpdateOrgInput)));

/** DELETE /api/v1/orgs/{id} — orgs.manage; the Default organization answers 409. 204. */
export const DELETE = api<Params>({ permission: "orgs.manage" }, async ({ actor, params }) => {
  await deleteOrg(actor, params.id);
  return noContent();
});
