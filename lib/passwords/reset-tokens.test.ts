import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from "vitest";
import { auditEvents, passwordResetTokens, sessions, users, type UserRow } from "@/db/schema";
import { NO_META } from "../auth/actor";
import { verifyPassword } from "../auth/passwords";
import { sha256Hex } from "../crypto/random";
import { getDb } from "../db";
import { env } from "../env";
import { createSession } from "../sessions/sessions";
import { actorFor, adminUser, createTestUser, TEST_PASSWORD } from "../testing/factories";
import { consumePasswordLink, countPasswordLinksSince, describePasswordLink, INVALID_LINK_MESSAGE, issuePasswordLink } from "./reset-tokens";

const NEW_PASSWORD = "Lantern-Orchard-Ripple";
let mailLog: MockInstance;

beforeEach(() => {
  mailLog = vi.spyOn(console, "info").mockImplementation(() => {});
});
afterEach(() => vi.restoreAllMocks());

async function issue(user: UserRow, purpose: "setup" | "reset" = "reset") {
  const db = await getDb();
  const actor = await actorFor(await adminUser());
  const link = await (await db.transaction((tx) => issuePasswordLink(tx, user, actor, purpose))).deliver();
  return { ...link, token: link.resetUrl.split("/").pop()! };
}

const failure = (promise: Promise<unknown>) => promise.then(() => null, (e: { code?: string; message?: string }) => ({ code: e.code, message: e.message }));
const INVALID = { code: "bad_request", message: INVALID_LINK_MESSAGE };

