import { api } from "@/lib/api/handler";
import { noContent, ok } from "@/lib/api/responses";
import { deletePersonalAccessToken, getPersonalAccessToken, renamePersonalAccessToken } from "@/lib/tokens/manage";
import type { UpdateTokenInput } from "@/lib/tokens/schema";

type Params = { tokenId: string };

/** GET /api/v1/me/tokens/{tokenId} — one of the caller's tokens. */
export const GET = api<Params>({ permission: "authenticated" }, async ({ actor, params }) => ok(await getPersonalAccessToken(actor, actor.userId ?? "", params.tokenId)));

/** PATCH /api/v1/me/tokens/{tokenId} `{ name }`. */
export const PATCH = api<Params>({ permission: "authenticated" }, async ({ actor, params, json }) =>
  ok(await renamePersonalAccessToken(actor, actor.userId ?? "", params.tokenId, (await json()) as UpdateTokenInput)),
);

/** DELETE /api/v1/me/tokens/{tokenId} — revokes it. 204. */
export const DELETE = api<Params>({ permission: "authenticated" }, async ({ actor, params }) => {
  await deletePersonalAccessToken(actor, actor.userId ?? "", params.tokenId);
  return noContent();
});
