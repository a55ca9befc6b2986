import { api } from "@/lib/api/handler";
import { created, ok } from "@/lib/api/responses";
import { createOrg } from "@/lib/orgs/mutations";
import { listOrgs } from "@/lib/orgs/queries";
import type { CreateOrgInput } from "@/lib/orgs/schema";

/** GET /api/v1/orgs — orgs.view (the organizations the caller may view). `?page&limit&q&sort`. */
export const GET = api({ permission: "orgs.view" }, async ({ actor, query }) => ok(await listOrgs(actor, query)));

/** POST /api/v1/orgs `{ name, description? }` — orgs.manage. 201 + Location. */
export const POST = api({ permission: "orgs.manage" }, async ({ actor, json }) => {
  const org = await createOrg(actor, (await json()) as CreateOrgInput);
  return created(org, `/api/v1/orgs/${org.id}`);
});
