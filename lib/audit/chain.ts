import { createHash } from "node:crypto";

/**
 * The tamper-evident chain over audit_events (ordered by id): every row stores
 *   hash = sha256("gatehouse-audit-v1\n" + prev_hash + "\n" + canonical JSON of its content)
 * where prev_hash is the previous row's hash ("" for the first row ever written, stored as SQL null).
 * Changing, deleting or reordering a row breaks the link at that row or the next one.
 */
export type ChainedContent = {
  occurredAt: Date;
  actorKind: string;
  actorId: string | null;
  actorLabel: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  targetLabel: string | null;
  orgId: string | null;
  outcome: string;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
  diff: unknown;
  metadata: unknown;
};

const DOMAIN = "gatehouse-audit-v1";

/** JSON with object keys sorted at every depth: the same value always serialises to the same text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value === undefined ? null : JSON.parse(JSON.stringify(value ?? null))));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}

/** The hashed fields, named as in SQL. jsonb normalises diff/metadata, so they are compared in canonical form. */
export function chainContent(row: ChainedContent): Record<string, unknown> {
  return {
    occurred_at: row.occurredAt.toISOString(),
    actor_kind: row.actorKind,
    actor_id: row.actorId,
    actor_label: row.actorLabel,
    action: row.action,
    target_type: row.targetType,
    target_id: row.targetId,
    target_label: row.targetLabel,
    org_id: row.orgId,
    outcome: row.outcome,
    ip: row.ip,
    user_agent: row.userAgent,
    request_id: row.requestId,
    diff: row.diff ?? null,
    metadata: row.metadata ?? null,
  };
}

export function chainHash(prevHash: string | null, row: ChainedContent): string {
  return createHash("sha256")
    .update(`${DOMAIN}\n${prevHash ?? ""}\n${canonicalJson(chainContent(row))}`, "utf8")
    .digest("hex");
}
