import { api } from "@/lib/api/handler";
import { ok } from "@/lib/api/responses";
import { listUserSessions, revokeUserSessions } from "@/lib/sessions/manage";

type Params = { id: string };

/** GET /api/v1/users/{id}/sessions — users.view (or yourself): live sessions with ip, user agent, source, times. */
export const GET = api<Params>({ permission: "users.view" }, async ({ actor, params }) => ok({ data: await listUserSessions(actor, params.id) }));

/** DELETE /api/v1/users/{id}/sessions — "Revoke all IdP sessions": users.revoke_sessions (or yourself). `{ revoked }`. */
export const DELETE = api<Params>({ permission: "users.revoke_sessions" }, async ({ actor, params }) => ok(await revokeUserSessions(actor, params.id)));
