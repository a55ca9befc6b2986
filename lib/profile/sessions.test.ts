import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, sessions } from "@/db/schema";
import { assertRecentAuthentication } from "../auth/reauth";
import { signInWithPassword } from "../auth/sign-in";
import { getDb } from "../db";
import { adminUser, createTestUser, TEST_PASSWORD } from "../testing/factories";
import { changePasswordFromProfile } from "./password";
import { listOwnSessions, signOutOtherSessions, signOutOwnSession } from "./sessions";
import { listOwnSignIns } from "./sign-ins";
import { authenticatedMinutesAgo, signedIn } from "./test-helpers";

const codeOf = async (promise: Promise<unknown>) => promise.then(() => "ok", (e: { code?: string }) => e.code);
const meta = (ip: string) => ({ ip, userAgent: "Mozilla/5.0 (X11; Linux x86_64) Chrome/156.0", requestId: null });

async function sessionIdsOf(userId: string) {
  const db = await getDb();
  return (await db.select({ id: sessions.id }).from(sessions).where(eq(sessions.userId, userId))).map((s) => s.id).sort();
}

describe("own sessions", () => {
  it("are listed with the current one first, and 'sign out other sessions' ends all but the current one", async () => {
    const user = await createTestUser();
    const laptop = await signedIn(user, meta("198.51.100.1"));
    const phone = await signedIn(user, meta("198.51.100.2"));
    const stranger = await signedIn(await createTestUser());

    const listed = await listOwnSessions(laptop.actor);
    expect(listed.map((s) => [s.id, s.current])).toEqual([
      [laptop.sessionId, true],
      [phone.sessionId, false],
    ]);
    expect(listed[1]).toMatchObject({ ip: "198.51.100.2", methods: ["password"] });

    expect(await signOutOtherSessions(laptop.actor)).toEqual({ ended: 1 });
    expect(await sessionIdsOf(user.id)).toEqual([laptop.sessionId]);
    expect(await sessionIdsOf(stranger.actor.userId!)).toEqual([stranger.sessionId]);
    const db = await getDb();
    const [event] = await db.select().from(auditEvents).where(eq(auditEvents.action, "session.revoke_others"));
    expect(event).toMatchObject({ targetId: user.id, metadata: { kept_session_id: laptop.sessionId, revoked: 1 } });
  });

  it("can be ended one by one, but never someone else's, not even by an admin through their profile", async () => {
    const user = await createTestUser();
    const a = await signedIn(user);
    const b = await signedIn(user);
    const other = await signedIn(await createTestUser());
    expect(await codeOf(signOutOwnSession(a.actor, other.sessionId))).toBe("not_found");
    const admin = await signedIn(await adminUser());
    expect(await codeOf(signOutOwnSession(admin.actor, other.sessionId))).toBe("not_found");
    expect(await sessionIdsOf(other.actor.userId!)).toEqual([other.sessionId]);
    expect(await codeOf(signOutOwnSession(a.actor, "not-a-uuid"))).toBe("not_found");
    await signOutOwnSession(a.actor, b.sessionId);
    expect(await sessionIdsOf(user.id)).toEqual([a.sessionId]);
  });
});

describe("own sign-ins", () => {
  it("lists the person's recent sign-ins and failed attempts, newest first, and nobody else's", async () => {
    const user = await createTestUser();
    await signInWithPassword({ identifier: user.username, password: "wrong-password" }, meta("203.0.113.9"));
    await signInWithPassword({ identifier: user.email, password: TEST_PASSWORD }, meta("203.0.113.10"));
    const other = await createTestUser();
    await signInWithPassword({ identifier: other.username, password: TEST_PASSWORD }, meta("203.0.113.11"));
    const { actor } = await signedIn(user);
    const events = await listOwnSignIns(actor);
    expect(events.map((e) => [e.outcome, e.ip, e.reason])).toEqual([
      ["success", "203.0.113.10", null],
      ["failure", "203.0.113.9", "bad_password"],
    ]);
    expect(events[0]).toMatchObject({ source: "internal", method: "password" });
  });
});

describe("changing the password from the profile", () => {
  it("counts the current password as the fresh authentication, restarts the window, and ends the other sessions", async () => {
    const user = await createTestUser();
    const here = await signedIn(user);
    await signedIn(user);
    await authenticatedMinutesAgo(here.sessionId, 11);
    const next = "Quartz-Lantern-Orbit-47";
    expect(await codeOf(changePasswordFromProfile(here.actor, { current_password: "wrong", new_password: next, confirm_password: next }))).toBe("validation");
    expect(await sessionIdsOf(user.id)).toHaveLength(2);
    await changePasswordFromProfile(here.actor, { current_password: TEST_PASSWORD, new_password: next, confirm_password: next });
    expect(await sessionIdsOf(user.id)).toEqual([here.sessionId]);
    expect(await codeOf(assertRecentAuthentication(here.actor))).toBe("ok");
  });
});
