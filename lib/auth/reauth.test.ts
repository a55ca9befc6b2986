import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, sessions } from "@/db/schema";
import { getDb } from "../db";
import { REAUTH_WINDOW_MINUTES } from "../profile/schema";
import { authenticatedMinutesAgo, signedIn } from "../profile/test-helpers";
import { resetRateLimit } from "../rate-limit/limiter";
import { createTestUser, TEST_PASSWORD } from "../testing/factories";
import { NO_META } from "./actor";
import { assertRecentAuthentication, reauthenticate, REAUTH_RATE } from "./reauth";

const codeOf = async (promise: Promise<unknown>) => promise.then(() => "ok", (e: { code?: string }) => e.code);
const N = REAUTH_WINDOW_MINUTES;

async function authenticatedAt(sessionId: string) {
  const db = await getDb();
  const [row] = await db.select({ at: sessions.authenticatedAt }).from(sessions).where(eq(sessions.id, sessionId));
  return row.at;
}

describe("the re-authentication window (T14)", () => {
  it(`allows sensitive changes ${N - 1} minutes after signing in and refuses them at ${N + 1}`, async () => {
    const now = new Date();
    const { actor, sessionId } = await signedIn(await createTestUser());
    await authenticatedMinutesAgo(sessionId, N - 1, now);
    expect(await codeOf(assertRecentAuthentication(actor, now))).toBe("ok");
    await authenticatedMinutesAgo(sessionId, N + 1, now);
    await expect(assertRecentAuthentication(actor, now)).rejects.toMatchObject({ code: "unauthenticated", details: { fieldErrors: { reauthentication: expect.any(Array) } } });
  });

  it("cannot be satisfied by a token, nor by a session that has ended", async () => {
    const user = await createTestUser();
    const { actor, sessionId } = await signedIn(user);
    expect(await codeOf(assertRecentAuthentication({ ...actor, kind: "token", sessionId: undefined, tokenId: "t" }))).toBe("forbidden");
    const db = await getDb();
    await db.delete(sessions).where(eq(sessions.id, sessionId));
    expect(await codeOf(assertRecentAuthentication(actor))).toBe("unauthenticated");
  });

  it("restarts with the right password (audited), and not with a wrong one", async () => {
    const now = new Date();
    const user = await createTestUser();
    const { actor, sessionId } = await signedIn(user);
    await authenticatedMinutesAgo(sessionId, N + 1, now);
    const before = await authenticatedAt(sessionId);

    await expect(reauthenticate(actor, "not-the-password", now)).rejects.toMatchObject({ code: "validation", details: { fieldErrors: { password: expect.any(Array) } } });
    expect(await authenticatedAt(sessionId)).toEqual(before);
    expect(await codeOf(assertRecentAuthentication(actor, now))).toBe("unauthenticated");

    await reauthenticate(actor, TEST_PASSWORD, now);
    expect(await authenticatedAt(sessionId)).toEqual(now);
    expect(await codeOf(assertRecentAuthentication(actor, now))).toBe("ok");

    const db = await getDb();
    const events = await db.select().from(auditEvents).where(and(eq(auditEvents.action, "auth.reauthenticate"), eq(auditEvents.targetId, user.id))).orderBy(auditEvents.id);
    expect(events.map((e) => e.outcome)).toEqual(["failure", "success"]);
    expect(JSON.stringify(events)).not.toContain(TEST_PASSWORD);
  });

  it(`is rate-limited to ${REAUTH_RATE.limit} attempts per user, even with the right password after that`, async () => {
    const user = await createTestUser();
    const { actor, sessionId } = await signedIn(user);
    await authenticatedMinutesAgo(sessionId, N + 1);
    for (let i = 0; i < REAUTH_RATE.limit; i++) expect(await codeOf(reauthenticate(actor, `wrong-${i}`))).toBe("validation");
    const before = await authenticatedAt(sessionId);
    expect(await codeOf(reauthenticate(actor, TEST_PASSWORD))).toBe("rate_limited");
    expect(await authenticatedAt(sessionId)).toEqual(before);
    await resetRateLimit(`reauth:user:${user.id}`);
    expect(await codeOf(reauthenticate(actor, TEST_PASSWORD))).toBe("ok");
  });

  it("needs a local password: people from another source sign in again instead", async () => {
    const user = await createTestUser({ authSource: "ldap-corp", passwordHash: null });
    const { actor } = await signedIn(user, NO_META);
    await expect(reauthenticate(actor, TEST_PASSWORD)).rejects.toMatchObject({ code: "validation" });
  });
});
