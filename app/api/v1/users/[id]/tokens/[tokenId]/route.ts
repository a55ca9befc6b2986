import { api } from "@/lib/api/handler";
import { noContent, ok } from "@/lib/api/responses";
import { deletePersonalAccessToken, getPersonalAccessToken, renamePersonalAccessToken } from "@/lib/tokens/manage";
import type { UpdateTokenInput } from "@/lib/tokens/schema";

type Params = { id: string; tokenId: string };

/** GET /api/v1/users/{id}/tokens/{tokenId} — the user themself, or users.manage_tokens. 409 for the control plane's token. */
export const GET = api<Params>({ permission: "users.manage_tokens" }, async ({ actor, params }) => ok(await getPersonalAccessToken(actor, params.id, params.tokenId)));

/** PATCH /api/v1/users/{id}/tokens/{tokenId} `{ name }` — only the name changes. */
export const PATCH = api<Params>({ permission: "users.manage_tokens" }, async ({ actor, params, json }) =>
  ok(await renamePersonalAccessToken(actor, params.id, params.tokenId, (await json()) as UpdateTokenInput)),
);

/** DELETE /api/v1/users/{id}/tokens/{tokenId} — revokes the token (and its JWTs). 204; 409 for the control plane's token. */
export const DELETE = api<Params>({ permission: "users.manage_tokens" }, async ({ actor, params }) => {
  await deletePersonalAccessToken(actor, params.id, params.tokenId);
  return noContent();
});
