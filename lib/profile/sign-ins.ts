import "server-only";
import { and, desc, eq } from "drizzle-orm";
import { auditEvents } from "@/db/schema";
import type { Actor } from "../auth/actor";
import { getDb } from "../db";
import { forbidden } from "../errors";
import type { SignInEventDto } from "./schema";

const text = (value: unknown) => (typeof value === "string" ? value : null);

/** The person's latest sign-ins, successful or not (failed attempts on their account are worth seeing). */
export async function listOwnSignIns(actor: Actor, limit = 10): Promise<SignInEventDto[]> {
  if (!actor.userId || actor.kind === "system") throw forbidden();
  const db = await getDb();
  const rows = await db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.action, "auth.sign_in"), eq(auditEvents.targetType, "user"), eq(auditEvents.targetId, actor.userId)))
    .orderBy(desc(auditEvents.id))
    .limit(Math.min(Math.max(1, limit), 50));
  return rows.map((row) => ({
    id: row.id,
    occurred_at: row.occurredAt.toISOString(),
    outcome: row.outcome,
    reason: text(row.metadata?.reason),
    source: text(row.metadata?.source),
    method: text(row.metadata?.method),
    ip: row.ip,
    user_agent: row.userAgent,
  }));
}
