import "server-only";
import { env } from "../env";

/** The relying party is the console itself: its host name is the RP ID, its origin the only accepted origin. */
export function relyingParty(): { rpID: string; origin: string; rpName: string } {
  const url = new URL(env.APP_URL);
  return { rpID: url.hostname, origin: url.origin, rpName: "Gatehouse" };
}

/** A WebAuthn challenge can be answered for 5 minutes, once. */
export const PASSKEY_CHALLENGE_TTL_MS = 5 * 60_000;
/** What the browser is told to wait for the person (shorter than the challenge lifetime). */
export const PASSKEY_CEREMONY_TIMEOUT_MS = 120_000;
/** More would only be clutter: a person rarely has more than a handful of devices. */
export const MAX_PASSKEYS_PER_USER = 20;

export const PASSKEY_PURPOSES = {
  register: "passkey_register",
  mfa: "passkey_mfa",
  login: "passkey_login",
} as const;
export type PasskeyPurpose = (typeof PASSKEY_PURPOSES)[keyof typeof PASSKEY_PURPOSES];
