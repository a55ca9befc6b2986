export type AuditDiff = Record<string, { before?: unknown; after?: unknown }>;

const SECRET_KEY = /pass(word)?|secret|token|hash|recovery|otp|code|private|seed/i;
export const REDACTED = "[redacted]";

const isSecretKey = (key: string) => SECRET_KEY.test(key);

/** The changed fields between two snapshots, with secret-looking fields redacted. */
export function diffChanges(before: Record<string, unknown> | null, after: Record<string, unknown> | null): AuditDiff {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const diff: AuditDiff = {};
  for (const key of keys) {
    const a = before?.[key];
    const b = after?.[key];
    if (JSON.stringify(a) === JSON.stringify(b)) continue;
    diff[key] = isSecretKey(key)
      ? { ...(before ? { before: REDACTED } : {}), ...(after ? { after: REDACTED } : {}) }
      : { ...(before ? { before: a ?? null } : {}), ...(after ? { after: b ?? null } : {}) };
  }
  return diff;
}

/** A copy of a record with secret-looking fields redacted (for metadata). */
export function redact(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, isSecretKey(k) ? REDACTED : v]));
}
