import "server-only";
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { authSecret } from "../env";

/**
 * AES-256-GCM for secrets at rest (TOTP seeds, IdP secrets, signing keys).
 * The key is derived from AUTH_SECRET per purpose, so one leaked purpose key opens nothing else.
 * Envelope: v1.<iv>.<ciphertext>.<tag>, base64url.
 */
function keyFor(purpose: string): Buffer {
  return Buffer.from(hkdfSync("sha256", authSecret(), "gatehouse", `secret-box:${purpose}`, 32));
}

export function encryptSecret(plaintext: string, purpose: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keyFor(purpose), iv);
  cipher.setAAD(Buffer.from(purpose));
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return ["v1", iv, ciphertext, cipher.getAuthTag()].map((p) => (typeof p === "string" ? p : p.toString("base64url"))).join(".");
}

export function decryptSecret(envelope: string, purpose: string): string {
  const [version, iv, ciphertext, tag] = envelope.split(".");
  if (version !== "v1" || !iv || ciphertext === undefined || !tag) throw new Error("Unrecognised secret envelope");
  const decipher = createDecipheriv("aes-256-gcm", keyFor(purpose), Buffer.from(iv, "base64url"));
  decipher.setAAD(Buffer.from(purpose));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
}
