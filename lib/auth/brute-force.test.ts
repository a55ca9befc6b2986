import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, users } from "@/db/schema";
import { getDb } from "../db";
import { resetRateLimit } from "../rate-limit/limiter";
import { updateSettingsSection } from "../settings/update";
import { actorFor, adminUser, createTestUser, grantSystemRole, TEST_PASSWORD } from "../testing/factories";
import { NO_META, systemActor } from "./actor";
import { ipFailureKey } from "./ip-throttle";
import { clearLock, getLockStatus } from "./lock-admin";
import { signInWithPassword } from "./sign-in";

const meta = (ip: string | null) => ({ ...NO_META, ip, userAgent: "vitest" });
/** Each request claims a different client address, as rotating X-Forwarded-For values would (T2/T13c). */
const spoofed = (i: number) => meta(`198.51.${Math.floor(i / 250)}.${i % 250}`);
const codeOf = async (promise: Promise<unknown>) => promise.then(() => "ok", (e: { code?: string }) => e.code ?? String(e));

async function row(id: string) {
  const db = await getDb();
  return (await db.select().from(users).where(eq(users.id, id)))[0];
}

async function failureReasons(userId: string): Promise<Record<string, number>> {
  const db = await getDb();
  const events = await db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.action, "auth.sign_in"), eq(auditEvents.targetId, userId), eq(auditEvents.outcome, "failure")));
  const counts: Record<string, number> = {};
  for (const e of events) {
    const reason = String((e.metadata as { reason?: string }).reason);
    counts[reason] = (counts[reason] ?? 0) + 1;
  }
  return counts;
}

describe("per-account brute-force protection (T2)", () => {
  it("counts 200 concurrent wrong passwords exactly, verifies the real hash at most threshold times, then refuses the right password", async () => {
    const user = await createTestUser();
    const attempts = 200;
    const started = performance.now();
    const results = await Promise.all(Array.from({ length: attempts }, (_, i) => signInWithPassword({ identifier: user.username, password: `wrong-${i}` }, spoofed(i))));
    const elapsed = performance.now() - started;
    expect(results.every((r) => r === null)).toBe(true);

    const locked = await row(user.id);
    expect(locked.failedLoginCount).toBe(attempts);
    expect(locked.lockedUntil!.getTime()).toBeGreaterThan(Date.now() + 29 * 60_000);
    // Only the attempts numbered 1..threshold (7) ever compared against the real hash; the rest met the lock.
    expect(await failureReasons(user.id)).toEqual({ bad_password: 7, locked: attempts - 7 });

    expect(await signInWithPassword({ identifier: user.username, password: TEST_PASSWORD }, meta("203.0.113.50"))).toBeNull();
    expect((await row(user.id)).failedLoginCount).toBe(attempts + 1);
    expect((await failureReasons(user.id)).locked).toBe(attempts - 7 + 1);
    console.info(`T2: ${attempts} concurrent wrong passwords in ${Math.round(elapsed)} ms → failed_login_count ${locked.failedLoginCount}, real hash checks 7`);
  });

  it("locks after the threshold by username, email or any case of either, and lets the lock run out into a fresh cycle", async () => {
    const user = await createTestUser({ username: "Quentin", email: "quentin@example.test" });
    const identifiers = ["Quentin", "quentin", "QUENTIN@example.test", "quentin@EXAMPLE.test", "quentin", "Quentin", "quentin@example.test"];
    for (const identifier of identifiers) expect(await signInWithPassword({ identifier, password: "nope-nope" }, meta("203.0.113.1"))).toBeNull();
    expect(await getLockStatus(systemActor(), user.id)).toMatchObject({ failed_login_count: 7, is_locked: true });
    expect(await signInWithPassword({ identifier: "quentin", password: TEST_PASSWORD }, meta("203.0.113.1"))).toBeNull();

    const db = await getDb();
    await db.update(users).set({ lockedUntil: new Date(Date.now() - 1000) }).where(eq(users.id, user.id));
    expect(await signInWithPassword({ identifier: "quentin", password: "still-wrong" }, meta("203.0.113.1"))).toBeNull();
    expect(await row(user.id)).toMatchObject({ failedLoginCount: 1, lockedUntil: null });
    expect(await signInWithPassword({ identifier: "quentin", password: TEST_PASSWORD }, meta("203.0.113.1"))).not.toBeNull();
    expect(await row(user.id)).toMatchObject({ failedLoginCount: 0, lockedUntil: null });
  });

  it("follows the configured threshold and duration", async () => {
    await updateSettingsSection(systemActor(), "login", { lockout_threshold: 3, lockout_minutes: 5 });
    try {
      const user = await createTestUser();
      for (let i = 0; i < 2; i++) await signInWithPassword({ identifier: user.username, password: "wrong" }, meta("203.0.113.2"));
      expect((await row(user.id)).lockedUntil).toBeNull();
      await signInWithPassword({ identifier: user.username, password: "wrong" }, meta("203.0.113.2"));
      const until = (await row(user.id)).lockedUntil!.getTime();
      expect(until).toBeGreaterThan(Date.now() + 4 * 60_000);
      expect(until).toBeLessThanOrEqual(Date.now() + 5 * 60_000 + 1000);
    } finally {
      await updateSettingsSection(systemActor(), "login", { lockout_threshold: 7, lockout_minutes: 30 });
    }
  });

  it("lets an admin see and clear the lock (audited); a lock is not inactivity", async () => {
    const user = await createTestUser();
    for (let i = 0; i < 8; i++) await signInWithPassword({ identifier: user.username, password: "wrong" }, meta("203.0.113.3"));
    const admin = await actorFor(await adminUser());
    expect(await getLockStatus(admin, user.id)).toMatchObject({ failed_login_count: 8, is_locked: true });
    expect((await row(user.id)).isActive).toBe(true);

    const viewer = await createTestUser();
    await grantSystemRole(viewer.id, "system_auditor");
    expect(await codeOf(clearLock(await actorFor(viewer), user.id))).toBe("forbidden");
    expect((await row(user.id)).failedLoginCount).toBe(8);

    expect(await clearLock(admin, user.id)).toEqual({ failed_login_count: 0, locked_until: null, is_locked: false });
    const db = await getDb();
    const [event] = await db.select().from(auditEvents).where(and(eq(auditEvents.action, "user.unlock"), eq(auditEvents.targetId, user.id)));
    expect(event.metadata).toMatchObject({ was_locked: true, failed_login_count: 8 });
    expect(await signInWithPassword({ identifier: user.username, password: TEST_PASSWORD }, meta("203.0.113.3"))).not.toBeNull();
  });

  it("refuses a user manager who is not a super-admin to clear a super-admin's lock", async () => {
    const target = await createTestUser({ isAdmin: true, lockedUntil: new Date(Date.now() + 60_000), failedLoginCount: 9 });
    const manager = await createTestUser();
    await grantSystemRole(manager.id, "system_admin");
    expect(await codeOf(clearLock(await actorFor(manager), target.id))).toBe("forbidden");
    expect((await row(target.id)).failedLoginCount).toBe(9);
  });
});

