export type AuditDiff = Record<string, { before?: unknown; after?: unknown }>;

const SECRET_KEY = /pass(word)?|secret|token|hash|recovery|otp|code|private|seed/i;
export const REDACTED = "[redacted]";

const isSecretKey = (key: string) => SECRET_KEY.test(key);
/** Flags and counts ("must_change_password": true) are facts, not secrets; only values that could hold one are hidden. */
const mayHoldSecret = (value: unknown) => value !== null && value !== undefined && typeof value !== "boolean" && typeof value !== "number";
const hide = (key: string, value: unknown) => (isSecretKey(key) && mayHoldSecret(value) ? REDACTED : (value ?? null));

/**
 * The changed fields between two snapshots, with secret-looking fields redacted. Pass `redactSecrets: false` only
 * when the keys are data chosen by admins (user attribute keys like "postal_code"), never for a schema's own fields.
 */
export function diffChanges(
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
  { redactSecrets = true }: { redactSecrets?: boolean } = {},
): AuditDiff {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const diff: AuditDiff = {};
  for (const key of keys) {
    const a = before?.[key];
    const b = after?.[key];
    if (JSON.stringify(a) === JSON.stringify(b)) continue;
    const show = (value: unknown) => (redactSecrets ? hide(key, value) : (value ?? null));
    diff[key] = { ...(before ? { before: show(a) } : {}), ...(after ? { after: show(b) } : {}) };
  }
  return diff;
}

/** A copy of a record with secret-looking fields redacted (for metadata). */
export function redact(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, hide(k, v)]));
}
