import { api } from "@/lib/api/handler";
import { created, ok } from "@/lib/api/responses";
import { createAttributeDefinition, listAttributeDefinitions } from "@/lib/attributes/definitions";
import type { CreateAttributeDefinitionInput } from "@/lib/attributes/schema";

/** GET /api/v1/user-attributes — users.view (anywhere) or user_attributes.manage. `?page&limit&q`, in position order. */
export const GET = api({ permission: "users.view" }, async ({ actor, query }) => ok(await listAttributeDefinitions(actor, query)));

/** POST /api/v1/user-attributes — user_attributes.manage. 201 + Location; 409 when the key exists. */
export const POST = api({ permission: "user_attributes.manage" }, async ({ actor, json }) => {
  const definition = await createAttributeDefinition(actor, (await json()) as CreateAttributeDefinitionInput);
  return created(definition, `/api/v1/user-attributes/${definition.id}`);
});
