import "server-only";
import { count, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { authSources, users } from "@/db/schema";
import { audit } from "../audit/audit";
import { diffChanges } from "../audit/diff";
import type { Actor } from "../auth/actor";
import { getDb, isUniqueViolation } from "../db";
import { conflict, notFound, parseInput, validationError } from "../errors";
import { isUuid } from "../ids";
import { authorize } from "../rbac/authorize";
import { parseUserFilter } from "./ldap";
import { loadSource, toAuthSourceDto, type AuthSourceRow } from "./queries";
import {
  createAuthSourceSchema,
  ldapConfigSchema,
  oidcConfigSchema,
  updateAuthSourceSchema,
  type AuthSourceDto,
  type CreateAuthSourceInput,
  type UpdateAuthSourceInput,
} from "./schema";
import { mergeSecrets, sealSecrets, secretNames } from "./secrets";

/** What audit diffs record: settings flattened, secrets only by name. */
function snapshot(row: Pick<AuthSourceRow, "name" | "enabled" | "position" | "config">, secrets: string[]): Record<string, unknown> {
  const config = Object.fromEntries(Object.entries(row.config).map(([k, v]) => [`config.${k}`, v]));
  return { name: row.name, enabled: row.enabled, position: row.position, ...config, stored_credentials: secrets };
}

function assertLdapFilter(type: string, config: Record<string, unknown>): void {
  if (type !== "ldap") return;
  try {
    parseUserFilter(String(config.user_filter ?? ""));
  } catch {
    throw validationError({ "config.user_filter": ["This is not a valid LDAP filter, e.g. (objectClass=inetOrgPerson)."] });
  }
}

/** Validates a whole config of a type; field errors are named as in the form (config.url …). */
export function parseConfig(type: string, value: unknown): Record<string, unknown> {
  const result = (type === "ldap" ? ldapConfigSchema : oidcConfigSchema).safeParse(value);
  if (!result.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of result.error.issues) (fieldErrors[["config", ...issue.path.map(String)].join(".")] ??= []).push(issue.message);
    throw validationError(fieldErrors);
  }
  assertLdapFilter(type, result.data);
  return result.data;
}

const target = (row: Pick<AuthSourceRow, "id" | "slug">) => ({ type: "auth_source", id: row.id, label: row.slug });

export async function createAuthSource(actor: Actor, input: CreateAuthSourceInput): Promise<AuthSourceDto> {
  authorize(actor, "auth_sources.manage");
  const data = parseInput(createAuthSourceSchema, input);
  assertLdapFilter(data.type, data.config);
  const db = await getDb();
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(authSources)
        .values({ slug: data.slug, name: data.name, type: data.type, enabled: data.enabled, position: data.position, config: data.config, secretsEncrypted: sealSecrets(data.slug, data.secrets) })
        .returning();
      await audit(tx, actor, "auth_source.create", target(row), diffChanges(null, snapshot(row, secretNames(data.secrets))), { metadata: { type: row.type } });
      const [{ n }] = await tx.select({ n: count() }).from(users).where(eq(users.authSource, row.slug));
      return toAuthSourceDto(row, n);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(`An authentication source with the slug "${data.slug}" already exists.`);
    throw error;
  }
}

async function lockedRow(tx: Executor, id: string): Promise<AuthSourceRow> {
  if (!isUuid(id)) throw notFound("Authentication source");
  const [row] = await tx.select().from(authSources).where(eq(authSources.id, id)).for("update");
  if (!row) throw notFound("Authentication source");
  return row;
}

/** PATCH: the slug and type never change (users' auth_source points at the slug). Secrets left empty are kept. */
export async function updateAuthSource(actor: Actor, id: string, input: UpdateAuthSourceInput): Promise<AuthSourceDto> {
  authorize(actor, "auth_sources.manage");
  const data = parseInput(updateAuthSourceSchema, input);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const row = await lockedRow(tx, id);
    const stored = loadSource(row);
    const config = data.config ? parseConfig(row.type, { ...(stored?.config ?? row.config), ...data.config }) : (stored?.config ?? row.config);
    const secrets = mergeSecrets(stored?.secrets ?? {}, data.secrets);
    const replaced = secretNames(data.secrets ?? {});
    const [updated] = await tx
      .update(authSources)
      .set({
        name: data.name ?? row.name,
        enabled: data.enabled ?? row.enabled,
        position: data.position ?? row.position,
        config,
        secretsEncrypted: replaced.length ? sealSecrets(row.slug, secrets) : row.secretsEncrypted,
        updatedAt: new Date(),
      })
      .where(eq(authSources.id, row.id))
      .returning();
    await audit(tx, actor, "auth_source.update", target(row), diffChanges(snapshot(row, secretNames(stored?.secrets ?? {})), snapshot(updated, secretNames(secrets))), {
      metadata: replaced.length ? { rotated: replaced } : undefined,
    });
    const [{ n }] = await tx.select({ n: count() }).from(users).where(eq(users.authSource, row.slug));
    return toAuthSourceDto(updated, n);
  });
}

/** Refused (409) while users come from the source: disable it instead, so nobody is orphaned. */
export async function deleteAuthSource(actor: Actor, id: string): Promise<void> {
  authorize(actor, "auth_sources.manage");
  const db = await getDb();
  await db.transaction(async (tx) => {
    const row = await lockedRow(tx, id);
    const [{ n }] = await tx.select({ n: count() }).from(users).where(eq(users.authSource, row.slug));
    if (n > 0) throw conflict(`${n} user${n === 1 ? "" : "s"} sign${n === 1 ? "s" : ""} in through "${row.slug}". Disable the source instead, or remove those users first.`);
    await tx.delete(authSources).where(eq(authSources.id, row.id));
    await audit(tx, actor, "auth_source.delete", target(row), diffChanges(snapshot(row, []), null), { metadata: { type: row.type } });
  });
}
