import "server-only";
import { hash, verify } from "@node-rs/argon2";

/** argon2id at (at least) the OWASP minimum: m = 19 MiB, t = 2, p = 1. */
export const ARGON2_OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** Passwords longer than this are refused before hashing (no truncation below it). */
export const MAX_PASSWORD_BYTES = 1024;

export const hashPassword = (password: string) => hash(password, ARGON2_OPTIONS);

let dummyHash: Promise<string> | undefined;

/**
 * Verifies a password against a stored hash. With no hash (unknown user, federated user) it verifies against a
 * dummy hash anyway, so both paths cost the same time and reveal nothing.
 */
export async function verifyPassword(storedHash: string | null | undefined, password: string): Promise<boolean> {
  if (Buffer.byteLength(password, "utf8") > MAX_PASSWORD_BYTES) return false;
  if (!storedHash) {
    dummyHash ??= hashPassword("gatehouse-dummy-password-for-timing");
    await verify(await dummyHash, password).catch(() => false);
    return false;
  }
  try {
    return await verify(storedHash, password);
  } catch {
    return false;
  }
}
