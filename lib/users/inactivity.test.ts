import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, sessions, settings, users } from "@/db/schema";
import { NO_META } from "../auth/actor";
import { getDb } from "../db";
import { createSession } from "../sessions/sessions";
import { adminUser, createTestUser } from "../testing/factories";
import { disableInactiveUsers } from "./inactivity";

const DAY = 86_400_000;
const daysAgo = (n: number) => new Date(Date.now() - n * DAY);

async function setInactiveDays(days: number | null) {
  const db = await getDb();
  await db.update(settings).set({ value: { inactive_days: days } }).where(eq(settings.key, "users"));
}

describe("disableInactiveUsers", () => {
  it("does nothing while the setting is off", async () => {
    await setInactiveDays(null);
    await createTestUser({ lastLoginAt: daysAgo(400) });
    expect(await disableInactiveUsers()).toEqual([]);
  });

  it("disables people who have not signed in for N days, ends their sessions, and audits each one", async () => {
    await setInactiveDays(90);
    const db = await getDb();
    const stale = await createTestUser({ lastLoginAt: daysAgo(91) });
    const neverSignedIn = await createTestUser({ createdAt: daysAgo(120) });
    const recent = await createTestUser({ lastLoginAt: daysAgo(10) });
    const newcomer = await createTestUser({ createdAt: daysAgo(5) });
    const service = await createTestUser({ isServiceAccount: true, createdAt: daysAgo(500) });
    await createSession(db, { userId: stale.id, stage: "active", authSource: "internal", methods: ["password"], meta: NO_META });

    const disabled = await disableInactiveUsers();
    expect(disabled).toEqual(expect.arrayContaining([stale.id, neverSignedIn.id]));
    for (const kept of [recent, newcomer, service]) expect(disabled).not.toContain(kept.id);
    const state = async (id: string) => (await db.select().from(users).where(eq(users.id, id)))[0].isActive;
    expect(await state(stale.id)).toBe(false);
    expect(await state(recent.id)).toBe(true);
    expect(await state(newcomer.id)).toBe(true);
    expect(await state(service.id)).toBe(true);
    expect(await db.select().from(sessions).where(eq(sessions.userId, stale.id))).toHaveLength(0);
    const [event] = await db.select().from(auditEvents).where(and(eq(auditEvents.action, "user.deactivate"), eq(auditEvents.targetId, stale.id)));
    expect(event).toMatchObject({ actorKind: "system", actorLabel: "inactivity-job", metadata: { reason: "inactivity", inactive_days: 90 } });
    expect(await disableInactiveUsers()).toEqual([]);
  });

  it("never disables the last active super-admin", async () => {
    await setInactiveDays(30);
    const db = await getDb();
    const admin = await adminUser();
    await db.update(users).set({ lastLoginAt: daysAgo(60), createdAt: daysAgo(60) }).where(eq(users.id, admin.id));
    const other = await createTestUser({ isAdmin: true, lastLoginAt: daysAgo(45) });
    const disabled = await disableInactiveUsers();
    const remaining = (await db.select().from(users).where(eq(users.isAdmin, true))).filter((u) => u.isActive && !u.isServiceAccount);
    expect(remaining).toHaveLength(1);
    expect(disabled).toHaveLength(1);
    expect([admin.id, other.id]).toContain(disabled[0]);
  });
});
