import "server-only";
import type { ConnectionTestResult, OidcConfig } from "./schema";

const trimSlash = (url: string) => url.replace(/\/+$/, "");
export const wellKnownUrl = (issuer: string) => `${trimSlash(issuer)}/.well-known/openid-configuration`;

/** Who the identity provider says a user is, mapped through the source's claim settings. */
export type OidcIdentity = {
  externalId: string;
  username: string;
  email: string;
  emailVerified: boolean | null;
  name: string;
  firstName: string;
  lastName: string;
  phone: string | null;
};

const text = (value: unknown): string => (typeof value === "string" ? value.trim() : typeof value === "number" ? String(value) : "");

/** Null without a subject: an ID token always has one, so anything else is not a usable answer. */
export function identityFromClaims(config: OidcConfig, claims: Record<string, unknown>): OidcIdentity | null {
  const sub = text(claims.sub);
  if (!sub) return null;
  const get = (name: string) => (name ? text(claims[name]) : "");
  const verified = claims.email_verified;
  return {
    externalId: sub,
    username: get(config.claim_username),
    email: get(config.claim_email).toLowerCase(),
    emailVerified: typeof verified === "boolean" ? verified : verified === "true" ? true : verified === "false" ? false : null,
    name: get(config.claim_name),
    firstName: get(config.claim_first_name),
    lastName: get(config.claim_last_name),
    phone: get(config.claim_phone) || null,
  };
}

/** "Test connection": the discovery document loads, names this issuer and has the endpoints a sign-in needs. */
export async function testOidcDiscovery(config: OidcConfig): Promise<ConnectionTestResult> {
  const url = wellKnownUrl(config.issuer);
  let document: Record<string, unknown>;
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(10_000), headers: { accept: "application/json" }, redirect: "error" });
    if (!response.ok) return { ok: false, message: `${url} answered ${response.status}.` };
    document = (await response.json()) as Record<string, unknown>;
  } catch (error) {
    return { ok: false, message: `Could not load ${url}: ${error instanceof Error ? error.message : String(error)}` };
  }
  if (trimSlash(text(document.issuer)) !== trimSlash(config.issuer)) {
    return { ok: false, message: `The discovery document names the issuer "${text(document.issuer)}", not "${config.issuer}".` };
  }
  const missing = ["authorization_endpoint", "token_endpoint", "jwks_uri"].filter((key) => !text(document[key]));
  if (missing.length) return { ok: false, message: `The discovery document lacks ${missing.join(", ")}.` };
  const supported = Array.isArray(document.scopes_supported) ? (document.scopes_supported as string[]) : null;
  const unsupported = supported ? config.scopes.split(/\s+/).filter((s) => !supported.includes(s)) : [];
  return {
    ok: true,
    message: unsupported.length
      ? `Discovery works, but the provider does not list these scopes: ${unsupported.join(", ")}.`
      : "Discovery works: the issuer and its endpoints were found.",
    details: { authorization_endpoint: document.authorization_endpoint, token_endpoint: document.token_endpoint, userinfo_endpoint: document.userinfo_endpoint ?? null },
  };
}
