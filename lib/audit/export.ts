import "server-only";
import { and, desc, lt } from "drizzle-orm";
import { auditEvents } from "@/db/schema";
import type { Actor } from "../auth/actor";
import { getDb } from "../db";
import { parseInput } from "../errors";
import { authorizeAnywhere } from "../rbac/authorize";
import { audit } from "./audit";
import { csvRow } from "./csv";
import { toAuditEventDto } from "./dto";
import { AUDIT_CSV_COLUMNS, auditFiltersSchema } from "./schema";
import { auditWhere } from "./queries";

const BATCH = 500;

/**
 * The filtered audit log as CSV, newest first, streamed: each pull reads the next batch after a keyset cursor
 * (id), so memory stays flat however many rows match. The export itself is audited before the first byte.
 */
export async function exportAuditEventsCsv(actor: Actor, query: Record<string, unknown>): Promise<ReadableStream<Uint8Array>> {
  const filters = parseInput(auditFiltersSchema, query);
  const scope = authorizeAnywhere(actor, "audit.view");
  const db = await getDb();
  await audit(db, actor, "audit.export", { type: "audit_log", label: "Audit log" }, null, {
    metadata: { format: "csv", filters: Object.fromEntries(Object.entries(query).filter(([key]) => key in auditFiltersSchema.shape)) },
  });
  const where = auditWhere(scope, filters);
  const encoder = new TextEncoder();
  let cursor: number | null = null;

  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(csvRow(AUDIT_CSV_COLUMNS)));
    },
    async pull(controller) {
      const rows = await db
        .select()
        .from(auditEvents)
        .where(cursor === null ? where : and(where, lt(auditEvents.id, cursor)))
        .orderBy(desc(auditEvents.id))
        .limit(BATCH);
      if (rows.length === 0) return controller.close();
      const chunk = rows.map((row) => {
        const dto = toAuditEventDto(row);
        return csvRow(AUDIT_CSV_COLUMNS.map((column) => dto[column]));
      });
      controller.enqueue(encoder.encode(chunk.join("")));
      cursor = rows[rows.length - 1].id;
    },
  });
}
