import { api } from "@/lib/api/handler";
import { ok } from "@/lib/api/responses";
import { listAuditEvents } from "@/lib/audit/queries";

/**
 * GET /api/v1/audit-events — audit.view (system-wide: everything; per organization: that organization's events).
 * `?page&limit&actor&action&target_type&target&outcome&from&to&org_id`, newest first. The log is read-only:
 * there is no write method on any audit route.
 */
export const GET = api({ permission: "audit.view" }, async ({ actor, query }) => ok(await listAuditEvents(actor, query)));
