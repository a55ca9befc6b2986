import "server-only";
import { asc, count, desc, gte, lt, lte, sql } from "drizzle-orm";
import { rowsOf } from "@/db/client";
import { auditEvents } from "@/db/schema";
import { systemActor } from "../auth/actor";
import { getDb } from "../db";
import { getSettings } from "../settings/settings";
import { audit } from "./audit";

/** Arbitrary constant: with several instances, one purges at a time; the others skip that round. */
const AUDIT_PURGE_LOCK = 7_243_021;

export const PURGE_ACTION = "audit.purge";

export type PurgeResult = { deleted: number; skipped: boolean; deleted_through_id: number | null };

/**
 * Retention (`audit.retention_days`): deletes the oldest events, always a contiguous prefix of the chain (every
 * row up to the last one older than the cutoff), and records an `audit.purge` event whose `chain_anchor` is the
 * hash of the last deleted row. The oldest remaining row's prev_hash must equal it, so verification still
 * starts from a trusted anchor, and deleting rows from the start outside a purge is still detected.
 * The delete itself runs without the chain lock (it only touches old rows), so writers are not held up.
 */
export async function purgeAuditEvents(now = new Date()): Promise<PurgeResult> {
  const db = await getDb();
  const { audit: policy } = await getSettings(db);
  const cutoff = new Date(now.getTime() - policy.retention_days * 86_400_000);
  return db.transaction(async (tx) => {
    const [{ locked }] = rowsOf<{ locked: boolean }>(await tx.execute(sql`select pg_try_advisory_xact_lock(${AUDIT_PURGE_LOCK}) as locked`));
    if (!locked) return { deleted: 0, skipped: true, deleted_through_id: null };

    // occurred_at is taken under the chain lock, so it grows with id: the first recent row bounds the prefix.
    // The newest row is always kept, so the purge record links to a row that still exists.
    const [firstKept] = await tx.select({ id: auditEvents.id }).from(auditEvents).where(gte(auditEvents.occurredAt, cutoff)).orderBy(asc(auditEvents.occurredAt)).limit(1);
    const [head] = await tx.select({ id: auditEvents.id }).from(auditEvents).orderBy(desc(auditEvents.id)).limit(1);
    const boundary = firstKept?.id ?? head?.id;
    if (boundary === undefined) return { deleted: 0, skipped: false, deleted_through_id: null };
    const [last] = await tx
      .select({ id: auditEvents.id, hash: auditEvents.hash })
      .from(auditEvents)
      .where(lt(auditEvents.id, boundary))
      .orderBy(desc(auditEvents.id))
      .limit(1);
    if (!last) return { deleted: 0, skipped: false, deleted_through_id: null };

    const [{ deleted }] = await tx.select({ deleted: count() }).from(auditEvents).where(lte(auditEvents.id, last.id));
    await tx.delete(auditEvents).where(lte(auditEvents.id, last.id));
    await audit(tx, systemActor("audit-retention"), PURGE_ACTION, { type: "audit_log", label: "Audit log" }, null, {
      metadata: { retention_days: policy.retention_days, cutoff: cutoff.toISOString(), deleted, deleted_through_id: last.id, chain_anchor: last.hash },
    });
    return { deleted, skipped: false, deleted_through_id: last.id };
  });
}

/** For start-up's hourly jobs: never throws. */
export async function runAuditRetentionJob(): Promise<void> {
  try {
    const { deleted } = await purgeAuditEvents();
    if (deleted) console.log(`Purged ${deleted} audit event(s) past the retention period.`);
  } catch (error) {
    console.error("audit retention job failed", error);
  }
}

