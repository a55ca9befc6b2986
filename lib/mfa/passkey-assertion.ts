import "server-only";
import { verifyAuthenticationResponse, type AuthenticationResponseJSON } from "@simplewebauthn/server";
import { isoBase64URL } from "@simplewebauthn/server/helpers";
import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { webauthnCredentials, type UserRow, type WebauthnCredentialRow } from "@/db/schema";
import type { RequestMeta } from "../auth/actor";
import { anonymousActor } from "../auth/principal";
import { audit } from "../audit/audit";
import { authenticationResponseSchema } from "./passkey-schema";
import { relyingParty } from "./webauthn-config";

export type AssertionOutcome = { ok: true } | { ok: false; reason: "invalid" | "counter_regression" };

/** The response, if it has the shape of an assertion at all (bad input is a refusal, never an exception). */
export function parseAssertion(response: unknown): AuthenticationResponseJSON | null {
  const parsed = authenticationResponseSchema.safeParse(response);
  return parsed.success ? parsed.data : null;
}

/** A user handle, when the authenticator returned one, must name the credential's owner (registration encoded the user id). */
export function userHandleMatches(response: AuthenticationResponseJSON, userId: string): boolean {
  const handle = response.response.userHandle;
  if (!handle) return true;
  try {
    return isoBase64URL.toUTF8String(handle) === userId;
  } catch {
    return false;
  }
}

/**
 * Verifies one assertion against a stored credential and applies the sign-counter rule (T15): when either counter is
 * non-zero, the presented one must be strictly greater than the stored one; 0/0 (authenticators without a counter)
 * passes. The signature is checked FIRST (SimpleWebAuthn's own counter check is neutralised by passing counter 0), so
 * only a genuinely signed regression — a cloned authenticator — is reported. The new counter is written with a
 * conditional update on the counter that was read: of concurrent assertions carrying the same counter, at most one wins.
 */
export async function checkAssertion(
  tx: Executor,
  credential: WebauthnCredentialRow,
  user: Pick<UserRow, "id" | "username">,
  response: AuthenticationResponseJSON,
  expectedChallenge: string,
  context: { requireUserVerification: boolean; via: "mfa" | "login"; meta: RequestMeta; now: Date },
): Promise<AssertionOutcome> {
  const { rpID, origin } = relyingParty();
  let info;
  try {
    const result = await verifyAuthenticationResponse({
      response,
      expectedChallenge,
      expectedOrigin: origin,
      expectedRPID: rpID,
      credential: { id: credential.id, publicKey: new Uint8Array(credential.publicKey), counter: 0, transports: credential.transports },
      requireUserVerification: context.requireUserVerification,
    });
    if (!result.verified) return { ok: false, reason: "invalid" };
    info = result.authenticationInfo;
  } catch {
    return { ok: false, reason: "invalid" };
  }

  const stored = credential.counter;
  const presented = info.newCounter;
  const regression = async (current: number) => {
    await audit(tx, anonymousActor(user.username, context.meta, user.id), "mfa.passkey.counter_regression", { type: "user", id: user.id, label: user.username }, null, {
      outcome: "failure",
      metadata: { credential_id: credential.id, credential_name: credential.name, stored_counter: current, presented_counter: presented, via: context.via },
    });
    return { ok: false, reason: "counter_regression" } as const;
  };
  if ((stored > 0 || presented > 0) && presented <= stored) return regression(stored);

  const [updated] = await tx
    .update(webauthnCredentials)
    .set({ counter: presented, lastUsedAt: context.now, deviceType: info.credentialDeviceType, backedUp: info.credentialBackedUp })
    .where(and(eq(webauthnCredentials.id, credential.id), eq(webauthnCredentials.counter, stored)))
    .returning({ id: webauthnCredentials.id });
  if (updated) return { ok: true };
  // Another assertion moved the counter between our read and our write: a regression unless ours is still ahead
  // (two genuine assertions finishing out of order — refused, not reported).
  const [latest] = await tx.select({ counter: webauthnCredentials.counter }).from(webauthnCredentials).where(eq(webauthnCredentials.id, credential.id));
  if (!latest || presented > latest.counter) return { ok: false, reason: "invalid" };
  return regression(latest.counter);
}
