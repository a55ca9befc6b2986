import { and, desc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, sessions, users } from "@/db/schema";
import { getDb } from "../db";
import { createTestUser, TEST_PASSWORD } from "../testing/factories";
import { NO_META } from "./actor";
import { signInWithPassword } from "./sign-in";

const meta = { ...NO_META, ip: "203.0.113.9", userAgent: "vitest" };

async function lastSignInEvent(userId?: string) {
  const db = await getDb();
  const [event] = await db
    .select()
    .from(auditEvents)
    .where(userId ? and(eq(auditEvents.action, "auth.sign_in"), eq(auditEvents.targetId, userId)) : eq(auditEvents.action, "auth.sign_in"))
    .orderBy(desc(auditEvents.id))
    .limit(1);
  return event;
}

describe("signInWithPassword", () => {
  it("signs in by username or email, case-insensitively, and creates one active session row", async () => {
    const user = await createTestUser({ username: "Dana", email: "dana@example.test" });
    for (const identifier of ["Dana", "dana", "DANA@EXAMPLE.TEST"]) {
      const result = await signInWithPassword({ identifier, password: TEST_PASSWORD }, meta);
      expect(result).toMatchObject({ stage: "active" });
      const db = await getDb();
      const [row] = await db.select().from(sessions).where(eq(sessions.id, result!.sessionId));
      expect(row).toMatchObject({ userId: user.id, stage: "active", ip: "203.0.113.9", userAgent: "vitest", methods: ["password"], authSource: "internal" });
      expect(row.expiresAt.getTime()).toBeGreaterThan(Date.now() + 11 * 3_600_000);
    }
    const event = await lastSignInEvent(user.id);
    expect(event).toMatchObject({ outcome: "success", ip: "203.0.113.9" });
  });

  it("gives the same answer for an unknown user and a wrong password, and audits each with its reason", async () => {
    const user = await createTestUser();
    const wrong = await signInWithPassword({ identifier: user.username, password: "wrong-password" }, meta);
    const unknown = await signInWithPassword({ identifier: "nobody-here", password: TEST_PASSWORD }, meta);
    expect(wrong).toBeNull();
    expect(unknown).toBeNull();
    expect((await lastSignInEvent(user.id)).metadata).toMatchObject({ reason: "bad_password" });
    expect((await lastSignInEvent()).metadata).toMatchObject({ reason: "unknown_user" });
    const db = await getDb();
    expect(await db.select().from(sessions).where(eq(sessions.userId, user.id))).toHaveLength(0);
  });

  it.each([
    ["inactive", { isActive: false }],
    ["expired", { dateExpired: new Date(Date.now() - 1000) }],
    ["service_account", { isServiceAccount: true }],
  ] as const)("refuses a %s user even with the right password", async (reason, fields) => {
    const user = await createTestUser(fields);
    if (reason === "service_account") {
      // Service accounts have no password; give one anyway to prove the flag alone refuses them.
      const db = await getDb();
      const [withPassword] = await db.select().from(users).where(eq(users.username, "admin"));
      await db.update(users).set({ passwordHash: withPassword.passwordHash }).where(eq(users.id, user.id));
      expect(await signInWithPassword({ identifier: user.username, password: "Admin-Password-123!" }, meta)).toBeNull();
    } else {
      expect(await signInWithPassword({ identifier: user.username, password: TEST_PASSWORD }, meta)).toBeNull();
    }
    expect((await lastSignInEvent(user.id)).metadata).toMatchObject({ reason });
  });

  it("accepts a user whose expiry date is still in the future", async () => {
    const user = await createTestUser({ dateExpired: new Date(Date.now() + 86_400_000) });
    expect(await signInWithPassword({ identifier: user.username, password: TEST_PASSWORD }, meta)).not.toBeNull();
  });

  it("starts a user who must change their password in the password_change stage", async () => {
    const user = await createTestUser({ mustChangePassword: true });
    expect(await signInWithPassword({ identifier: user.username, password: TEST_PASSWORD }, meta)).toMatchObject({ stage: "password_change" });
  });

  it("never signs in a federated user with a local password", async () => {
    const user = await createTestUser({ authSource: "corp-ldap" });
    expect(await signInWithPassword({ identifier: user.username, password: TEST_PASSWORD }, meta)).toBeNull();
  });

  it("rejects malformed input without touching the database", async () => {
    expect(await signInWithPassword({ identifier: "", password: "" }, meta)).toBeNull();
    expect(await signInWithPassword({ identifier: ["a"], password: 1 }, meta)).toBeNull();
    expect(await signInWithPassword(null, meta)).toBeNull();
  });
});
