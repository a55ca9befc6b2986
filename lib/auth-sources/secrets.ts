import "server-only";
import { decryptSecret, encryptSecret } from "../crypto/secret-box";
import type { SourceSecrets } from "./schema";

/** The secret box purpose is bound to the slug (which never changes): an envelope moved to another row does not open. */
const purpose = (slug: string) => `auth-source:${slug}`;

const present = (secrets: SourceSecrets) => Object.fromEntries(Object.entries(secrets).filter(([, v]) => typeof v === "string" && v !== ""));

/** AES-256-GCM envelope of the non-empty secrets, or null when there are none. */
export function sealSecrets(slug: string, secrets: SourceSecrets): string | null {
  const kept = present(secrets);
  return Object.keys(kept).length ? encryptSecret(JSON.stringify(kept), purpose(slug)) : null;
}

export function openSecrets(slug: string, envelope: string | null): SourceSecrets {
  if (!envelope) return {};
  return JSON.parse(decryptSecret(envelope, purpose(slug))) as SourceSecrets;
}

/** Stored secrets with the given ones laid over them; empty or missing values keep what is stored. */
export const mergeSecrets = (stored: SourceSecrets, given: SourceSecrets | undefined): SourceSecrets => ({ ...stored, ...present(given ?? {}) });

export const secretNames = (secrets: SourceSecrets) => Object.keys(present(secrets)).sort();
