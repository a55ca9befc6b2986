import { api } from "@/lib/api/handler";
import { noContent } from "@/lib/api/responses";
import { revokeUserJwts } from "@/lib/sessions/manage";

/**
 * DELETE /api/v1/users/{id}/jwt-revocations — "Revoke all JWT tokens": users.revoke_sessions (or yourself).
 * Stores jwt_revoked_before = now; every JWT issued before it (the console session included) is refused. 204.
 */
export const DELETE = api<{ id: string }>({ permission: "users.revoke_sessions" }, async ({ actor, params }) => {
  await revokeUserJwts(actor, params.id);
  return noContent();
});
