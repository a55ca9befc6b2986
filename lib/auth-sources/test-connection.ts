import "server-only";
import { eq } from "drizzle-orm";
import { authSources } from "@/db/schema";
import { audit } from "../audit/audit";
import type { Actor } from "../auth/actor";
import { getDb } from "../db";
import { notFound, parseInput, validationError } from "../errors";
import { isUuid } from "../ids";
import { authorize } from "../rbac/authorize";
import { testLdapConnection } from "./ldap";
import { parseConfig } from "./mutations";
import { testOidcDiscovery } from "./oidc";
import { loadSource } from "./queries";
import { testAuthSourceSchema, type ConnectionTestResult, type LdapConfig, type OidcConfig, type TestAuthSourceInput } from "./schema";
import { mergeSecrets } from "./secrets";

async function storedSource(id: string) {
  if (!isUuid(id)) throw notFound("Authentication source");
  const db = await getDb();
  const [row] = await db.select().from(authSources).where(eq(authSources.id, id));
  if (!row) throw notFound("Authentication source");
  return row;
}

/**
 * "Test connection" (auth_sources.manage) for the form as it is (a draft) or a stored source: blank secrets in a
 * draft of a stored source use the stored ones. It only reads from the peer; the attempt is audited.
 */
export async function testAuthSourceConnection(actor: Actor, input: TestAuthSourceInput): Promise<ConnectionTestResult> {
  authorize(actor, "auth_sources.manage");
  const data = parseInput(testAuthSourceSchema, input);
  const row = data.id ? await storedSource(data.id) : null;
  if (row && row.type !== data.type) throw validationError({ type: ["The type of a source cannot change."] });
  const stored = row ? loadSource(row) : null;
  const secrets = mergeSecrets(stored?.secrets ?? {}, data.secrets);

  const config = parseConfig(data.type, data.config);
  const result: ConnectionTestResult = data.type === "ldap" ? await testLdapConnection(config as LdapConfig, secrets) : await testOidcDiscovery(config as OidcConfig);
  await audit(await getDb(), actor, "auth_source.test", row ? { type: "auth_source", id: row.id, label: row.slug } : { type: "auth_source", label: "draft" }, null, {
    outcome: result.ok ? "success" : "failure",
    metadata: { type: data.type, message: result.message.slice(0, 500) },
  });
  return result;
}

/** POST /api/v1/auth-sources/{id}/test: the stored source as saved. */
export async function testStoredAuthSource(actor: Actor, id: string): Promise<ConnectionTestResult> {
  authorize(actor, "auth_sources.manage");
  const row = await storedSource(id);
  return testAuthSourceConnection(actor, { id: row.id, type: row.type, config: row.config, secrets: {} });
}
