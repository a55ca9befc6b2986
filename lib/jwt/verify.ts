import "server-only";
import { and, eq } from "drizzle-orm";
import { decodeProtectedHeader, jwtVerify } from "jose";
import { personalAccessTokens, users } from "@/db/schema";
import type { Actor, RequestMeta } from "../auth/actor";
import { userActor } from "../auth/principal";
import { getDb } from "../db";
import { env } from "../env";
import { ownerMayUseTokens } from "../tokens/resolve";
import { verificationKey } from "./keys";
import { JWT_ALGORITHM, JWT_TYPE, jwtClaimsSchema } from "./schema";

const JWT_SHAPE = /^[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}$/;
const MAX_JWT_LENGTH = 8192;

/** Actors built from a JWT (not from the PAT itself): they cannot be exchanged for further JWTs. */
const jwtActors = new WeakSet<Actor>();
export const isJwtActor = (actor: Actor) => jwtActors.has(actor);

export const looksLikeJwt = (token: string) => token.length <= MAX_JWT_LENGTH && JWT_SHAPE.test(token);
export const jwtIssuer = () => new URL(env.APP_URL).origin;

/**
 * Revocation at millisecond precision (T6): a JWT issued at or before `users.jwt_revoked_before` is refused — a
 * tie counts as revoked, so same-millisecond tokens behave deterministically — and issuance never stamps a token at
 * or before the timestamp, so a token obtained after a revocation always works.
 */
export const isRevokedAt = (iatMs: number, revokedBefore: Date | null) => revokedBefore !== null && iatMs <= revokedBefore.getTime();

async function verifiedClaims(token: string, now: Date) {
  const header = decodeProtectedHeader(token);
  if (header.alg !== JWT_ALGORITHM || header.typ !== JWT_TYPE || typeof header.kid !== "string") return null;
  const key = await verificationKey(header.kid, now);
  if (!key) return null;
  const { payload } = await jwtVerify(token, key, { issuer: jwtIssuer(), algorithms: [JWT_ALGORITHM], typ: JWT_TYPE, currentDate: now });
  const claims = jwtClaimsSchema.safeParse(payload);
  return claims.success ? claims.data : null;
}

/**
 * The actor for an API JWT, or null. Beyond the signature (a published key), issuer and expiry, every request
 * re-checks the owner (active, not expired, not locked, not revoked after the token was issued) and that the PAT it
 * was exchanged for still exists and has not expired. Permissions are the owner's current ones, narrowed by `scope`.
 */
export async function resolveJwtActor(token: string, meta: RequestMeta): Promise<Actor | null> {
  if (!looksLikeJwt(token)) return null;
  const now = new Date();
  const claims = await verifiedClaims(token, now).catch(() => null);
  if (!claims) return null;
  const db = await getDb();
  const [row] = await db
    .select()
    .from(users)
    .innerJoin(personalAccessTokens, and(eq(personalAccessTokens.id, claims.pat_id), eq(personalAccessTokens.userId, users.id)))
    .where(eq(users.id, claims.sub));
  if (!row) return null;
  const { users: owner, personal_access_tokens: pat } = row;
  if (pat.expiresAt && pat.expiresAt <= now) return null;
  if (!ownerMayUseTokens(owner, now) || isRevokedAt(claims.iat_ms, owner.jwtRevokedBefore)) return null;
  const actor = await userActor(db, owner, meta, { tokenId: pat.id, scopes: claims.scope.split(" ").filter(Boolean) });
  jwtActors.add(actor);
  return actor;
}
