import { z } from "zod";
import { AUTH_SOURCE_TYPES, createAuthSourceSchema, ldapConfigSchema, oidcConfigSchema, updateAuthSourceSchema } from "../../auth-sources/schema";
import { named, type Operation } from "../operation";

const tag = "Authentication sources";
const source = named(
  "AuthSource",
  z.looseObject({
    id: z.guid(),
    slug: z.string(),
    name: z.string(),
    type: z.enum(AUTH_SOURCE_TYPES),
    enabled: z.boolean(),
    position: z.number().int(),
    config: z.union([ldapConfigSchema, oidcConfigSchema]),
    secrets_set: z.array(z.string()).describe("Which write-only secrets are stored; their values never leave the server."),
    callback_url: z.string().nullable(),
    user_count: z.number().int(),
    created_at: z.iso.datetime(),
    updated_at: z.iso.datetime(),
  }),
);
const IN_USE = { status: 409 as const, description: "The slug is taken, or users still come from the source." };

export const authSourceOperations: Operation[] = [
  { method: "get", path: "/auth-sources", tag, permission: "auth_sources.manage", summary: "List authentication sources", description: "auth_sources.manage, or settings.view (read-only). Secrets are never returned.", success: { status: 200, schema: named("AuthSourceList", z.object({ data: z.array(source.schema) })) } },
  { method: "post", path: "/auth-sources", tag, permission: "auth_sources.manage", summary: "Add an LDAP or OIDC source", body: named("CreateAuthSourceInput", createAuthSourceSchema), success: { status: 201, schema: source }, errors: [IN_USE] },
  { method: "get", path: "/auth-sources/{id}", tag, permission: "auth_sources.manage", summary: "Get an authentication source", success: { status: 200, schema: source } },
  { method: "patch", path: "/auth-sources/{id}", tag, permission: "auth_sources.manage", summary: "Update an authentication source", description: "slug and type are fixed; config is merged over the stored one.", body: named("UpdateAuthSourceInput", updateAuthSourceSchema), success: { status: 200, schema: source } },
  { method: "delete", path: "/auth-sources/{id}", tag, permission: "auth_sources.manage", summary: "Delete an authentication source", success: { status: 204 }, errors: [IN_USE] },
  { method: "post", path: "/auth-sources/{id}/test", tag, permission: "auth_sources.manage", summary: "Test the connection", success: { status: 200, schema: named("ConnectionTestResult", z.looseObject({ ok: z.boolean(), message: z.string(), details: z.record(z.string(), z.unknown()).optional() })) } },
];
