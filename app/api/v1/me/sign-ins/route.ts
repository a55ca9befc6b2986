import { api } from "@/lib/api/handler";
import { ok } from "@/lib/api/responses";
import { listOwnSignIns } from "@/lib/profile/sign-ins";

/** GET /api/v1/me/sign-ins — authenticated: the caller's latest sign-ins and failed attempts (`?limit`, max 50). */
export const GET = api({ permission: "authenticated" }, async ({ actor, query }) => ok({ data: await listOwnSignIns(actor, Number(query.limit) || 10) }));
