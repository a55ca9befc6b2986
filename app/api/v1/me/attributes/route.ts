import { api } from "@/lib/api/handler";
import { ok } from "@/lib/api/responses";
import { listOwnAttributes, updateOwnAttributes } from "@/lib/profile/attributes";

/** GET /api/v1/me/attributes — signed-in person: their user-editable attributes. */
export const GET = api({ permission: "authenticated" }, async ({ actor }) => ok(await listOwnAttributes(actor)));

/** PATCH /api/v1/me/attributes — `{ values: { key: value } }`; attributes that are not user-editable are 422. */
export const PATCH = api({ permission: "authenticated" }, async ({ actor, json }) => {
  const body = (await json()) as { values?: unknown } | null;
  const values = body && typeof body === "object" && body.values && typeof body.values === "object" ? (body.values as Record<string, unknown>) : {};
  return ok(await updateOwnAttributes(actor, values));
});
