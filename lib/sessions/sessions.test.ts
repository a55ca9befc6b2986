import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { sessions, users } from "@/db/schema";
import { NO_META } from "../auth/actor";
import { getDb } from "../db";
import { createTestUser } from "../testing/factories";
import { createSession, loadSession } from "./sessions";

async function newSession(fields: Partial<typeof users.$inferInsert> = {}) {
  const user = await createTestUser(fields);
  const db = await getDb();
  const session = await createSession(db, { userId: user.id, stage: "active", authSource: "internal", methods: ["password"], meta: NO_META });
  return { user, session, db };
}

describe("loadSession", () => {
  it("returns a valid session with its user", async () => {
    const { user, session } = await newSession();
    expect(await loadSession(session.id)).toMatchObject({ session: { id: session.id }, user: { id: user.id } });
  });

  it.each([
    ["past its absolute lifetime", async (db: Awaited<ReturnType<typeof getDb>>, sid: string) => db.update(sessions).set({ expiresAt: new Date(Date.now() - 1) }).where(eq(sessions.id, sid))],
    ["idle too long", async (db: Awaited<ReturnType<typeof getDb>>, sid: string) => db.update(sessions).set({ lastSeenAt: new Date(Date.now() - 61 * 60_000) }).where(eq(sessions.id, sid))],
  ])("ends a session %s and deletes its row", async (_label, age) => {
    const { session, db } = await newSession();
    await age(db, session.id);
    expect(await loadSession(session.id)).toBeNull();
    expect(await db.select().from(sessions).where(eq(sessions.id, session.id))).toHaveLength(0);
  });

  it.each([
    ["deactivated", { isActive: false }],
    ["expired", { dateExpired: new Date(Date.now() - 1000) }],
    ["turned into a service account", { isServiceAccount: true }],
  ])("ends the session of a user who was %s", async (_label, change) => {
    const { user, session, db } = await newSession();
    await db.update(users).set(change).where(eq(users.id, user.id));
    expect(await loadSession(session.id)).toBeNull();
  });

  it("rejects sessions created before the user's revocation timestamp, but not later ones", async () => {
    const { user, session, db } = await newSession();
    await db.update(users).set({ jwtRevokedBefore: new Date(session.createdAt.getTime() + 1) }).where(eq(users.id, user.id));
    expect(await loadSession(session.id)).toBeNull();
    const later = await createSession(db, { userId: user.id, stage: "active", authSource: "internal", methods: ["password"], meta: NO_META });
    expect(await loadSession(later.id)).not.toBeNull();
  });

  it("returns null for an unknown id", async () => {
    expect(await loadSession("00000000-0000-0000-0000-000000000000")).toBeNull();
  });
});
