import { api } from "@/lib/api/handler";
import { noContent, ok } from "@/lib/api/responses";
import { deleteAuthSource, updateAuthSource } from "@/lib/auth-sources/mutations";
import { getAuthSource } from "@/lib/auth-sources/queries";
import type { UpdateAuthSourceInput } from "@/lib/auth-sources/schema";

type Params = { id: string };

/** GET /api/v1/auth-sources/{id} — auth_sources.manage (or settings.view). */
export const GET = api<Params>({ permission: "auth_sources.manage" }, async ({ actor, params }) => ok(await getAuthSource(actor, params.id)));

/** PATCH /api/v1/auth-sources/{id} — auth_sources.manage: `{ name?, enabled?, position?, config?, secrets? }`; slug and type are fixed. */
export const PATCH = api<Params>({ permission: "auth_sources.manage" }, async ({ actor, params, json }) =>
  ok(await updateAuthSource(actor, params.id, (await json()) as UpdateAuthSourceInput)),
);

/** DELETE /api/v1/auth-sources/{id} — auth_sources.manage; 409 while users come from the source. 204. */
export const DELETE = api<Params>({ permission: "auth_sources.manage" }, async ({ actor, params }) => {
  await deleteAuthSource(actor, params.id);
  return noContent();
});
