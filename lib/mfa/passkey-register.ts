import "server-only";
import { generateRegistrationOptions, verifyRegistrationResponse, type PublicKeyCredentialCreationOptionsJSON, type RegistrationResponseJSON, type VerifiedRegistrationResponse } from "@simplewebauthn/server";
import { count, eq } from "drizzle-orm";
import { webauthnCredentials } from "@/db/schema";
import { audit } from "../audit/audit";
import { getDb, isUniqueViolation } from "../db";
import { badRequest, conflict, parseInput } from "../errors";
import { consumeChallenge, issueChallenge, type ChallengeBinding } from "./challenges";
import { passkeyNameSchema, registrationResponseSchema } from "./passkey-schema";
import { userTarget } from "./passkeys";
import { assertBackendAllowed, markMfaEnrolled } from "./policy";
import type { MfaSelf } from "./self";
import { MAX_PASSKEYS_PER_USER, PASSKEY_CEREMONY_TIMEOUT_MS, PASSKEY_PURPOSES, relyingParty } from "./webauthn-config";

const binding = (self: MfaSelf): ChallengeBinding => ({ purpose: PASSKEY_PURPOSES.register, userId: self.user.id, sessionId: self.sessionId });
const REGISTRATION_FAILED = "That passkey could not be registered. Try again.";

async function assertRoomForAnother(self: MfaSelf): Promise<void> {
  const db = await getDb();
  const [row] = await db.select({ n: count() }).from(webauthnCredentials).where(eq(webauthnCredentials.userId, self.user.id));
  if (Number(row.n) >= MAX_PASSKEYS_PER_USER) throw conflict(`You already have ${MAX_PASSKEYS_PER_USER} passkeys. Remove one before adding another.`);
}

/** Step 1 of adding a passkey: options for navigator.credentials.create(), with a single-use challenge bound to this session. */
export async function passkeyRegistrationOptions(self: MfaSelf): Promise<{ challenge_id: string; options: PublicKeyCredentialCreationOptionsJSON }> {
  const db = await getDb();
  await assertBackendAllowed(db, self.user, "passkey");
  await assertRoomForAnother(self);
  const existing = await db.select({ id: webauthnCredentials.id, transports: webauthnCredentials.transports }).from(webauthnCredentials).where(eq(webauthnCredentials.userId, self.user.id));
  const { rpID, rpName } = relyingParty();
  const options = await generateRegistrationOptions({
    rpName,
    rpID,
    userName: self.user.username,
    userDisplayName: self.user.name || self.user.username,
    // The user handle: authenticators return it at passwordless sign-in, where it must name the credential's owner.
    userID: new TextEncoder().encode(self.user.id),
    attestationType: "none",
    excludeCredentials: existing.map((c) => ({ id: c.id, transports: c.transports })),
    authenticatorSelection: { residentKey: "preferred", userVerification: "preferred" },
    timeout: PASSKEY_CEREMONY_TIMEOUT_MS,
  });
  const challenge_id = await issueChallenge(db, binding(self), options.challenge);
  return { challenge_id, options };
}

/**
 * Step 2: spends the challenge (bound to this user and session) BEFORE checking the attestation, verifies it for our
 * origin and RP ID, and stores the credential. Turns MFA on for a person whose policy was Disabled.
 */
export async function verifyPasskeyRegistration(
  self: MfaSelf,
  input: { challenge_id: string; name: string; response: RegistrationResponseJSON },
  now = new Date(),
): Promise<{ id: string; name: string }> {
  const name = parseInput(passkeyNameSchema, input.name);
  const response = parseInput(registrationResponseSchema, input.response);
  const db = await getDb();
  await assertBackendAllowed(db, self.user, "passkey");
  await assertRoomForAnother(self);

  const expectedChallenge = await consumeChallenge(db, input.challenge_id, binding(self), now);
  if (!expectedChallenge) throw badRequest("This passkey request has expired or was already used. Start again.");
  const { rpID, origin } = relyingParty();
  let verification: VerifiedRegistrationResponse;
  try {
    verification = await verifyRegistrationResponse({ response, expectedChallenge, expectedOrigin: origin, expectedRPID: rpID, requireUserVerification: false });
  } catch {
    throw badRequest(REGISTRATION_FAILED);
  }
  if (!verification.verified) throw badRequest(REGISTRATION_FAILED);
  const { credential, credentialDeviceType, credentialBackedUp } = verification.registrationInfo;

  const duplicate = () => conflict("This passkey is already registered.");
  try {
    return await db.transaction(async (tx) => {
      const [taken] = await tx.select({ id: webauthnCredentials.id }).from(webauthnCredentials).where(eq(webauthnCredentials.id, credential.id));
      if (taken) throw duplicate();
      await tx.insert(webauthnCredentials).values({
        id: credential.id,
        userId: self.user.id,
        name,
        publicKey: credential.publicKey,
        counter: credential.counter,
        transports: credential.transports ?? [],
        deviceType: credentialDeviceType,
        backedUp: credentialBackedUp,
        createdAt: now,
      });
      await markMfaEnrolled(tx, self.user.id);
      await audit(tx, self.actor, "mfa.passkey.register", userTarget(self.user), null, {
        metadata: { credential_id: credential.id, name, device_type: credentialDeviceType, backed_up: credentialBackedUp, via: self.via },
      });
      return { id: credential.id, name };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicate();
    throw error;
  }
}
