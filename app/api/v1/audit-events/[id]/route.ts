import { api } from "@/lib/api/handler";
import { ok } from "@/lib/api/responses";
import { getAuditEvent } from "@/lib/audit/queries";

/** GET /api/v1/audit-events/{id} — audit.view; events outside the caller's organizations are 404. */
export const GET = api<{ id: string }>({ permission: "audit.view" }, async ({ actor, params }) => ok(await getAuditEvent(actor, params.id)));
