import "server-only";
import { and, desc, eq, gt } from "drizzle-orm";
import { sessions, users, type SessionRow } from "@/db/schema";
import { audit } from "../audit/audit";
import type { Actor } from "../auth/actor";
import { getDb } from "../db";
import { notFound } from "../errors";
import { isUuid } from "../ids";
import { getSettings } from "../settings/settings";
import { getUser } from "../users/queries";
import type { JwtRevocation, RevokedSessions, SessionDto } from "./schema";
import { isSelf, loadTargetUser } from "./target";

export function toSessionDto(row: SessionRow, actor?: Actor): SessionDto {
  return {
    id: row.id,
    user_id: row.userId,
    stage: row.stage,
    auth_source: row.authSource,
    methods: row.methods,
    ip: row.ip,
    user_agent: row.userAgent,
    created_at: row.createdAt.toISOString(),
    last_seen_at: row.lastSeenAt.toISOString(),
    expires_at: row.expiresAt.toISOString(),
    current: !!actor?.sessionId && actor.sessionId === row.id,
  };
}

/** The user's sessions that still count (not past their lifetime or idle limit), newest first. */
async function liveSessions(userId: string): Promise<SessionRow[]> {
  const db = await getDb();
  const { sessions: limits } = await getSettings(db);
  const now = Date.now();
  return db
    .select()
    .from(sessions)
    .where(and(eq(sessions.userId, userId), gt(sessions.expiresAt, new Date(now)), gt(sessions.lastSeenAt, new Date(now - limits.idle_minutes * 60_000))))
    .orderBy(desc(sessions.lastSeenAt));
}

/** GET /api/v1/users/{id}/sessions: yourself, or a user you can view (users.view). */
export async function listUserSessions(actor: Actor, userId: string): Promise<SessionDto[]> {
  if (!isSelf(actor, userId)) await getUser(actor, userId);
  return (await liveSessions(userId)).map((row) => toSessionDto(row, actor));
}

/** GET /api/v1/sessions: the caller's own sessions. */
export async function listOwnSessions(actor: Actor): Promise<SessionDto[]> {
  if (!actor.userId) return [];
  return (await liveSessions(actor.userId)).map((row) => toSessionDto(row, actor));
}

/** "Revoke all IdP sessions" (DELETE /api/v1/users/{id}/sessions): yourself, or users.revoke_sessions. */
export async function revokeUserSessions(actor: Actor, userId: string): Promise<RevokedSessions> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const user = await loadTargetUser(tx, actor, userId, "users.revoke_sessions", { allowSelf: true });
    const ended = await tx.delete(sessions).where(eq(sessions.userId, user.id)).returning({ id: sessions.id });
    await audit(tx, actor, "session.revoke_all", { type: "user", id: user.id, label: user.username }, null, { metadata: { revoked: ended.length } });
    return { revoked: ended.length };
  });
}

/** DELETE /api/v1/sessions/{sid}: one of your own sessions, or one of a user you may revoke. Unknown → 404. */
export async function revokeSession(actor: Actor, sessionId: string): Promise<void> {
  if (!isUuid(sessionId)) throw notFound("Session");
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [row] = await tx.select().from(sessions).where(eq(sessions.id, sessionId));
    if (!row) throw notFound("Session");
    const user = await loadTargetUser(tx, actor, row.userId, "users.revoke_sessions", { allowSelf: true }).catch((error: unknown) => {
      // Someone else's session you cannot even see does not exist for you.
      if ((error as { code?: string }).code === "not_found") throw notFound("Session");
      throw error;
    });
    await tx.delete(sessions).where(eq(sessions.id, row.id));
    await audit(tx, actor, "session.revoke", { type: "user", id: user.id, label: user.username }, null, {
      metadata: { session_id: row.id, auth_source: row.authSource, ip: row.ip },
    });
  });
}

/**
 * "Revoke all JWT tokens" (DELETE /api/v1/users/{id}/jwt-revocations): stores jwt_revoked_before = now (ms precision).
 * Every JWT issued before it is refused — API JWTs by their iat, the console's session JWT by its session row, which
 * is also deleted here so the refusal does not depend on clock resolution.
 */
export async function revokeUserJwts(actor: Actor, userId: string): Promise<JwtRevocation> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const user = await loadTargetUser(tx, actor, userId, "users.revoke_sessions", { allowSelf: true });
    const now = new Date();
    await tx.update(users).set({ jwtRevokedBefore: now }).where(eq(users.id, user.id));
    const ended = await tx.delete(sessions).where(eq(sessions.userId, user.id)).returning({ id: sessions.id });
    await audit(tx, actor, "user.jwt_revoke", { type: "user", id: user.id, label: user.username }, null, {
      metadata: { jwt_revoked_before: now.toISOString(), sessions_revoked: ended.length },
    });
    return { jwt_revoked_before: now.toISOString(), sessions_revoked: ended.length };
  });
}