describe("per-address throttling", () => {
  it("refuses every sign-in from an address past its failures, the right password too, while other addresses work", async () => {
    await updateSettingsSection(systemActor(), "login", { ip_lockout_threshold: 5, ip_lockout_minutes: 15 });
    try {
      const victim = await createTestUser();
      for (let i = 0; i < 5; i++) expect(await signInWithPassword({ identifier: `nobody-${i}`, password: "guess" }, meta("192.0.2.77"))).toBeNull();
      expect(await signInWithPassword({ identifier: victim.username, password: TEST_PASSWORD }, meta("192.0.2.77"))).toBeNull();
      expect((await failureReasons(victim.id)).ip_blocked).toBe(1);
      expect(await signInWithPassword({ identifier: victim.username, password: TEST_PASSWORD }, meta("192.0.2.78"))).not.toBeNull();
    } finally {
      await resetRateLimit(ipFailureKey("192.0.2.77"));
      await updateSettingsSection(systemActor(), "login", { ip_lockout_threshold: 50, ip_lockout_minutes: 15 });
    }
  });

  it("puts requests without a usable address into one shared bucket (fail closed)", async () => {
    await updateSettingsSection(systemActor(), "login", { ip_lockout_threshold: 5 });
    try {
      const user = await createTestUser();
      for (let i = 0; i < 5; i++) await signInWithPassword({ identifier: `ghost-${i}`, password: "guess" }, meta(null));
      expect(await signInWithPassword({ identifier: user.username, password: TEST_PASSWORD }, meta(null))).toBeNull();
    } finally {
      await resetRateLimit(ipFailureKey(null));
      await updateSettingsSection(systemActor(), "login", { ip_lockout_threshold: 50 });
    }
  });
});
