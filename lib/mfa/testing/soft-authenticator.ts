/**
 * Test-only software authenticator: real ES256 keys (node:crypto), real "none" attestations and real assertions,
 * encoded exactly as a browser hands them to @simplewebauthn/browser's callers. Every field a test may want to
 * falsify (origin, RP ID, counter, user handle, user verification) can be overridden per ceremony.
 */
import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from "node:crypto";
import type {
  AuthenticationResponseJSON,
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
  RegistrationResponseJSON,
} from "@simplewebauthn/server";
import { isoBase64URL, isoCBOR } from "@simplewebauthn/server/helpers";

type StoredCredential = { id: string; privateKey: KeyObject; userHandle: string; rpId: string; counter: number };

export type CeremonyOverrides = {
  origin?: string;
  rpId?: string;
  /** User verified (fingerprint, PIN): default true. */
  userVerified?: boolean;
};

export type AssertionOverrides = CeremonyOverrides & {
  /** Which stored credential answers (default: the first allowed one, else the first stored). */
  credentialId?: string;
  /** The exact sign counter to present; otherwise the credential's counter plus counterStep. */
  counter?: number;
  /** A user handle to present instead of the registered one (null: none at all). */
  userHandle?: string | null;
};

const FLAG_UP = 0x01;
const FLAG_UV = 0x04;
const FLAG_BE = 0x08;
const FLAG_BS = 0x10;
const FLAG_AT = 0x40;

const sha256 = (data: Uint8Array | string) => new Uint8Array(createHash("sha256").update(data).digest());
const b64url = (bytes: Uint8Array) => isoBase64URL.fromBuffer(new Uint8Array(bytes));
const uint32 = (n: number) => {
  const out = new Uint8Array(4);
  new DataView(out.buffer).setUint32(0, n, false);
  return out;
};
const uint16 = (n: number) => {
  const out = new Uint8Array(2);
  new DataView(out.buffer).setUint16(0, n, false);
  return out;
};
const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

export class SoftAuthenticator {
  readonly credentials: StoredCredential[] = [];

  /**
   * @param origin the page origin the "browser" reports; @param rpId the RP ID it signs for.
   * @param counterStep how much the counter moves per assertion (0: an authenticator without a counter).
   * @param synced backup-eligible and backed up (a synced passkey) rather than device-bound.
   */
  constructor(readonly config: { origin: string; rpId: string; counterStep?: number; synced?: boolean }) {}

  private flags(uv: boolean, extra = 0) {
    return FLAG_UP | (uv ? FLAG_UV : 0) | (this.config.synced ? FLAG_BE | FLAG_BS : 0) | extra;
  }

  private clientData(type: string, challenge: string, origin: string) {
    return new TextEncoder().encode(JSON.stringify({ type, challenge, origin, crossOrigin: false }));
  }

  /** navigator.credentials.create(): a new ES256 credential with a "none" attestation. */
  register(options: PublicKeyCredentialCreationOptionsJSON, overrides: CeremonyOverrides = {}): RegistrationResponseJSON {
    const rpId = overrides.rpId ?? this.config.rpId;
    const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
    const jwk = publicKey.export({ format: "jwk" });
    const cose = isoCBOR.encode(
      new Map<number, number | Uint8Array>([
        [1, 2], // kty: EC2
        [3, -7], // alg: ES256
        [-1, 1], // crv: P-256
        [-2, isoBase64URL.toBuffer(jwk.x!)],
        [-3, isoBase64URL.toBuffer(jwk.y!)],
      ]),
    );
    const rawId = new Uint8Array(randomBytes(32));
    const authData = concat(sha256(rpId), new Uint8Array([this.flags(overrides.userVerified ?? true, FLAG_AT)]), uint32(0), new Uint8Array(16), uint16(rawId.length), rawId, cose);
    const attestationObject = isoCBOR.encode(
      new Map<string, string | Uint8Array | Map<string, string>>([
        ["fmt", "none"],
        ["attStmt", new Map<string, string>()],
        ["authData", authData],
      ]),
    );
    const id = b64url(rawId);
    this.credentials.push({ id, privateKey, userHandle: options.user.id, rpId, counter: 0 });
    return {
      id,
      rawId: id,
      type: "public-key",
      response: {
        clientDataJSON: b64url(this.clientData("webauthn.create", options.challenge, overrides.origin ?? this.config.origin)),
        attestationObject: b64url(attestationObject),
        transports: ["internal"],
      },
      clientExtensionResults: {},
      authenticatorAttachment: "platform",
    };
  }

  /** navigator.credentials.get(): an assertion signed by a stored credential. */
  assert(options: PublicKeyCredentialRequestOptionsJSON, overrides: AssertionOverrides = {}): AuthenticationResponseJSON {
    const allowed = options.allowCredentials?.map((c) => c.id) ?? [];
    const credential =
      this.credentials.find((c) => c.id === overrides.credentialId) ??
      (overrides.credentialId ? undefined : (this.credentials.find((c) => allowed.includes(c.id)) ?? this.credentials[0]));
    if (!credential) throw new Error("SoftAuthenticator: no such credential");
    const counter = overrides.counter ?? credential.counter + (this.config.counterStep ?? 1);
    credential.counter = counter;
    const authData = concat(sha256(overrides.rpId ?? credential.rpId), new Uint8Array([this.flags(overrides.userVerified ?? true)]), uint32(counter));
    const clientDataJSON = this.clientData("webauthn.get", options.challenge, overrides.origin ?? this.config.origin);
    const signature = new Uint8Array(sign("sha256", concat(authData, sha256(clientDataJSON)), credential.privateKey));
    const userHandle = overrides.userHandle === undefined ? credential.userHandle : overrides.userHandle;
    return {
      id: credential.id,
      rawId: credential.id,
      type: "public-key",
      response: {
        clientDataJSON: b64url(clientDataJSON),
        authenticatorData: b64url(authData),
        signature: b64url(signature),
        ...(userHandle === null ? {} : { userHandle }),
      },
      clientExtensionResults: {},
      authenticatorAttachment: "platform",
    };
  }
}
