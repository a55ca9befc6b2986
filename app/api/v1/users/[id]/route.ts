import { api } from "@/lib/api/handler";
import { ok } from "@/lib/api/responses";
import { getUser } from "@/lib/users/queries";

/** GET /api/v1/users/{id} — users.view. */
export const GET = api<{ id: string }>({ permission: "users.view" }, async ({ actor, params }) => ok(await getUser(actor, params.id)));
