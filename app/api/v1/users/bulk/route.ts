import { api } from "@/lib/api/handler";
import { ok } from "@/lib/api/responses";
import { bulkUpdateUsers } from "@/lib/users/bulk";
import type { BulkUsersInput } from "@/lib/users/schema";

/** POST /api/v1/users/bulk — `{ action: activate|deactivate|delete, user_ids }` → a result per user. */
export const POST = api({ permission: "users.update" }, async ({ actor, json }) => ok({ results: await bulkUpdateUsers(actor, (await json()) as BulkUsersInput) }));
