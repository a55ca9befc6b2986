import { api } from "@/lib/api/handler";
import { created, ok } from "@/lib/api/responses";
import { createUser } from "@/lib/users/create";
import { listUsers } from "@/lib/users/queries";
import type { CreateUserInput } from "@/lib/users/schema";

/** GET /api/v1/users — users.view. `?page&limit&q&sort&status&is_service_account&is_admin&auth_source&group_id&org_id`. */
export const GET = api({ permission: "users.view" }, async ({ actor, query }) => ok(await listUsers(actor, query)));

/** POST /api/v1/users — users.create (is_admin: super-admin only). 201 + Location. */
export const POST = api({ permission: "users.create" }, async ({ actor, json }) => {
  const user = await createUser(actor, (await json()) as CreateUserInput);
  return created(user, `/api/v1/users/${user.id}`);
});
