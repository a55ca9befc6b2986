import { api } from "@/lib/api/handler";
import { created, ok } from "@/lib/api/responses";
import { createAuthSource } from "@/lib/auth-sources/mutations";
import { listAuthSources } from "@/lib/auth-sources/queries";
import type { CreateAuthSourceInput } from "@/lib/auth-sources/schema";

/** GET /api/v1/auth-sources — auth_sources.manage (or settings.view, read-only). Secrets are never returned. */
export const GET = api({ permission: "auth_sources.manage" }, async ({ actor }) => ok({ data: await listAuthSources(actor) }));

/** POST /api/v1/auth-sources — auth_sources.manage: `{ slug, name, type: "ldap"|"oidc", enabled?, position?, config, secrets? }`. */
export const POST = api({ permission: "auth_sources.manage" }, async ({ actor, json }) => {
  const source = await createAuthSource(actor, (await json()) as CreateAuthSourceInput);
  return created(source, `/api/v1/auth-sources/${source.id}`);
});
