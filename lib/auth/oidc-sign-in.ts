import "server-only";
import { identityFromClaims } from "../auth-sources/oidc";
import { provisionFederatedUser } from "../auth-sources/provision";
import { enabledSources } from "../auth-sources/queries";
import type { SessionStage } from "../sessions/sessions";
import type { RequestMeta } from "./actor";
import { accountRefusal, auditSignInFailure, completeSignIn } from "./complete-sign-in";
import { isLocked } from "./lockout";
import type { SignInRefusalCode } from "./schema";

export type OidcSignInOutcome = { sessionId: string; stage: SessionStage } | { refused: SignInRefusalCode };

/**
 * The end of an OIDC sign-in, once NextAuth has validated the ID token (signature, issuer, audience, nonce, PKCE):
 * map the claims through the source's settings, find or create the user (provision.ts: never taking over an account
 * of another source), refuse inactive, expired, service and locked accounts, and open our own session row.
 */
export async function signInWithOidc(slug: string, claims: Record<string, unknown>, meta: RequestMeta): Promise<OidcSignInOutcome> {
  const via = { source: slug, method: "oidc" as const };
  const label = typeof claims.email === "string" ? claims.email : String(claims.sub ?? slug);
  const source = (await enabledSources("oidc")).find((s) => s.slug === slug);
  const identity = source ? identityFromClaims(source.config, claims) : null;
  if (!source || !identity) {
    await auditSignInFailure(undefined, label, meta, source ? "no_subject" : "source_disabled", via);
    return { refused: "provider_failed" };
  }
  const result = await provisionFederatedUser(slug, identity, meta);
  if ("refused" in result) {
    await auditSignInFailure(undefined, label, meta, result.refused, via, { holder_id: result.holderId ?? null });
    return { refused: result.refused };
  }
  const reason = accountRefusal(result.user) ?? (isLocked(result.user) ? "locked" : null);
  if (reason) {
    await auditSignInFailure(result.user, label, meta, reason, via);
    return { refused: "account_refused" };
  }
  return completeSignIn(result.user, via, meta);
}
