import "server-only";
import { asc, desc, eq, gt } from "drizzle-orm";
import type { Database, Executor } from "@/db/client";
import { auditEvents, type AuditEventRow } from "@/db/schema";
import type { Actor } from "../auth/actor";
import { getDb } from "../db";
import { authorize } from "../rbac/authorize";
import { chainHash } from "./chain";
import { PURGE_ACTION } from "./purge";

export type BrokenLinkReason =
  /** The row's content no longer matches its hash: it was edited. */
  | "hash_mismatch"
  /** The row does not follow the one before it: a row was deleted, inserted or moved here. */
  | "link_mismatch"
  /** The oldest row neither starts the chain nor follows the last purge: rows were deleted from the start. */
  | "unanchored_start"
  /** A row after the first chained row carries no hash: it was written around audit(). */
  | "missing_hash";

export type ChainReport = {
  ok: boolean;
  /** Chained rows checked. */
  checked: number;
  /** Rows written before the chain existed (leading rows without a hash); not verifiable. */
  unchained: number;
  first_id: number | null;
  last_id: number | null;
  /** The newest row's hash. Record it elsewhere to detect later truncation of the newest rows. */
  head_hash: string | null;
  /** What the oldest chained row's prev_hash was checked against. */
  anchor: "genesis" | "purge" | null;
  broken: { id: number; reason: BrokenLinkReason } | null;
};

const BATCH = 1000;

/** prev_hash the oldest remaining row must carry: null (nothing was ever purged) or the last purge's anchor. */
async function expectedAnchor(tx: Executor): Promise<string | null> {
  const [purge] = await tx
    .select({ metadata: auditEvents.metadata })
    .from(auditEvents)
    .where(eq(auditEvents.action, PURGE_ACTION))
    .orderBy(desc(auditEvents.id))
    .limit(1);
  const anchor = purge?.metadata?.chain_anchor;
  return typeof anchor === "string" ? anchor : null;
}

function checkRow(row: AuditEventRow, previous: AuditEventRow | null, anchor: string | null): BrokenLinkReason | null {
  if (!row.hash) return "missing_hash";
  if (previous) {
    if (row.prevHash !== previous.hash) return "link_mismatch";
  } else if (row.prevHash !== null && row.prevHash !== anchor) {
    return "unanchored_start";
  }
  return chainHash(row.prevHash, row) === row.hash ? null : "hash_mismatch";
}

/**
 * Walks the whole chain oldest to newest in one consistent snapshot and reports the first broken link.
 * After a purge the oldest remaining row's prev_hash is the anchor, trusted because the purge recorded it
 * (`chain_anchor` in the newest audit.purge event, itself part of the chain).
 */
export async function verifyAuditChain(db?: Database): Promise<ChainReport> {
  const database = db ?? (await getDb());
  return database.transaction(
    async (tx) => {
      const anchor = await expectedAnchor(tx);
      const report: ChainReport = { ok: true, checked: 0, unchained: 0, first_id: null, last_id: null, head_hash: null, anchor: null, broken: null };
      let previous: AuditEventRow | null = null;
      let cursor = 0;
      for (;;) {
        const rows = await tx.select().from(auditEvents).where(gt(auditEvents.id, cursor)).orderBy(asc(auditEvents.id)).limit(BATCH);
        if (rows.length === 0) break;
        for (const row of rows) {
          if (!previous && !row.hash) {
            report.unchained++;
            continue;
          }
          const reason = checkRow(row, previous, anchor);
          if (reason) return { ...report, ok: false, broken: { id: row.id, reason } };
          if (!previous) {
            report.first_id = row.id;
            report.anchor = row.prevHash === null ? "genesis" : "purge";
          }
          report.checked++;
          report.last_id = row.id;
          report.head_hash = row.hash;
          previous = row;
        }
        cursor = rows[rows.length - 1].id;
      }
      return report;
    },
    { isolationLevel: "repeatable read", accessMode: "read only" },
  );
}

/** GET /api/v1/audit-events/verify: the whole chain spans every organization, so audit.view system-wide. */
export async function verifyAuditChainFor(actor: Actor): Promise<ChainReport> {
  authorize(actor, "audit.view");
  return verifyAuditChain();
}
