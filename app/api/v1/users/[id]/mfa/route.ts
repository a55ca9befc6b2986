import { api } from "@/lib/api/handler";
import { noContent, ok } from "@/lib/api/responses";
import { getUserMfa, resetUserMfa } from "@/lib/mfa/admin";

type Params = { id: string };

/** GET /api/v1/users/{id}/mfa — users.view: effective policy (and why), enrolled methods, usable methods. */
export const GET = api<Params>({ permission: "users.view" }, async ({ actor, params }) => ok(await getUserMfa(actor, params.id)));

/** DELETE /api/v1/users/{id}/mfa — users.reset_mfa: removes every second factor of the user; audited. */
export const DELETE = api<Params>({ permission: "users.reset_mfa" }, async ({ actor, params }) => {
  await resetUserMfa(actor, params.id);
  return noContent();
});
