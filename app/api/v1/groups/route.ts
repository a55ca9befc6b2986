import { api } from "@/lib/api/handler";
import { created, ok } from "@/lib/api/responses";
import { createGroup } from "@/lib/groups/mutations";
import { listGroups } from "@/lib/groups/queries";
import type { CreateGroupInput } from "@/lib/groups/schema";

/** GET /api/v1/groups — groups.view. `?page&limit&q&sort&org_id`, answered `{ data, total, page, limit }`. */
export const GET = api({ permission: "groups.view" }, async ({ actor, query }) => ok(await listGroups(actor, query)));

/** POST /api/v1/groups — groups.manage in `org_id` (the Default organization when omitted). 201 + Location. */
export const POST = api({ permission: "groups.manage" }, async ({ actor, json }) => {
  const group = await createGroup(actor, (await json()) as CreateGroupInput);
  return created(group, `/api/v1/groups/${group.id}`);
});
