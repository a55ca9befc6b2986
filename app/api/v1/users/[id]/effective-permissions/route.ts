import { api } from "@/lib/api/handler";
import { ok } from "@/lib/api/responses";
import { getEffectivePermissions } from "@/lib/rbac/effective";

/** GET /api/v1/users/{id}/effective-permissions — yourself, or users.view + roles.view. Each permission with every path that grants it. */
export const GET = api<{ id: string }>({ permission: "roles.view" }, async ({ actor, params }) => ok(await getEffectivePermissions(actor, params.id)));
