import type { AuthenticationResponseJSON, RegistrationResponseJSON } from "@simplewebauthn/server";
import { z } from "zod";

/** Shared by the server and the browser: no server-only imports here. */
export const PASSKEY_NAME_MAX = 64;
export const passkeyNameSchema = z.string().trim().min(1, "Give the passkey a name.").max(PASSKEY_NAME_MAX, `Use at most ${PASSKEY_NAME_MAX} characters.`);

const base64url = (max: number) => z.string().max(max).regex(/^[A-Za-z0-9_-]*$/, "Not base64url.");
const extensions = z.record(z.string(), z.unknown()).default({});
const attachment = z.enum(["platform", "cross-platform"]).optional();

/** What @simplewebauthn/browser's startAuthentication() returns (bounded sizes; the signature check does the rest). */
export const authenticationResponseSchema = z
  .object({
    id: base64url(1024).min(1),
    rawId: base64url(1024).min(1),
    type: z.literal("public-key"),
    response: z.object({
      clientDataJSON: base64url(8192),
      authenticatorData: base64url(8192),
      signature: base64url(2048),
      userHandle: base64url(512).optional(),
    }),
    clientExtensionResults: extensions,
    authenticatorAttachment: attachment,
  })
  .transform((value) => value as AuthenticationResponseJSON);

/** What startRegistration() returns. */
export const registrationResponseSchema = z
  .object({
    id: base64url(1024).min(1),
    rawId: base64url(1024).min(1),
    type: z.literal("public-key"),
    response: z.object({
      clientDataJSON: base64url(8192),
      attestationObject: base64url(65_536),
      authenticatorData: base64url(65_536).optional(),
      transports: z.array(z.string().max(32)).max(10).optional(),
      publicKeyAlgorithm: z.number().int().optional(),
      publicKey: base64url(8192).optional(),
    }),
    clientExtensionResults: extensions,
    authenticatorAttachment: attachment,
  })
  .transform((value) => value as RegistrationResponseJSON);

export const challengeIdSchema = z.uuid("This passkey request is not valid. Start again.");

/** Server-action input for step 2 of adding a passkey; the domain function checks the response's shape itself. */
export const registerPasskeySchema = z.object({ challenge_id: challengeIdSchema, name: passkeyNameSchema, response: z.record(z.string(), z.unknown()) });
export type RegisterPasskeyInput = z.input<typeof registerPasskeySchema>;

export const passkeyIdSchema = z.string().min(1).max(1024);
export const renamePasskeySchema = z.object({ id: passkeyIdSchema, name: passkeyNameSchema });
export const deletePasskeySchema = z.object({ id: passkeyIdSchema });

/** One passkey as the profile lists it (never key material). */
export type PasskeyDto = {
  id: string;
  name: string;
  created_at: string;
  last_used_at: string | null;
  /** "multiDevice": a synced passkey (e.g. iCloud Keychain, Google Password Manager); "singleDevice": bound to one device. */
  device_type: "singleDevice" | "multiDevice" | null;
  backed_up: boolean;
};
