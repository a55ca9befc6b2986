import { api } from "@/lib/api/handler";
import { noContent, ok } from "@/lib/api/responses";
import { deleteAttributeDefinition, getAttributeDefinition, updateAttributeDefinition } from "@/lib/attributes/definitions";
import type { UpdateAttributeDefinitionInput } from "@/lib/attributes/schema";

type Params = { id: string };

/** GET /api/v1/user-attributes/{id} — users.view (anywhere) or user_attributes.manage. */
export const GET = api<Params>({ permission: "users.view" }, async ({ actor, params }) => ok(await getAttributeDefinition(actor, params.id)));

/** PATCH /api/v1/user-attributes/{id} — user_attributes.manage. `key` and `type` cannot change (422). */
export const PATCH = api<Params>({ permission: "user_attributes.manage" }, async ({ actor, params, json }) =>
  ok(await updateAttributeDefinition(actor, params.id, (await json()) as UpdateAttributeDefinitionInput)),
);

/** DELETE /api/v1/user-attributes/{id} — user_attributes.manage. Every user's value for it is deleted too. */
export const DELETE = api<Params>({ permission: "user_attributes.manage" }, async ({ actor, params }) => {
  await deleteAttributeDefinition(actor, params.id);
  return noContent();
});
