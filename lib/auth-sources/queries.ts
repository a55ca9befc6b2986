import "server-only";
import { and, asc, count, eq, inArray } from "drizzle-orm";
import { authSources, users } from "@/db/schema";
import type { Actor } from "../auth/actor";
import { getDb } from "../db";
import { env } from "../env";
import { forbidden, notFound } from "../errors";
import { isUuid } from "../ids";
import { can } from "../rbac/authorize";
import { ldapConfigSchema, oidcConfigSchema, type AuthSourceDto, type AuthSourceType, type LdapConfig, type OidcConfig, type SignInButton, type SourceSecrets } from "./schema";
import { openSecrets, secretNames } from "./secrets";

export type AuthSourceRow = typeof authSources.$inferSelect;
type Loaded<T extends AuthSourceType, C> = { id: string; slug: string; name: string; type: T; enabled: boolean; position: number; config: C; secrets: SourceSecrets };
export type LdapSource = Loaded<"ldap", LdapConfig>;
export type OidcSource = Loaded<"oidc", OidcConfig>;
export type LoadedSource = LdapSource | OidcSource;

/** A row with its config validated (defaults filled in) and its secrets decrypted; null when the config is broken. */
export function loadSource(row: AuthSourceRow): LoadedSource | null {
  const parsed = (row.type === "ldap" ? ldapConfigSchema : oidcConfigSchema).safeParse(row.config);
  if (!parsed.success) {
    console.error(`auth source ${row.slug}: stored config no longer valid; skipped`);
    return null;
  }
  const base = { id: row.id, slug: row.slug, name: row.name, enabled: row.enabled, position: row.position, secrets: openSecrets(row.slug, row.secretsEncrypted) };
  return row.type === "ldap" ? { ...base, type: "ldap", config: parsed.data as LdapConfig } : { ...base, type: "oidc", config: parsed.data as OidcConfig };
}

/** Enabled sources of one type in sign-in order (position, then slug). For sign-in only: no actor. */
export async function enabledSources<T extends AuthSourceType>(type: T): Promise<Extract<LoadedSource, { type: T }>[]> {
  const db = await getDb();
  const rows = await db.select().from(authSources).where(and(eq(authSources.enabled, true), eq(authSources.type, type))).orderBy(asc(authSources.position), asc(authSources.slug));
  return rows.map(loadSource).filter((s): s is Extract<LoadedSource, { type: T }> => s !== null);
}

/** The buttons on /login: enabled OIDC sources, label and slug only. */
export async function signInButtons(): Promise<SignInButton[]> {
  return (await enabledSources("oidc")).map((s) => ({ slug: s.slug, label: s.config.button_label }));
}

export const oidcCallbackUrl = (slug: string) => `${env.APP_URL.replace(/\/+$/, "")}/api/auth/callback/${slug}`;

export function toAuthSourceDto(row: AuthSourceRow, userCount: number): AuthSourceDto {
  const loaded = loadSource(row);
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    type: row.type,
    enabled: row.enabled,
    position: row.position,
    config: (loaded?.config ?? row.config) as LdapConfig | OidcConfig,
    secrets_set: loaded ? secretNames(loaded.secrets) : [],
    callback_url: row.type === "oidc" ? oidcCallbackUrl(row.slug) : null,
    user_count: userCount,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}

/** Reading sources needs auth_sources.manage, or settings.view for a read-only look. */
export function authorizeViewSources(actor: Actor): void {
  if (!can(actor, "auth_sources.manage") && !can(actor, "settings.view")) throw forbidden();
}

async function userCounts(slugs: string[]): Promise<Map<string, number>> {
  if (!slugs.length) return new Map();
  const db = await getDb();
  const rows = await db.select({ slug: users.authSource, n: count() }).from(users).where(inArray(users.authSource, slugs)).groupBy(users.authSource);
  return new Map(rows.map((r) => [r.slug, r.n]));
}

export async function listAuthSources(actor: Actor): Promise<AuthSourceDto[]> {
  authorizeViewSources(actor);
  const db = await getDb();
  const rows = await db.select().from(authSources).orderBy(asc(authSources.position), asc(authSources.slug));
  const counts = await userCounts(rows.map((r) => r.slug));
  return rows.map((r) => toAuthSourceDto(r, counts.get(r.slug) ?? 0));
}

export async function getAuthSource(actor: Actor, id: string): Promise<AuthSourceDto> {
  authorizeViewSources(actor);
  if (!isUuid(id)) throw notFound("Authentication source");
  const db = await getDb();
  const [row] = await db.select().from(authSources).where(eq(authSources.id, id));
  if (!row) throw notFound("Authentication source");
  return toAuthSourceDto(row, (await userCounts([row.slug])).get(row.slug) ?? 0);
}
