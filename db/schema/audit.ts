import { sql } from "drizzle-orm";
import { bigint, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

/**
 * Append-only. No foreign keys: events outlive the users, groups and orgs they mention.
 * `hash` chains each row to the previous one (lib/audit/chain.ts); rows are ordered by `id`.
 */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    occurredAt: ts("occurred_at").notNull().defaultNow(),
    actorKind: text("actor_kind").notNull(),
    actorId: text("actor_id"),
    actorLabel: text("actor_label"),
    action: text("action").notNull(),
    targetType: text("target_type"),
    targetId: text("target_id"),
    targetLabel: text("target_label"),
    orgId: uuid("org_id"),
    outcome: text("outcome").notNull().default("success"),
    ip: text("ip"),
    userAgent: text("user_agent"),
    requestId: text("request_id"),
    diff: jsonb("diff").$type<Record<string, { before?: unknown; after?: unknown }>>(),
    metadata: jsonb("metadata").$type<Record<string, unknown>>(),
    prevHash: text("prev_hash"),
    hash: text("hash"),
  },
  (t) => [
    index("audit_events_occurred_idx").on(t.occurredAt),
    index("audit_events_actor_idx").on(t.actorId),
    index("audit_events_target_idx").on(t.targetType, t.targetId),
    // Sign-ins per day (dashboard) and action filters over a time range; outcome and org_id are in the key so the
    // dashboard's count runs as an index-only scan (drizzle has no INCLUDE).
    index("audit_events_action_time_idx").on(t.action, t.occurredAt, t.outcome, t.orgId),
    // Org Auditors read their organization's events newest first.
    index("audit_events_org_idx").on(t.orgId, t.id),
    // "Recent failures": rare rows, found without scanning every success.
    index("audit_events_failures_idx").on(t.id).where(sql`${t.outcome} <> 'success'`),
  ],
);

export type AuditEventRow = typeof auditEvents.$inferSelect;
