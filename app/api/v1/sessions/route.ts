import { api } from "@/lib/api/handler";
import { ok } from "@/lib/api/responses";
import { listOwnSessions } from "@/lib/sessions/manage";

/** GET /api/v1/sessions — the caller's own console sessions. */
export const GET = api({ permission: "authenticated" }, async ({ actor }) => ok({ data: await listOwnSessions(actor) }));
