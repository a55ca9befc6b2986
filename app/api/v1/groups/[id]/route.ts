import { api } from "@/lib/api/handler";
import { noContent, ok } from "@/lib/api/responses";
import { deleteGroup, updateGroup } from "@/lib/groups/mutations";
import { getGroup } from "@/lib/groups/queries";
import type { UpdateGroupInput } from "@/lib/groups/schema";

type Params = { id: string };

/** GET /api/v1/groups/{id} — groups.view in the group's organization. */
export const GET = api<Params>({ permission: "groups.view" }, async ({ actor, params }) => ok(await getGroup(actor, params.id)));

/** PATCH /api/v1/groups/{id} — groups.manage: `{ name?, description? }`. */
export const PATCH = api<Params>({ permission: "groups.manage" }, async ({ actor, params, json }) =>
  ok(await updateGroup(actor, params.id, (await json()) as UpdateGroupInput)),
);

/** DELETE /api/v1/groups/{id} — groups.manage (and the group's roles within the caller's ceiling). 204. */
export const DELETE = api<Params>({ permission: "groups.manage" }, async ({ actor, params }) => {
  await deleteGroup(actor, params.id);
  return noContent();
});
