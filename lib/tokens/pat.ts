import "server-only";
import { and, desc, eq } from "drizzle-orm";
import { orgMembers, personalAccessTokens, users, type PersonalAccessTokenRow } from "@/db/schema";
import { audit } from "../audit/audit";
import type { Actor } from "../auth/actor";
import { randomBase62, sha256Hex } from "../crypto/random";
import { getDb } from "../db";
import { notFound, parseInput, validationError } from "../errors";
import { isUuid } from "../ids";
import { authorize } from "../rbac/authorize";
import type { Permission } from "../rbac/permissions";
import { resolvePermissions } from "../rbac/resolve";
import { createTokenSchema, PAT_PREFIX, type CreateTokenInput, type CreatedToken, type TokenDto } from "./schema";

const iso = (d: Date | null) => (d ? d.toISOString() : null);

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

/**
 * Issues a Personal Access Token for a user; the token is returned once and only its sha256 is stored.
 * People create their own; creating one for someone else needs users.manage_tokens. Scopes never exceed
 * what the owner holds, nor what the acting token may do.
 */
export async function createPersonalAccessToken(actor: Actor, userId: string, input: CreateTokenInput): Promise<CreatedToken> {
  const data = parseInput(createTokenSchema, input);
  const db = await getDb();
  if (!isUuid(userId)) throw notFound("User");
  const [owner] = await db.select().from(users).where(eq(users.id, userId));
  if (!owner) throw notFound("User");
  const isSelf = actor.kind === "user" && actor.userId === userId;
  if (!isSelf) {
    const memberships = await db.select({ orgId: orgMembers.orgId }).from(orgMembers).where(eq(orgMembers.userId, userId));
    authorize(actor, "users.manage_tokens", { orgIds: memberships.map((m) => m.orgId) });
  }

  let scopes: string[] | null = data.scopes ? [...new Set(data.scopes)] : null;
  if (actor.tokenScopes) scopes = scopes ?? [...actor.tokenScopes];
  if (scopes) {
    const held = await resolvePermissions(db, owner.id);
    const ownerHolds = (p: string) =>
      owner.isAdmin || held.system.has(p as Permission) || [...held.orgs.values()].some((set) => set.has(p as Permission));
    const beyond = scopes.filter((s) => !ownerHolds(s) || (actor.tokenScopes && !actor.tokenScopes.includes(s)));
    if (beyond.length) throw validationError({ scopes: [`Beyond what the token's owner may do: ${beyond.join(", ")}.`] });
  }

  const token = generatePat();
  const expiresAt = new Date(Date.now() + data.expires_in_days * 86_400_000);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(personalAccessTokens)
      .values({
        userId: owner.id,
        name: data.name,
        tokenHash: sha256Hex(token),
        prefix: token.slice(0, PAT_PREFIX.length + 6),
        scopes,
        expiresAt,
        createdBy: actor.userId,
      })
      .returning();
    await audit(tx, actor, "token.create", { type: "user", id: owner.id, label: owner.username }, null, {
      metadata: { token_id: row.id, name: row.name, prefix: row.prefix, scopes, expires_at: expiresAt.toISOString() },
    });
    return { ...toTokenDto(row), token };
  });
}

/** A user's tokens (never the secret): their own, or anyone's with users.manage_tokens. Built-in tokens are not listed. */
export async function listPersonalAccessTokens(actor: Actor, userId: string): Promise<TokenDto[]> {
  const db = await getDb();
  if (!isUuid(userId)) throw notFound("User");
  const [owner] = await db.select({ id: users.id }).from(users).where(eq(users.id, userId));
  if (!owner) throw notFound("User");
  if (!(actor.kind === "user" && actor.userId === userId)) {
    const memberships = await db.select({ orgId: orgMembers.orgId }).from(orgMembers).where(eq(orgMembers.userId, userId));
    authorize(actor, "users.manage_tokens", { orgIds: memberships.map((m) => m.orgId) });
  }
  const rows = await db
    .select()
    .from(personalAccessTokens)
    .where(and(eq(personalAccessTokens.userId, userId), eq(personalAccessTokens.isBuiltin, false)))
    .orderBy(desc(personalAccessTokens.createdAt));
  return rows.map(toTokenDto);
}
