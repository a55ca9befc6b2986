import "server-only";
import type { Actor, RequestMeta } from "../auth/actor";
import { unauthenticated } from "../errors";
import { looksLikeJwt, resolveJwtActor } from "../jwt/verify";
import { getSettings } from "../settings/settings";
import { enforceRateLimit } from "../rate-limit/limiter";
import { resolvePatActor } from "../tokens/resolve";
import { PAT_PATTERN, PAT_PREFIX } from "../tokens/schema";

/** A Personal Access Token (`gth_pat_…`) or an API JWT exchanged for one; anything else is no actor. */
export async function resolveBearer(token: string, meta: RequestMeta): Promise<Actor | null> {
  if (PAT_PATTERN.test(token)) return resolvePatActor(token, meta);
  if (looksLikeJwt(token)) return resolveJwtActor(token, meta);
  return null;
}

const CREDENTIAL_PARAMS = /^(access_?token|token|api_?key|apikey|bearer|jwt|pat|auth(orization)?)$/i;

/**
 * Tokens travel in the Authorization header only: URLs end up in logs, histories and Referer headers (T7d). A query
 * parameter that names or looks like a credential fails the request, even when a valid header is sent too.
 */
export function refuseTokenInQuery(params: URLSearchParams): void {
  for (const [name, value] of params) {
    if (CREDENTIAL_PARAMS.test(name) || value.includes(PAT_PREFIX) || (value.startsWith("eyJ") && looksLikeJwt(value))) {
      throw unauthenticated("Send tokens in the Authorization header, never in the URL.");
    }
  }
}

/** Per-token limit on /api/v1 (a JWT counts against the PAT it came from), shared by every instance. */
export async function enforceTokenRateLimit(actor: Actor) {
  if (actor.kind !== "token" || !actor.tokenId) return null;
  const { tokens } = await getSettings();
  return enforceRateLimit(`api:token:${actor.tokenId}`, { limit: tokens.api_rate_limit_per_minute, windowSeconds: 60 });
}
