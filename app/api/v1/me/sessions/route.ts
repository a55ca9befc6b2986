import { api } from "@/lib/api/handler";
import { noContent, ok } from "@/lib/api/responses";
import { listOwnSessions, signOutOtherSessions } from "@/lib/profile/sessions";

/** GET /api/v1/me/sessions — authenticated: the caller's sessions (`current` marks the one making the request). */
export const GET = api({ permission: "authenticated" }, async ({ actor }) => ok({ data: await listOwnSessions(actor) }));

/** DELETE /api/v1/me/sessions — authenticated: signs out every other session (all of them when called with a token). 204. */
export const DELETE = api({ permission: "authenticated" }, async ({ actor }) => {
  await signOutOtherSessions(actor);
  return noContent();
});
