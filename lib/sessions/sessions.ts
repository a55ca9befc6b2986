import "server-only";
import { and, eq, lt } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { sessions, users, type SessionRow, type UserRow } from "@/db/schema";
import type { RequestMeta } from "../auth/actor";
import { getDb } from "../db";
import { PENDING_SESSION_MINUTES } from "../mfa/types";
import { getSettings } from "../settings/settings";

export type SessionStage = SessionRow["stage"];
const PENDING_STAGES: readonly SessionStage[] = ["mfa", "mfa_enroll"];
export type SessionContext = { session: SessionRow; user: UserRow };

/** last_seen_at is written at most this often, so reading a session does not write on every request. */
const TOUCH_INTERVAL_MS = 60_000;

export async function createSession(
  tx: Executor,
  input: { userId: string; stage: SessionStage; authSource: string; methods: string[]; meta: RequestMeta },
): Promise<SessionRow> {
  const { sessions: limits } = await getSettings(tx);
  const now = new Date();
  const [row] = await tx
    .insert(sessions)
    .values({
      userId: input.userId,
      stage: input.stage,
      authSource: input.authSource,
      methods: input.methods,
      ip: input.meta.ip,
      userAgent: input.meta.userAgent?.slice(0, 512) ?? null,
      createdAt: now,
      lastSeenAt: now,
      authenticatedAt: now,
      // A sign-in waiting for its second factor (or forced setup) is short-lived; it gets its full lifetime once active.
      expiresAt: new Date(now.getTime() + (PENDING_STAGES.includes(input.stage) ? PENDING_SESSION_MINUTES * 60_000 : limits.absolute_hours * 3_600_000)),
    })
    .returning();
  return row;
}

/** Why a session no longer counts; null when it is valid. */
export function sessionProblem(ctx: SessionContext, idleMinutes: number, now = new Date()): string | null {
  const { session, user } = ctx;
  if (session.expiresAt <= now) return "expired";
  if (now.getTime() - session.lastSeenAt.getTime() > idleMinutes * 60_000) return "idle";
  if (!user.isActive) return "user_inactive";
  if (user.dateExpired && user.dateExpired <= now) return "user_expired";
  if (user.isServiceAccount) return "service_account";
  if (user.jwtRevokedBefore && session.createdAt < user.jwtRevokedBefore) return "revoked";
  return null;
}

/**
 * Loads a session and its user, or null when the session is gone or no longer valid (an invalid row is deleted).
 * Any stage is returned; only the caller decides what a stage may reach.
 */
export async function loadSession(sid: string): Promise<SessionContext | null> {
  const db = await getDb();
  const [row] = await db.select().from(sessions).innerJoin(users, eq(users.id, sessions.userId)).where(eq(sessions.id, sid));
  if (!row) return null;
  const ctx = { session: row.sessions, user: row.users };
  const { sessions: limits } = await getSettings(db);
  const now = new Date();
  if (sessionProblem(ctx, limits.idle_minutes, now)) {
    await db.delete(sessions).where(eq(sessions.id, sid));
    return null;
  }
  if (now.getTime() - ctx.session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    await db
      .update(sessions)
      .set({ lastSeenAt: now })
      .where(and(eq(sessions.id, sid), lt(sessions.lastSeenAt, new Date(now.getTime() - TOUCH_INTERVAL_MS))));
  }
  return ctx;
}

export async function endSession(sid: string): Promise<void> {
  const db = await getDb();
  await db.delete(sessions).where(eq(sessions.id, sid));
}
