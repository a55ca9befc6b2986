import { api } from "@/lib/api/handler";
import { ok } from "@/lib/api/responses";
import { verifyAuditChainFor } from "@/lib/audit/verify";

/** GET /api/v1/audit-events/verify — audit.view system-wide. Walks the hash chain; reports the first broken link. */
export const GET = api({ permission: "audit.view" }, async ({ actor }) => ok(await verifyAuditChainFor(actor)));
