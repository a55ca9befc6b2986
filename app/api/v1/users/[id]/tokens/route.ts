import { api } from "@/lib/api/handler";
import { created, ok } from "@/lib/api/responses";
import { createPersonalAccessToken, listPersonalAccessTokens } from "@/lib/tokens/pat";
import type { CreateTokenInput } from "@/lib/tokens/schema";

type Params = { id: string };

/** GET /api/v1/users/{id}/tokens — the user themself, or users.manage_tokens. `?page&limit`; built-in tokens are never listed. */
export const GET = api<Params>({ permission: "users.manage_tokens" }, async ({ actor, params, query }) => ok(await listPersonalAccessTokens(actor, params.id, query)));

/** POST /api/v1/users/{id}/tokens — 201 with the token, shown this once. 409 for the control plane's account. */
export const POST = api<Params>({ permission: "users.manage_tokens" }, async ({ actor, params, json }) => {
  const token = await createPersonalAccessToken(actor, params.id, (await json()) as CreateTokenInput);
  return created(token, `/api/v1/users/${params.id}/tokens/${token.id}`);
});
