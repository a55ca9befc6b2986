import "server-only";
import { and, count, desc, eq } from "drizzle-orm";
import { personalAccessTokens, type PersonalAccessTokenRow } from "@/db/schema";
import { audit } from "../audit/audit";
import type { Actor } from "../auth/actor";
import { randomBase62, sha256Hex } from "../crypto/random";
import { getDb } from "../db";
import { forbidden, parseInput, validationError } from "../errors";
import type { Permission } from "../rbac/permissions";
import { resolvePermissions } from "../rbac/resolve";
import { getSettings } from "../settings/settings";
import { assertNotControlPlane, heldPermissions, loadTokenOwner, permissionsBeyondActor } from "./access";
import {
  createTokenSchema,
  listTokensQuerySchema,
  PAT_PREFIX,
  TOKEN_DEFAULT_DAYS,
  type CreateTokenInput,
  type CreatedToken,
  type ListTokensQuery,
  type TokenDto,
  type TokenPage,
} from "./schema";

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const DAY_MS = 86_400_000;

export function toTokenDto(row: PersonalAccessTokenRow): TokenDto {
  return {
    id: row.id,
    user_id: row.userId,
    name: row.name,
    prefix: row.prefix,
    scopes: row.scopes,
    expires_at: iso(row.expiresAt),
    last_used_at: iso(row.lastUsedAt),
    last_used_ip: row.lastUsedIp,
    created_at: row.createdAt.toISOString(),
  };
}

/** A new token: `gth_pat_` + 43 base62 characters (256 bits). */
export const generatePat = () => PAT_PREFIX + randomBase62(43);
/** What lists show and secret scanners match: `gth_pat_` + 6 characters. */
export const patDisplayPrefix = (token: string) => token.slice(0, PAT_PREFIX.length + 6);

/**
 * Issues a Personal Access Token; the token is returned once and only its sha256 is stored.
 * People create their own; creating one for someone else needs users.manage_tokens, and the token may do nothing
 * the actor could not do themselves. Scopes never exceed what the owner holds, nor what the acting token may do.
 * Expiry: 1 day up to the `tokens.max_days` setting.
 */
export async function createPersonalAccessToken(actor: Actor, userId: string, input: CreateTokenInput): Promise<CreatedToken> {
  const data = parseInput(createTokenSchema, input);
  const db = await getDb();
  const { owner, self } = await loadTokenOwner(db, actor, userId);
  assertNotControlPlane(owner);

  const { tokens: limits } = await getSettings(db);
  if (data.expires_in_days !== undefined && data.expires_in_days > limits.max_days) {
    throw validationError({ expires_in_days: [`At most ${limits.max_days} days (the configured maximum).`] });
  }
  const days = data.expires_in_days ?? Math.min(TOKEN_DEFAULT_DAYS, limits.max_days);

  const held = await resolvePermissions(db, owner.id);
  const ownerHolds = new Set<string>(heldPermissions(owner, held));
  // A scoped token never mints an unscoped one: omitted scopes inherit the acting token's (those the owner holds).
  const inherited = actor.tokenScopes ? actor.tokenScopes.filter((s) => ownerHolds.has(s)) : null;
  const scopes: string[] | null = data.scopes ? [...new Set(data.scopes)] : inherited;
  if (scopes) {
    const beyond = scopes.filter((s) => !ownerHolds.has(s) || (actor.tokenScopes && !actor.tokenScopes.includes(s)));
    if (beyond.length) throw validationError({ scopes: [`Beyond what the token's owner may do: ${beyond.join(", ")}.`] });
  }
  if (!self) {
    const effective = (scopes ?? [...ownerHolds]) as Permission[];
    const beyondActor = permissionsBeyondActor(actor, owner, held, effective);
    if (beyondActor.length) throw forbidden(`This token could do what you cannot do yourself: ${beyondActor.join(", ")}. Narrow its scopes.`);
  }

  const token = generatePat();
  const expiresAt = new Date(Date.now() + days * DAY_MS);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(personalAccessTokens)
      .values({ userId: owner.id, name: data.name, tokenHash: sha256Hex(token), prefix: patDisplayPrefix(token), scopes, expiresAt, createdBy: actor.userId })
      .returning();
    await audit(tx, actor, "token.create", { type: "user", id: owner.id, label: owner.username }, null, {
      metadata: { pat_id: row.id, name: row.name, prefix: row.prefix, scopes, expires_at: expiresAt.toISOString() },
    });
    return { ...toTokenDto(row), token };
  });
}

/** A user's tokens, newest first (never the secret): their own, or anyone's they manage. Built-in tokens are never listed. */
export async function listPersonalAccessTokens(actor: Actor, userId: string, query: ListTokensQuery = {}): Promise<TokenPage> {
  const { page, limit } = parseInput(listTokensQuerySchema, query);
  const db = await getDb();
  const { owner } = await loadTokenOwner(db, actor, userId);
  const where = and(eq(personalAccessTokens.userId, owner.id), eq(personalAccessTokens.isBuiltin, false));
  const [rows, [{ total }]] = await Promise.all([
    db
      .select()
      .from(personalAccessTokens)
      .where(where)
      .orderBy(desc(personalAccessTokens.createdAt), desc(personalAccessTokens.id))
      .limit(limit)
      .offset((page - 1) * limit),
    db.select({ total: count() }).from(personalAccessTokens).where(where),
  ]);
  return { data: rows.map(toTokenDto), total: Number(total), page, limit };
}
