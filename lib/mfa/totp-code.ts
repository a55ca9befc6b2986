import "server-only";
import { generateSecret, generateURI, verify } from "otplib";

/** RFC 6238 defaults every authenticator app understands: SHA-1, 6 digits, 30-second steps. */
export const TOTP_STEP_SECONDS = 30;
export const TOTP_ISSUER = "Gatehouse";
const SIX_DIGITS = /^\d{6}$/;

/** What a person types: spaces (apps show "123 456") do not matter. */
export const normaliseTotpCode = (input: string) => input.replace(/\s+/g, "");
export const isTotpCodeShape = (code: string) => SIX_DIGITS.test(code);

/** A new base32 seed of 20 random bytes (160 bits, RFC 4226's recommendation). */
export const newTotpSecret = (): string => generateSecret();

export function totpUri(secret: string, label: string): string {
  return generateURI({ issuer: TOTP_ISSUER, label, secret });
}

export const timeStepAt = (now: Date) => Math.floor(now.getTime() / 1000 / TOTP_STEP_SECONDS);

/**
 * The time step `code` belongs to when it is valid for `secret` at `now` within one step of clock drift either way
 * (steps s-1, s, s+1); null otherwise. Never throws for malformed input.
 */
export async function totpCodeStep(secret: string, code: string, now: Date): Promise<number | null> {
  if (!isTotpCodeShape(code)) return null;
  const epoch = Math.floor(now.getTime() / 1000);
  try {
    const result = await verify({ secret, token: code, epoch, epochTolerance: TOTP_STEP_SECONDS });
    // The functional API types HOTP and TOTP results together; only the TOTP one carries timeStep.
    if (!result.valid || !("timeStep" in result)) return null;
    return Math.abs(result.timeStep - timeStepAt(now)) <= 1 ? result.timeStep : null;
  } catch {
    return null;
  }
}
