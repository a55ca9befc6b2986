import { api } from "@/lib/api/handler";
import { ok } from "@/lib/api/responses";
import { listUsers } from "@/lib/users/queries";

/** GET /api/v1/users — users.view. `?page&limit&q&sort`, answered `{ data, total, page, limit }`. */
export const GET = api({ permission: "users.view" }, async ({ actor, query }) => ok(await listUsers(actor, query)));
