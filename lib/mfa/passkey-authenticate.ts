import "server-only";
import { generateAuthenticationOptions, type AuthenticationResponseJSON, type PublicKeyCredentialRequestOptionsJSON } from "@simplewebauthn/server";
import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { sessions, users, webauthnCredentials, type UserRow } from "@/db/schema";
import { NO_META, type RequestMeta } from "../auth/actor";
import { auditSignInFailure } from "../auth/complete-sign-in";
import { getDb } from "../db";
import { AppError, badRequest, forbidden } from "../errors";
import { hitRateLimit } from "../rate-limit/limiter";
import type { MfaSettings } from "../settings/schema";
import { getSettings } from "../settings/settings";
import { checkAssertion, parseAssertion, userHandleMatches } from "./passkey-assertion";
import { consumeChallenge, issueChallenge } from "./challenges";
import { backendAllowed } from "./policy";
import { PASSKEY_CEREMONY_TIMEOUT_MS, PASSKEY_PURPOSES, relyingParty } from "./webauthn-config";

type RequestOptions = { challenge_id: string; options: PublicKeyCredentialRequestOptionsJSON };

/** Options requests for passwordless sign-in, per client address and minute (each stores a challenge row). */
export const PASSKEY_LOGIN_OPTIONS_RATE = { limit: 30, windowSeconds: 60 };

/** Passwordless sign-in needs the setting and the passkey backend (which the global policy "off" switches off). */
export const passwordlessEnabled = (mfa: MfaSettings) => mfa.passwordless && backendAllowed("passkey", mfa, false);

// ---------------------------------------------------------------------------------------------------------------
// Passkey as the second factor (the MFA step at sign-in)

/** Options for the MFA step: only this person's passkeys, a challenge bound to this user and sign-in. */
export async function passkeyStepOptions(ref: { userId: string; sessionId: string }): Promise<RequestOptions> {
  const db = await getDb();
  const credentials = await db.select({ id: webauthnCredentials.id, transports: webauthnCredentials.transports }).from(webauthnCredentials).where(eq(webauthnCredentials.userId, ref.userId));
  if (credentials.length === 0) throw badRequest("No passkey is registered for this account.");
  const options = await generateAuthenticationOptions({
    rpID: relyingParty().rpID,
    allowCredentials: credentials.map((c) => ({ id: c.id, transports: c.transports })),
    userVerification: "preferred",
    timeout: PASSKEY_CEREMONY_TIMEOUT_MS,
  });
  const challenge_id = await issueChallenge(db, { purpose: PASSKEY_PURPOSES.mfa, userId: ref.userId, sessionId: ref.sessionId }, options.challenge);
  return { challenge_id, options };
}

/**
 * The MFA step's check, inside the caller's transaction (which must commit even when this answers false: the spent
 * challenge and a counter-regression audit event are part of it). The challenge is spent first; then the credential
 * must be this person's, the assertion valid for our origin and RP ID, and the sign counter must move forward.
 * Every failure is the same `false`; nothing is audited here except a counter regression.
 */
export async function verifyPasskeyStep(
  tx: Executor,
  ref: { userId: string; sessionId: string; challengeId: string },
  response: AuthenticationResponseJSON,
  now = new Date(),
): Promise<boolean> {
  const expectedChallenge = await consumeChallenge(tx, ref.challengeId, { purpose: PASSKEY_PURPOSES.mfa, userId: ref.userId, sessionId: ref.sessionId }, now);
  if (!expectedChallenge) return false;
  const assertion = parseAssertion(response);
  if (!assertion || !userHandleMatches(assertion, ref.userId)) return false;
  const [row] = await tx
    .select()
    .from(webauthnCredentials)
    .innerJoin(users, eq(users.id, webauthnCredentials.userId))
    .where(and(eq(webauthnCredentials.id, assertion.id), eq(webauthnCredentials.userId, ref.userId)));
  if (!row) return false;
  const [session] = await tx.select({ ip: sessions.ip, userAgent: sessions.userAgent }).from(sessions).where(eq(sessions.id, ref.sessionId));
  const meta: RequestMeta = session ? { ip: session.ip, userAgent: session.userAgent, requestId: null } : NO_META;
  const outcome = await checkAssertion(tx, row.webauthn_credentials, row.users, assertion, expectedChallenge, { requireUserVerification: false, via: "mfa", meta, now });
  return outcome.ok;
}

// ---------------------------------------------------------------------------------------------------------------
// Passwordless sign-in ("Sign in with a passkey")

/** Options for a discoverable-credential sign-in: no user yet, so no allowCredentials; user verification required. */
export async function passkeyLoginOptions(meta: RequestMeta): Promise<RequestOptions> {
  const db = await getDb();
  if (!passwordlessEnabled((await getSettings(db)).mfa)) throw forbidden("Signing in with a passkey is not enabled.");
  const rate = await hitRateLimit(`passkey-login-options:${meta.ip ?? "unknown"}`, PASSKEY_LOGIN_OPTIONS_RATE, db);
  if (!rate.allowed) throw new AppError("rate_limited", "Too many sign-in attempts. Try again in a minute.", { retryAfterSeconds: rate.retryAfterSeconds });
  const options = await generateAuthenticationOptions({ rpID: relyingParty().rpID, userVerification: "required", timeout: PASSKEY_CEREMONY_TIMEOUT_MS });
  const challenge_id = await issueChallenge(db, { purpose: PASSKEY_PURPOSES.login, userId: null, sessionId: null }, options.challenge);
  return { challenge_id, options };
}

const VIA = { method: "passkey" } as const;

/**
 * Passwordless sign-in: spends the challenge, finds the credential by id, checks the user handle, verifies with user
 * verification required and the counter rule. The user it proves, or null (every failure after a spent challenge is
 * audited as a failed sign-in; account state — inactive, locked — is the caller's to refuse).
 */
export async function verifyPasskeyLogin(input: { challenge_id: string; response: AuthenticationResponseJSON }, meta: RequestMeta, now = new Date()): Promise<UserRow | null> {
  const db = await getDb();
  if (!passwordlessEnabled((await getSettings(db)).mfa)) return null;
  const expectedChallenge = await consumeChallenge(db, input.challenge_id, { purpose: PASSKEY_PURPOSES.login, userId: null, sessionId: null }, now);
  if (!expectedChallenge) return null;

  const assertion = parseAssertion(input.response);
  const [row] = assertion
    ? await db.select().from(webauthnCredentials).innerJoin(users, eq(users.id, webauthnCredentials.userId)).where(eq(webauthnCredentials.id, assertion.id))
    : [];
  if (!assertion || !row) {
    await auditSignInFailure(undefined, "(passkey)", meta, "passkey_unknown", { source: "internal", ...VIA });
    return null;
  }
  const user = row.users;
  const via = { source: user.authSource, ...VIA };
  if (!userHandleMatches(assertion, user.id)) {
    await auditSignInFailure(user, user.username, meta, "passkey_invalid", via);
    return null;
  }
  const outcome = await db.transaction((tx) =>
    checkAssertion(tx, row.webauthn_credentials, user, assertion, expectedChallenge, { requireUserVerification: true, via: "login", meta, now }),
  );
  if (!outcome.ok) {
    await auditSignInFailure(user, user.username, meta, outcome.reason === "counter_regression" ? "passkey_counter_regression" : "passkey_invalid", via);
    return null;
  }
  return user;
}
