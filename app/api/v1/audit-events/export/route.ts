import { api } from "@/lib/api/handler";
import { exportAuditEventsCsv } from "@/lib/audit/export";

/** GET /api/v1/audit-events/export — audit.view. The list's filters, as a streamed CSV download (formulas neutralised). */
export const GET = api({ permission: "audit.view" }, async ({ actor, query }) => {
  const stream = await exportAuditEventsCsv(actor, query);
  const stamp = new Date().toISOString().slice(0, 19).replace(/[-:]/g, "").replace("T", "-");
  return new Response(stream, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="audit-events-${stamp}.csv"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
});
