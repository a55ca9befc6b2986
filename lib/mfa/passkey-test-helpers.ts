/** Test setup for passkeys: real ceremonies through the domain functions, answered by the software authenticator. */
import type { AuthenticationResponseJSON } from "@simplewebauthn/server";
import { eq } from "drizzle-orm";
import { webauthnCredentials, type UserRow } from "@/db/schema";
import { NO_META } from "../auth/actor";
import { getDb } from "../db";
import { createSession } from "../sessions/sessions";
import { createTestUser } from "../testing/factories";
import { passkeyStepOptions, verifyPasskeyStep } from "./passkey-authenticate";
import { passkeyRegistrationOptions, verifyPasskeyRegistration } from "./passkey-register";
import type { MfaSelf } from "./self";
import { SoftAuthenticator } from "./testing/soft-authenticator";
import { freshSelf } from "./testing";

/** What vitest's APP_URL (http://localhost:3000) makes the relying party. */
export const RP = { origin: "http://localhost:3000", rpId: "localhost" };

export const softAuthenticator = (options: { counterStep?: number; synced?: boolean } = {}) => new SoftAuthenticator({ ...RP, ...options });

/** Registers a passkey for `self` with `auth` (a new one by default); returns its credential id. */
export async function registerWith(self: MfaSelf, auth: SoftAuthenticator, name = "Laptop"): Promise<string> {
  const { challenge_id, options } = await passkeyRegistrationOptions(self);
  const { id } = await verifyPasskeyRegistration(self, { challenge_id, name, response: auth.register(options) });
  return id;
}

/** A person with one registered passkey, and the authenticator that holds it. */
export async function passkeyUser(options: { counterStep?: number; synced?: boolean; user?: Parameters<typeof createTestUser>[0] } = {}) {
  const { user, self, sessionId } = await freshSelf(options.user);
  const auth = softAuthenticator(options);
  const credentialId = await registerWith(self, auth);
  return { user, self, sessionId, auth, credentialId };
}

/** A sign-in waiting at the MFA step. */
export async function mfaStepSession(user: UserRow): Promise<string> {
  const db = await getDb();
  const session = await createSession(db, { userId: user.id, stage: "mfa", authSource: user.authSource, methods: ["password"], meta: NO_META });
  return session.id;
}

/** The MFA step's check in its own transaction, as lib/mfa/step.ts runs it. */
export async function stepInOwnTx(ref: { userId: string; sessionId: string; challengeId: string }, response: AuthenticationResponseJSON, now?: Date) {
  const db = await getDb();
  return db.transaction((tx) => verifyPasskeyStep(tx, ref, response, now));
}

/** One whole MFA-step ceremony: options, an assertion (overridable), the check. */
export async function stepCeremony(user: UserRow, sessionId: string, auth: SoftAuthenticator, overrides: Parameters<SoftAuthenticator["assert"]>[1] = {}, now?: Date) {
  const { challenge_id, options } = await passkeyStepOptions({ userId: user.id, sessionId });
  return stepInOwnTx({ userId: user.id, sessionId, challengeId: challenge_id }, auth.assert(options, overrides), now);
}

export async function storedCredential(id: string) {
  const db = await getDb();
  const [row] = await db.select().from(webauthnCredentials).where(eq(webauthnCredentials.id, id));
  return row;
}

export async function setStoredCounter(id: string, counter: number) {
  const db = await getDb();
  await db.update(webauthnCredentials).set({ counter }).where(eq(webauthnCredentials.id, id));
}

