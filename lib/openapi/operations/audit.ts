import { z } from "zod";
import { auditEventSchema, auditFiltersSchema, listAuditEventsQuerySchema } from "../../audit/schema";
import { named, type Operation } from "../operation";
import { pageOf } from "../schemas";

const tag = "Audit";
const chainReport = z.looseObject({
  ok: z.boolean(),
  checked: z.number().int(),
  unchained: z.number().int(),
  first_id: z.number().int().nullable(),
  last_id: z.number().int().nullable(),
  head_hash: z.string().nullable(),
  anchor: z.enum(["genesis", "purge"]).nullable(),
  broken: z.looseObject({ id: z.number().int(), reason: z.string() }).nullable(),
});

export const auditOperations: Operation[] = [
  { method: "get", path: "/audit-events", tag, permission: "audit.view", summary: "List audit events", description: "Newest first. System-wide audit.view sees everything; per organization, that organization's events. The log is read-only.", query: listAuditEventsQuerySchema, success: { status: 200, schema: named("AuditEventPage", pageOf(auditEventSchema)) } },
  { method: "get", path: "/audit-events/export", tag, permission: "audit.view", summary: "Export audit events as CSV", description: "The list's filters; formulas neutralised.", query: auditFiltersSchema, success: { status: 200, contentType: "text/csv", schema: named("AuditCsv", z.string()) } },
  { method: "get", path: "/audit-events/verify", tag, permission: "audit.view", summary: "Verify the audit hash chain", description: "System-wide audit.view. Reports the first broken link.", success: { status: 200, schema: named("AuditChainReport", chainReport) } },
  { method: "get", path: "/audit-events/{id}", tag, permission: "audit.view", summary: "Get an audit event", success: { status: 200, schema: named("AuditEvent", auditEventSchema) } },
];
