import { api } from "@/lib/api/handler";
import { ok } from "@/lib/api/responses";
import { clearLock, getLockStatus } from "@/lib/auth/lock-admin";

type Params = { id: string };

/** GET /api/v1/users/{id}/lock — users.view: `{ failed_login_count, locked_until, is_locked }`. */
export const GET = api<Params>({ permission: "users.view" }, async ({ actor, params }) => ok(await getLockStatus(actor, params.id)));

/** DELETE /api/v1/users/{id}/lock — users.update: clears a brute-force lock and the failure count; answers the new status. */
export const DELETE = api<Params>({ permission: "users.update" }, async ({ actor, params }) => ok(await clearLock(actor, params.id)));
