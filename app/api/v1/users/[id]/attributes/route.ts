import { api } from "@/lib/api/handler";
import { ok } from "@/lib/api/responses";
import { setUserAttributesSchema } from "@/lib/attributes/schema";
import { getUserAttributes, setUserAttributes } from "@/lib/attributes/values";
import { parseInput } from "@/lib/errors";

type Params = { id: string };

/** GET /api/v1/users/{id}/attributes — user_attributes.manage. Every defined attribute with the user's value (null when unset). */
export const GET = api<Params>({ permission: "user_attributes.manage" }, async ({ actor, params }) => ok(await getUserAttributes(actor, params.id)));

/**
 * PATCH /api/v1/users/{id}/attributes — user_attributes.manage. Body `{ "values": { key: value } }`; keys not named
 * are left alone, null clears. Answers the full list.
 */
export const PATCH = api<Params>({ permission: "user_attributes.manage" }, async ({ actor, params, json }) => {
  const body = parseInput(setUserAttributesSchema, await json());
  return ok(await setUserAttributes(actor, params.id, body.values, "admin"));
});
