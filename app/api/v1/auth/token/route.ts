import { api } from "@/lib/api/handler";
import { ok } from "@/lib/api/responses";
import { issueAccessToken } from "@/lib/jwt/issue";
import type { ExchangeTokenInput } from "@/lib/jwt/schema";

/**
 * POST /api/v1/auth/token — Bearer PAT → `{ access_token, token_type, expires_in, scope }`, an ES256 JWT valid
 * 15 minutes (JWKS at /.well-known/jwks.json). Optional body `{ "scopes": [...] }` narrows it.
 */
export const POST = api({ permission: "authenticated" }, async ({ actor, req, json }) => {
  const body = req.headers.get("content-length") === "0" || !req.body ? {} : await json();
  return ok(await issueAccessToken(actor, body as ExchangeTokenInput));
});
