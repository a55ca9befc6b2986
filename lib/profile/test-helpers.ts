/** Test setup: a real session row for a user and the actor that session yields (no mocks). */
import { eq } from "drizzle-orm";
import { sessions, type UserRow } from "@/db/schema";
import { NO_META, type Actor } from "../auth/actor";
import { userActor } from "../auth/principal";
import { getDb } from "../db";
import { createSession } from "../sessions/sessions";

export async function signedIn(user: UserRow, meta = NO_META): Promise<{ actor: Actor; sessionId: string }> {
  const db = await getDb();
  const session = await createSession(db, { userId: user.id, stage: "active", authSource: user.authSource, methods: ["password"], meta });
  return { actor: await userActor(db, user, meta, { sessionId: session.id }), sessionId: session.id };
}

/** Moves the session's last authentication `minutes` into the past. */
export async function authenticatedMinutesAgo(sessionId: string, minutes: number, now = new Date()): Promise<void> {
  const db = await getDb();
  await db.update(sessions).set({ authenticatedAt: new Date(now.getTime() - minutes * 60_000) }).where(eq(sessions.id, sessionId));
}
