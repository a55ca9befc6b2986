import { api } from "@/lib/api/handler";
import { noContent } from "@/lib/api/responses";
import { revokeSession } from "@/lib/sessions/manage";

/** DELETE /api/v1/sessions/{sid} — one of your own sessions, or users.revoke_sessions on its owner. 204; unknown → 404. */
export const DELETE = api<{ sid: string }>({ permission: "users.revoke_sessions" }, async ({ actor, params }) => {
  await revokeSession(actor, params.sid);
  return noContent();
});
