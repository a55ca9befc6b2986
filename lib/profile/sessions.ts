import "server-only";
import { and, eq, ne } from "drizzle-orm";
import { sessions } from "@/db/schema";
import { audit } from "../audit/audit";
import type { Actor } from "../auth/actor";
import { getDb } from "../db";
import { forbidden, notFound } from "../errors";
import { isUuid } from "../ids";
import { listOwnSessions as listLiveOwnSessions, revokeSession } from "../sessions/manage";
import type { OwnSessionDto } from "./schema";

function selfId(actor: Actor): string {
  if (!actor.userId || actor.kind === "system") throw forbidden();
  return actor.userId;
}

/** The person's live sessions (lib/sessions), the current one first, then by last activity. */
export async function listOwnSessions(actor: Actor): Promise<OwnSessionDto[]> {
  selfId(actor);
  const live = await listLiveOwnSessions(actor);
  return live.sort((a, b) => Number(b.current) - Number(a.current));
}

/** "Sign out other sessions": every session of the person except the one making the request (all of them for a token). */
export async function signOutOtherSessions(actor: Actor): Promise<{ ended: number }> {
  const userId = selfId(actor);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const mine = eq(sessions.userId, userId);
    const ended = await tx
      .delete(sessions)
      .where(actor.sessionId ? and(mine, ne(sessions.id, actor.sessionId)) : mine)
      .returning({ id: sessions.id });
    await audit(tx, actor, "session.revoke_others", { type: "user", id: userId, label: actor.label }, null, {
      metadata: { via: "self", kept_session_id: actor.sessionId ?? null, revoked: ended.length },
    });
    return { ended: ended.length };
  });
}

/**
 * Signs out one of the person's own sessions (lib/sessions' revokeSession, audited there). Through /me a session
 * of anybody else is "not found", even for an admin who could revoke it on the user's page.
 */
export async function signOutOwnSession(actor: Actor, sessionId: string): Promise<void> {
  const userId = selfId(actor);
  if (!isUuid(sessionId)) throw notFound("Session");
  const db = await getDb();
  const [row] = await db.select({ userId: sessions.userId }).from(sessions).where(eq(sessions.id, sessionId));
  if (!row || row.userId !== userId) throw notFound("Session");
  await revokeSession(actor, sessionId);
}
