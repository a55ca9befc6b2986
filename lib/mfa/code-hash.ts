import "server-only";
import { createHmac, hkdfSync, timingSafeEqual } from "node:crypto";
import { authSecret } from "../env";

let key: Buffer | undefined;
const codeKey = () => (key ??= Buffer.from(hkdfSync("sha256", authSecret(), "gatehouse", "mfa-code", 32)));

/**
 * One-time codes (SMS / email codes, recovery codes) at rest: HMAC-SHA256 under a key derived from AUTH_SECRET,
 * so a database dump alone cannot be brute-forced offline. `context` binds the code to where it was issued
 * (a challenge id, a user id), so a hash copied to another row never matches.
 */
export function hashCode(code: string, context: string): string {
  return createHmac("sha256", codeKey()).update(`${context}\u0000${code}`, "utf8").digest("hex");
}

export function codeMatches(code: string, context: string, storedHash: string | null | undefined): boolean {
  if (!storedHash) return false;
  const a = Buffer.from(hashCode(code, context), "hex");
  const b = Buffer.from(storedHash, "hex");
  return a.length === b.length && timingSafeEqual(a, b);
}
