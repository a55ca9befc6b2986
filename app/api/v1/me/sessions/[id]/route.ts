import { api } from "@/lib/api/handler";
import { noContent } from "@/lib/api/responses";
import { signOutOwnSession } from "@/lib/profile/sessions";

/** DELETE /api/v1/me/sessions/{id} — authenticated: signs out one of the caller's sessions; others' are 404. 204. */
export const DELETE = api<{ id: string }>({ permission: "authenticated" }, async ({ actor, params }) => {
  await signOutOwnSession(actor, params.id);
  return noContent();
});
