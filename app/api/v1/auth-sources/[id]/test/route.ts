import { api } from "@/lib/api/handler";
import { ok } from "@/lib/api/responses";
import { testStoredAuthSource } from "@/lib/auth-sources/test-connection";

/** POST /api/v1/auth-sources/{id}/test — auth_sources.manage: "Test connection" → `{ ok, message, details? }`. */
export const POST = api<{ id: string }>({ permission: "auth_sources.manage" }, async ({ actor, params }) => ok(await testStoredAuthSource(actor, params.id)));
