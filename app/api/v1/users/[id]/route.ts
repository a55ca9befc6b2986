import { api } from "@/lib/api/handler";
import { noContent, ok } from "@/lib/api/responses";
import { deleteUser } from "@/lib/users/delete";
import { getUser } from "@/lib/users/queries";
import type { UpdateUserInput } from "@/lib/users/schema";
import { updateUser } from "@/lib/users/update";

type Params = { id: string };

/** GET /api/v1/users/{id} — users.view. */
export const GET = api<Params>({ permission: "users.view" }, async ({ actor, params }) => ok(await getUser(actor, params.id)));

/** PATCH /api/v1/users/{id} — users.update (is_admin: super-admin only). */
export const PATCH = api<Params>({ permission: "users.update" }, async ({ actor, params, json }) =>
  ok(await updateUser(actor, params.id, (await json()) as UpdateUserInput)),
);

/** DELETE /api/v1/users/{id} — users.delete. 204; 409 for protected users. */
export const DELETE = api<Params>({ permission: "users.delete" }, async ({ actor, params }) => {
  await deleteUser(actor, params.id);
  return noContent();
});
