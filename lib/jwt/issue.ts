import "server-only";
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { SignJWT } from "jose";
import { personalAccessTokens, users } from "@/db/schema";
import { audit } from "../audit/audit";
import type { Actor } from "../auth/actor";
import { getDb } from "../db";
import { forbidden, parseInput, unauthenticated, validationError } from "../errors";
import { heldPermissions } from "../tokens/access";
import { activeSigningKey } from "./keys";
import { accessTokenSchema, exchangeTokenSchema, JWT_ALGORITHM, JWT_TTL_SECONDS, JWT_TYPE, type AccessTokenDto, type ExchangeTokenInput } from "./schema";
import { isJwtActor, jwtIssuer } from "./verify";

/** Test seam (T6 interleavings under a fake clock): how issuance waits for the clock to move on. */
export const issuanceClock = { sleep: (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)) };
const MAX_WAIT_MS = 1000;

/**
 * The issue time, in milliseconds, strictly after the owner's revocation timestamp — so a token obtained after a
 * revocation always works — found by waiting for the clock rather than stamping a future time: a revocation in the
 * same millisecond as a later-stamped token would otherwise miss it. Only a revocation stamped more than a second
 * ahead (clock skew between instances) gets a token stamped just after it.
 */
async function issueTimeAfter(revokedBefore: Date | null): Promise<number> {
  const floor = revokedBefore?.getTime() ?? Number.NEGATIVE_INFINITY;
  for (let waited = 0; ; waited++) {
    const now = Date.now();
    if (now > floor) return now;
    if (waited >= MAX_WAIT_MS) return floor + 1;
    await issuanceClock.sleep(1);
  }
}

/**
 * POST /api/v1/auth/token: exchanges the Personal Access Token the actor authenticated with for an ES256 JWT valid
 * 15 minutes. The JWT carries at most the PAT's scopes (and only permissions the owner still holds); a narrower set
 * may be asked for. A JWT cannot be exchanged for another one, so its life ends with its own expiry.
 */
export async function issueAccessToken(actor: Actor, input: ExchangeTokenInput = {}): Promise<AccessTokenDto> {
  const data = parseInput(exchangeTokenSchema, input ?? {});
  if (actor.kind !== "token" || !actor.tokenId || !actor.userId || isJwtActor(actor)) {
    throw forbidden("Only a Personal Access Token can be exchanged for a JWT: send it as the Bearer token.");
  }
  const db = await getDb();
  const [row] = await db
    .select({ owner: users, patId: personalAccessTokens.id, patScopes: personalAccessTokens.scopes })
    .from(personalAccessTokens)
    .innerJoin(users, eq(users.id, personalAccessTokens.userId))
    .where(and(eq(personalAccessTokens.id, actor.tokenId), eq(personalAccessTokens.userId, actor.userId)));
  if (!row) throw unauthenticated("The token was revoked.");

  const held = heldPermissions({ isAdmin: actor.isAdmin }, actor.permissions);
  const available = row.patScopes ? held.filter((p) => row.patScopes!.includes(p)) : held;
  const beyond = (data.scopes ?? []).filter((s) => !available.includes(s as (typeof available)[number]));
  if (beyond.length) throw validationError({ scopes: [`Beyond what this token may do: ${beyond.join(", ")}.`] });
  const scope = (data.scopes ? available.filter((p) => data.scopes!.includes(p)) : available).join(" ");

  const iatMs = await issueTimeAfter(row.owner.jwtRevokedBefore);
  const iat = Math.floor(iatMs / 1000);
  const jti = randomUUID();
  const key = await activeSigningKey();
  const accessToken = await new SignJWT({ preferred_username: row.owner.username, scope, iat_ms: iatMs, pat_id: row.patId })
    .setProtectedHeader({ alg: JWT_ALGORITHM, kid: key.kid, typ: JWT_TYPE })
    .setIssuer(jwtIssuer())
    .setSubject(row.owner.id)
    .setIssuedAt(iat)
    .setExpirationTime(iat + JWT_TTL_SECONDS)
    .setJti(jti)
    .sign(key.privateKey);

  await audit(db, actor, "jwt.issue", { type: "user", id: row.owner.id, label: row.owner.username }, null, {
    metadata: { jti, pat_id: row.patId, kid: key.kid, scope_count: scope ? scope.split(" ").length : 0 },
  });
  return accessTokenSchema.parse({ access_token: accessToken, token_type: "Bearer", expires_in: JWT_TTL_SECONDS, scope });
}
