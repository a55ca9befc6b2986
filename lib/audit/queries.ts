import "server-only";
import { and, count, desc, eq, gte, ilike, inArray, like, lte, or, type SQL } from "drizzle-orm";
import { auditEvents } from "@/db/schema";
import type { Actor } from "../auth/actor";
import { getDb } from "../db";
import { notFound, parseInput } from "../errors";
import { authorizeAnywhere } from "../rbac/authorize";
import type { Page } from "../users/schema";
import { escapeLike } from "../users/queries";
import { toAuditEventDto } from "./dto";
import { listAuditEventsQuerySchema, type AuditEventDto, type AuditFilters } from "./schema";

/** Where the actor may read: every event, or those of their organizations. Events without an organization are system-level. */
export type AuditScope = "all" | string[];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const contains = (value: string) => `%${escapeLike(value)}%`;

function actionCondition(action: string): SQL {
  const prefix = action.endsWith("*") ? action.slice(0, -1) : action.endsWith(".") ? action : null;
  return prefix !== null ? like(auditEvents.action, `${escapeLike(prefix)}%`) : eq(auditEvents.action, action);
}

/** The SQL for a scope and a set of filters (shared by the list, the export and the dashboard). */
export function auditWhere(scope: AuditScope, filters: AuditFilters): SQL | undefined {
  const where: SQL[] = [];
  if (scope !== "all") where.push(scope.length ? inArray(auditEvents.orgId, scope) : eq(auditEvents.id, -1));
  if (filters.org_id) where.push(eq(auditEvents.orgId, filters.org_id));
  if (filters.actor) {
    where.push(UUID.test(filters.actor) ? eq(auditEvents.actorId, filters.actor.toLowerCase()) : ilike(auditEvents.actorLabel, contains(filters.actor)));
  }
  if (filters.action) where.push(actionCondition(filters.action));
  if (filters.target_type) where.push(eq(auditEvents.targetType, filters.target_type));
  if (filters.target) {
    where.push(UUID.test(filters.target) ? eq(auditEvents.targetId, filters.target.toLowerCase()) : or(eq(auditEvents.targetId, filters.target), ilike(auditEvents.targetLabel, contains(filters.target)))!);
  }
  if (filters.outcome) where.push(eq(auditEvents.outcome, filters.outcome));
  if (filters.from) where.push(gte(auditEvents.occurredAt, filters.from));
  if (filters.to) where.push(lte(auditEvents.occurredAt, filters.to));
  return where.length ? and(...where) : undefined;
}

/** GET /api/v1/audit-events and the console's audit log: newest first, filtered, within the actor's scope. */
export async function listAuditEvents(actor: Actor, query: Record<string, unknown>): Promise<Page<AuditEventDto>> {
  const input = parseInput(listAuditEventsQuerySchema, query);
  const scope = authorizeAnywhere(actor, "audit.view");
  const db = await getDb();
  const where = auditWhere(scope, input);
  const [rows, [{ total }]] = await Promise.all([
    db.select().from(auditEvents).where(where).orderBy(desc(auditEvents.id)).limit(input.limit).offset((input.page - 1) * input.limit),
    db.select({ total: count() }).from(auditEvents).where(where),
  ]);
  return { data: rows.map(toAuditEventDto), total, page: input.page, limit: input.limit };
}

/** One event; events outside the actor's scope are "not found". */
export async function getAuditEvent(actor: Actor, id: string): Promise<AuditEventDto> {
  const scope = authorizeAnywhere(actor, "audit.view");
  if (!/^\d{1,15}$/.test(id)) throw notFound("Audit event");
  const db = await getDb();
  const [row] = await db.select().from(auditEvents).where(and(eq(auditEvents.id, Number(id)), auditWhere(scope, {})));
  if (!row) throw notFound("Audit event");
  return toAuditEventDto(row);
}
