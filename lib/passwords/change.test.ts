import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, sessions, users } from "@/db/schema";
import { NO_META } from "../auth/actor";
import { verifyPassword } from "../auth/passwords";
import { getDb } from "../db";
import { createSession, type SessionStage } from "../sessions/sessions";
import { createTestUser, TEST_PASSWORD } from "../testing/factories";
import { changeOwnPassword } from "./change";

const NEW_PASSWORD = "Saffron-Kettle-Horizon";
const input = (overrides: Record<string, string> = {}) => ({ current_password: TEST_PASSWORD, new_password: NEW_PASSWORD, confirm_password: NEW_PASSWORD, ...overrides });

async function userWithSessions(stage: SessionStage, fields: Partial<typeof users.$inferInsert> = {}) {
  const user = await createTestUser(fields);
  const db = await getDb();
  const open = (s: SessionStage) => createSession(db, { userId: user.id, stage: s, authSource: "internal", methods: ["password"], meta: NO_META });
  const own = await open(stage);
  const other = await open("active");
  return { user, own, other, db, ctx: { sessionId: own.id, userId: user.id } };
}

const errorOf = (promise: Promise<unknown>) => promise.then(() => null, (e: { code?: string; details?: { fieldErrors?: Record<string, string[]> } }) => e);

describe("changeOwnPassword", () => {
  it("from the password_change stage: stores the password, activates this session, ends the others and audits", async () => {
    const { user, own, other, db, ctx } = await userWithSessions("password_change", { mustChangePassword: true });
    await changeOwnPassword(ctx, input());
    const [after] = await db.select().from(users).where(eq(users.id, user.id));
    expect(await verifyPassword(after.passwordHash, NEW_PASSWORD)).toBe(true);
    expect(after.mustChangePassword).toBe(false);
    const left = await db.select().from(sessions).where(eq(sessions.userId, user.id));
    expect(left.map((s) => [s.id, s.stage])).toEqual([[own.id, "active"]]);
    expect(left.some((s) => s.id === other.id)).toBe(false);
    const [event] = await db.select().from(auditEvents).where(eq(auditEvents.action, "user.password_change"));
    expect(event).toMatchObject({ targetId: user.id, outcome: "success" });
    expect(JSON.stringify(event)).not.toContain(NEW_PASSWORD);
  });

  it("refuses a wrong current password, audits the failure and changes nothing", async () => {
    const { user, db, ctx } = await userWithSessions("active");
    const error = await errorOf(changeOwnPassword(ctx, input({ current_password: "not-my-password" })));
    expect(error).toMatchObject({ code: "validation", details: { fieldErrors: { current_password: ["The current password is not correct."] } } });
    const [after] = await db.select().from(users).where(eq(users.id, user.id));
    expect(after.passwordHash).toBe(user.passwordHash);
    expect(await db.select().from(sessions).where(eq(sessions.userId, user.id))).toHaveLength(2);
    const events = await db.select().from(auditEvents).where(eq(auditEvents.targetId, user.id));
    expect(events.map((e) => [e.action, e.outcome])).toEqual([["user.password_change", "failure"]]);
  });

  it("applies the policy and history to the new password, under new_password", async () => {
    const { user, db, ctx } = await userWithSessions("password_change", { mustChangePassword: true });
    for (const [candidate, pattern] of [
      [TEST_PASSWORD, /^Recently used/],
      ["short", /^Too short/],
      [`${user.username}-is-my-name`, /^Contains your username/],
    ] as const) {
      const error = await errorOf(changeOwnPassword(ctx, input({ new_password: candidate, confirm_password: candidate })));
      expect(error?.details?.fieldErrors?.new_password, candidate).toEqual(expect.arrayContaining([expect.stringMatching(pattern)]));
    }
    const [after] = await db.select().from(users).where(eq(users.id, user.id));
    expect(after).toMatchObject({ passwordHash: user.passwordHash, mustChangePassword: true });
  });

  it("refuses a mismatched confirmation", async () => {
    const { ctx } = await userWithSessions("active");
    const error = await errorOf(changeOwnPassword(ctx, input({ confirm_password: "something else entirely" })));
    expect(error?.details?.fieldErrors).toEqual({ confirm_password: ["The passwords do not match."] });
  });

  it("only works for the caller's own session, in the password_change or active stage", async () => {
    const { user, own, db } = await userWithSessions("mfa");
    expect(await errorOf(changeOwnPassword({ sessionId: own.id, userId: user.id }, input()))).toMatchObject({ code: "unauthenticated" });
    const stranger = await userWithSessions("active");
    expect(await errorOf(changeOwnPassword({ sessionId: stranger.own.id, userId: user.id }, input()))).toMatchObject({ code: "unauthenticated" });
    const [after] = await db.select().from(users).where(eq(users.id, user.id));
    expect(after.passwordHash).toBe(user.passwordHash);
  });

  it("refuses users whose password is managed by another source", async () => {
    const { ctx } = await userWithSessions("active", { authSource: "corp-ldap" });
    expect(await errorOf(changeOwnPassword(ctx, input()))).toMatchObject({ code: "bad_request" });
  });
});
