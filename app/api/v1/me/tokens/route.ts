import { api } from "@/lib/api/handler";
import { created, ok } from "@/lib/api/responses";
import { createPersonalAccessToken, listPersonalAccessTokens } from "@/lib/tokens/pat";
import type { CreateTokenInput } from "@/lib/tokens/schema";

/**
 * The caller's own tokens. Signed in (same-origin session), anyone; with a token, only one scoped to
 * users.manage_tokens (a PAT cannot mint PATs otherwise).
 */
export const GET = api({ permission: "authenticated" }, async ({ actor, query }) => ok(await listPersonalAccessTokens(actor, actor.userId ?? "", query)));

/** POST /api/v1/me/tokens — 201 with the token, shown this once. */
export const POST = api({ permission: "authenticated" }, async ({ actor, json }) => {
  const token = await createPersonalAccessToken(actor, actor.userId ?? "", (await json()) as CreateTokenInput);
  return created(token, `/api/v1/me/tokens/${token.id}`);
});