describe("issuePasswordLink", () => {
  it("stores only the sha256 of a 256-bit token, builds the URL from APP_URL, mails it and audits without it", async () => {
    const user = await createTestUser();
    const { token, resetUrl, expiresAt, mailed } = await issue(user);
    expect(token).toMatch(/^[0-9A-Za-z]{43}$/); // log2(62) × 43 ≈ 256 bits
    expect(new URL(resetUrl).origin).toBe(new URL(env.APP_URL).origin);
    expect(resetUrl).toBe(`${env.APP_URL.replace(/\/$/, "")}/reset-password/${token}`);
    expect(mailed).toBe(true);
    expect(expiresAt.getTime() - Date.now()).toBeGreaterThan(29 * 60_000);
    expect(expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(30 * 60_000);

    const db = await getDb();
    const rows = await db.select().from(passwordResetTokens).where(eq(passwordResetTokens.userId, user.id));
    expect(rows).toHaveLength(1);
    expect(rows[0].tokenHash).toBe(sha256Hex(token));
    expect(JSON.stringify(rows)).not.toContain(token);
    const events = await db.select().from(auditEvents).where(eq(auditEvents.action, "user.password_link_sent"));
    const event = events.find((e) => e.targetId === user.id)!;
    expect(event.metadata).toMatchObject({ purpose: "reset", mailed: true });
    expect(JSON.stringify(events)).not.toContain(token);
    expect(String(mailLog.mock.calls.at(-1)?.[0])).toContain(`To: ${user.email}`);
    expect(String(mailLog.mock.calls.at(-1)?.[0])).toContain(resetUrl);
  });

  it("mails nothing until the caller delivers after its commit: a rolled-back link is never sent", async () => {
    const user = await createTestUser();
    const db = await getDb();
    const actor = await actorFor(await adminUser());
    const sentTo = () => mailLog.mock.calls.filter((call) => String(call[0]).includes(`To: ${user.email}`)).length;
    await db.transaction(async (tx) => {
      await issuePasswordLink(tx, user, actor, "reset");
      throw new Error("rolled back");
    }).catch(() => undefined);
    expect(sentTo()).toBe(0);
    expect(await db.select().from(passwordResetTokens).where(eq(passwordResetTokens.userId, user.id))).toHaveLength(0);

    const pending = await db.transaction((tx) => issuePasswordLink(tx, user, actor, "reset"));
    expect(sentTo()).toBe(0);
    const [first, again] = await Promise.all([pending.deliver(), pending.deliver()]);
    expect(first).toEqual(again);
    expect(sentTo()).toBe(1);
  });

  it("gives setup links 72 hours and a different email, and makes a user's older link stop working", async () => {
    const user = await createTestUser();
    const first = await issue(user, "reset");
    const setup = await issue(user, "setup");
    expect(Math.round((setup.expiresAt.getTime() - Date.now()) / 3_600_000)).toBe(72);
    expect(String(mailLog.mock.calls.at(-1)?.[0])).toContain("Subject: Set up your Gatehouse password");
    expect(await describePasswordLink(first.token)).toBeNull();
    expect(await describePasswordLink(setup.token)).toEqual({ username: user.username, email: user.email });
  });

  it("never repeats a token", async () => {
    const user = await createTestUser();
    const tokens = new Set<string>();
    const started = new Date(Date.now() - 1000);
    for (let i = 0; i < 100; i++) tokens.add((await issue(user)).token);
    expect(tokens.size).toBe(100);
    expect(await countPasswordLinksSince(await getDb(), user.id, started)).toBe(100);
    expect(await countPasswordLinksSince(await getDb(), user.id, new Date(Date.now() + 1000))).toBe(0);
  });
});

describe("consumePasswordLink", () => {
  it("sets the password, clears must-change, ends every session, spends every link of the user and audits", async () => {
    const user = await createTestUser({ mustChangePassword: true });
    const db = await getDb();
    for (const stage of ["active", "password_change"] as const) {
      await createSession(db, { userId: user.id, stage, authSource: "internal", methods: ["password"], meta: NO_META });
    }
    const { token } = await issue(user);
    await db.insert(passwordResetTokens).values({ userId: user.id, tokenHash: sha256Hex("other"), expiresAt: new Date(Date.now() + 60_000) });

    expect(await consumePasswordLink(token, NEW_PASSWORD, NO_META)).toEqual({ userId: user.id });
    const [after] = await db.select().from(users).where(eq(users.id, user.id));
    expect(await verifyPassword(after.passwordHash, NEW_PASSWORD)).toBe(true);
    expect(after.mustChangePassword).toBe(false);
    expect(await db.select().from(sessions).where(eq(sessions.userId, user.id))).toHaveLength(0);
    const links = await db.select().from(passwordResetTokens).where(eq(passwordResetTokens.userId, user.id));
    expect(links.every((l) => l.usedAt)).toBe(true);
    const [event] = await db.select().from(auditEvents).where(eq(auditEvents.action, "user.password_reset"));
    expect(event).toMatchObject({ targetId: user.id, actorId: user.id, outcome: "success" });
    expect(JSON.stringify(event)).not.toContain(token);
  });

  it("works once: 20 concurrent uses of one link give exactly one success", async () => {
    const user = await createTestUser();
    const { token } = await issue(user);
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => failure(consumePasswordLink(token, `${NEW_PASSWORD}-${i}`, NO_META))));
    expect(results.filter((r) => r === null)).toHaveLength(1);
    expect(results.filter((r) => r !== null).every((r) => r!.code === INVALID.code && r!.message === INVALID.message)).toBe(true);
    expect(await failure(consumePasswordLink(token, "Another-Fresh-Password", NO_META))).toEqual(INVALID);
  });

  it("refuses expired, unknown and malformed links alike, changing nothing", async () => {
    const user = await createTestUser();
    const { token } = await issue(user);
    const db = await getDb();
    await db.update(passwordResetTokens).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(passwordResetTokens.tokenHash, sha256Hex(token)));
    for (const candidate of [token, "A".repeat(43), "short", `${token}x`, ""]) {
      expect(await failure(consumePasswordLink(candidate, NEW_PASSWORD, NO_META)), candidate).toEqual(INVALID);
    }
    const [after] = await db.select().from(users).where(eq(users.id, user.id));
    expect(after.passwordHash).toBe(user.passwordHash);
    expect(await describePasswordLink(token)).toBeNull();
  });

  it("does not spend the link when the password breaks the policy", async () => {
    const user = await createTestUser();
    const { token } = await issue(user);
    const refused = await consumePasswordLink(token, TEST_PASSWORD, NO_META, { field: "new_password" }).catch((e) => e);
    expect(refused).toMatchObject({ code: "validation", details: { fieldErrors: { new_password: [expect.stringMatching(/^Recently used/)] } } });
    expect(await failure(consumePasswordLink(token, "short", NO_META))).toMatchObject({ code: "validation" });
    expect(await describePasswordLink(token)).not.toBeNull();
    expect(await consumePasswordLink(token, NEW_PASSWORD, NO_META)).toEqual({ userId: user.id });
  });

  it("refuses links of users whose password lives elsewhere", async () => {
    const user = await createTestUser({ authSource: "corp-ldap" });
    const { token } = await issue(user);
    expect(await failure(consumePasswordLink(token, NEW_PASSWORD, NO_META))).toEqual(INVALID);
  });
});
