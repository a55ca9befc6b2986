import "server-only";
import type { Executor } from "@/db/client";
import { auditEvents } from "@/db/schema";
import type { Actor } from "../auth/actor";
import { redact, type AuditDiff } from "./diff";

export type AuditTarget = { type: string; id?: string | null; label?: string | null; orgId?: string | null };

export type AuditOptions = {
  outcome?: "success" | "failure" | "denied";
  metadata?: Record<string, unknown>;
};

/**
 * Records one audit event. Call it with the transaction of the change it describes, so the change and its
 * record commit (or roll back) together.
 */
export async function audit(
  tx: Executor,
  actor: Actor,
  action: string,
  target: AuditTarget | null,
  diff?: AuditDiff | null,
  options: AuditOptions = {},
): Promise<void> {
  await tx.insert(auditEvents).values({
    actorKind: actor.kind,
    actorId: actor.userId,
    actorLabel: actor.label,
    action,
    targetType: target?.type ?? null,
    targetId: target?.id ?? null,
    targetLabel: target?.label ?? null,
    orgId: target?.orgId ?? null,
    outcome: options.outcome ?? "success",
    ip: actor.meta.ip,
    userAgent: actor.meta.userAgent,
    requestId: actor.meta.requestId,
    diff: diff && Object.keys(diff).length > 0 ? diff : null,
    metadata: options.metadata ? redact(options.metadata) : null,
  });
}
