import type { AuditEventRow } from "@/db/schema";
import type { AuditEventDto } from "./schema";

export function toAuditEventDto(row: AuditEventRow): AuditEventDto {
  return {
    id: row.id,
    occurred_at: row.occurredAt.toISOString(),
    actor_kind: row.actorKind,
    actor_id: row.actorId,
    actor_label: row.actorLabel,
    action: row.action,
    outcome: row.outcome,
    target_type: row.targetType,
    target_id: row.targetId,
    target_label: row.targetLabel,
    org_id: row.orgId,
    ip: row.ip,
    user_agent: row.userAgent,
    request_id: row.requestId,
    diff: row.diff ?? null,
    metadata: row.metadata ?? null,
    prev_hash: row.prevHash,
    hash: row.hash,
  };
}
