import "server-only";
import { and, eq, isNull, lt, or } from "drizzle-orm";
import { personalAccessTokens, users, type UserRow } from "@/db/schema";
import type { Actor, RequestMeta } from "../auth/actor";
import { userActor } from "../auth/principal";
import { sha256Hex } from "../crypto/random";
import { getDb } from "../db";
import { PAT_PATTERN } from "./schema";

/** Inactive, expired or locked users cannot use any token (PAT or JWT). */
export function ownerMayUseTokens(owner: Pick<UserRow, "isActive" | "dateExpired" | "lockedUntil">, now: Date): boolean {
  if (!owner.isActive || (owner.dateExpired && owner.dateExpired <= now)) return false;
  return !(owner.lockedUntil && owner.lockedUntil > now);
}

/** last_used_* is written at most once a minute per token, never on every request. */
const LAST_USED_DEBOUNCE_MS = 60_000;

/**
 * The actor for a Personal Access Token, or null. Every use re-checks the token (expiry: refused from the instant
 * `expires_at` is reached) and its owner (active, not expired, not locked).
 *
 * `users.jwt_revoked_before` does NOT end PATs, by design: it revokes what a sign-in or a token exchange handed out
 * (sessions and JWTs), and it moves on every password change or reset — which must not break a service's
 * integration. A PAT is a separately managed credential: it ends when it is revoked (deleted), when it expires, or
 * when its owner is deactivated, expired, locked or deleted. The JWTs exchanged for it do honour the timestamp.
 */
export async function resolvePatActor(token: string, meta: RequestMeta): Promise<Actor | null> {
  if (!PAT_PATTERN.test(token)) return null;
  const db = await getDb();
  const [row] = await db
    .select()
    .from(personalAccessTokens)
    .innerJoin(users, eq(users.id, personalAccessTokens.userId))
    .where(eq(personalAccessTokens.tokenHash, sha256Hex(token)));
  if (!row) return null;
  const { personal_access_tokens: pat, users: owner } = row;
  const now = new Date();
  if (pat.expiresAt && pat.expiresAt <= now) return null;
  if (!ownerMayUseTokens(owner, now)) return null;

  if (!pat.lastUsedAt || now.getTime() - pat.lastUsedAt.getTime() > LAST_USED_DEBOUNCE_MS) {
    await db
      .update(personalAccessTokens)
      .set({ lastUsedAt: now, lastUsedIp: meta.ip })
      .where(
        and(
          eq(personalAccessTokens.id, pat.id),
          or(isNull(personalAccessTokens.lastUsedAt), lt(personalAccessTokens.lastUsedAt, new Date(now.getTime() - LAST_USED_DEBOUNCE_MS))),
        ),
      );
  }
  return userActor(db, owner, meta, { tokenId: pat.id, scopes: pat.scopes });
}
