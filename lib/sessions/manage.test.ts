import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, sessions, users, type UserRow } from "@/db/schema";
import { NO_META, type Actor } from "../auth/actor";
import { userActor } from "../auth/principal";
import { getDb } from "../db";
import { actorFor, adminUser, createTestOrg, createTestUser, grantOrgRole, grantSystemRole } from "../testing/factories";
import { listOwnSessions, listUserSessions, revokeSession, revokeUserJwts, revokeUserSessions } from "./manage";
import { createSession, loadSession } from "./sessions";

const codeOf = async (promise: Promise<unknown>) => promise.then(() => "ok", (e: { code?: string }) => e.code ?? String(e));

async function signedIn(user: UserRow, ip = "198.51.100.1") {
  const db = await getDb();
  return createSession(db, { userId: user.id, stage: "active", authSource: user.authSource, methods: ["password"], meta: { ...NO_META, ip, userAgent: "Firefox" } });
}
async function asSession(user: UserRow, sessionId: string): Promise<Actor> {
  return userActor(await getDb(), user, NO_META, { sessionId });
}
const sessionsOf = async (userId: string) => (await getDb()).select().from(sessions).where(eq(sessions.userId, userId));

describe("listing sessions", () => {
  it("shows a user's live sessions to someone who can view the user, and marks the caller's own", async () => {
    const user = await createTestUser();
    const a = await signedIn(user, "198.51.100.1");
    const b = await signedIn(user, "198.51.100.2");
    const db = await getDb();
    await db.update(sessions).set({ expiresAt: new Date(Date.now() - 1) }).where(eq(sessions.id, b.id));
    const list = await listUserSessions(await actorFor(await adminUser()), user.id);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ id: a.id, ip: "198.51.100.1", user_agent: "Firefox", auth_source: "internal", methods: ["password"], stage: "active", current: false });
    expect((await listOwnSessions(await asSession(user, a.id)))[0]).toMatchObject({ id: a.id, current: true });
    expect(await codeOf(listUserSessions(await actorFor(await createTestUser()), user.id))).toBe("forbidden");
  });
});

describe("revoking sessions", () => {
  it("ends every session of a user at once (users.revoke_sessions), audited, and the old session stops working", async () => {
    const user = await createTestUser();
    const first = await signedIn(user);
    await signedIn(user);
    expect(await revokeUserSessions(await actorFor(await adminUser()), user.id)).toEqual({ revoked: 2 });
    expect(await sessionsOf(user.id)).toHaveLength(0);
    expect(await loadSession(first.id)).toBeNull();
    const db = await getDb();
    const [event] = await db.select().from(auditEvents).where(and(eq(auditEvents.action, "session.revoke_all"), eq(auditEvents.targetId, user.id)));
    expect(event.metadata).toMatchObject({ revoked: 2 });
  });

  it("lets people end their own sessions, but not someone else's without the permission", async () => {
    const alice = await createTestUser();
    const bob = await createTestUser();
    const aliceSession = await signedIn(alice);
    const bobSession = await signedIn(bob);
    const aliceActor = await asSession(alice, aliceSession.id);
    expect(await codeOf(revokeUserSessions(aliceActor, bob.id))).toBe("forbidden");
    expect(await codeOf(revokeSession(aliceActor, bobSession.id))).toBe("forbidden");
    expect(await codeOf(revokeUserJwts(aliceActor, bob.id))).toBe("forbidden");
    expect(await sessionsOf(bob.id)).toHaveLength(1);
    expect((await getDb().then((db) => db.select().from(users).where(eq(users.id, bob.id))))[0].jwtRevokedBefore).toBeNull();

    await revokeSession(aliceActor, aliceSession.id);
    expect(await loadSession(aliceSession.id)).toBeNull();
    expect(await codeOf(revokeSession(aliceActor, aliceSession.id))).toBe("not_found");
    expect(await codeOf(revokeSession(aliceActor, "not-a-uuid"))).toBe("not_found");
  });

  it("answers 404 for a session of a user outside an org admin's organizations, and only super-admins touch super-admins", async () => {
    const org = await createTestOrg();
    const orgAdmin = await createTestUser({ orgId: org });
    await grantOrgRole(orgAdmin.id, org, "org_admin");
    const outsider = await createTestUser();
    const outsiderSession = await signedIn(outsider);
    expect(await codeOf(revokeSession(await actorFor(orgAdmin), outsiderSession.id))).toBe("not_found");
    expect(await codeOf(revokeUserSessions(await actorFor(orgAdmin), outsider.id))).toBe("not_found");

    const superAdmin = await createTestUser({ isAdmin: true });
    await signedIn(superAdmin);
    const manager = await createTestUser();
    await grantSystemRole(manager.id, "system_admin");
    expect(await codeOf(revokeUserSessions(await actorFor(manager), superAdmin.id))).toBe("forbidden");
    expect(await sessionsOf(superAdmin.id)).toHaveLength(1);
  });
});

describe("revoking JWTs (T6)", () => {
  it("stores the revocation time at ms precision; sessions issued before it stop working, later ones work", async () => {
    const user = await createTestUser();
    const before = await signedIn(user);
    const result = await revokeUserJwts(await actorFor(await adminUser()), user.id);
    expect(result.sessions_revoked).toBe(1);
    const db = await getDb();
    const [row] = await db.select().from(users).where(eq(users.id, user.id));
    expect(row.jwtRevokedBefore?.toISOString()).toBe(result.jwt_revoked_before);
    expect(await loadSession(before.id)).toBeNull();
    const after = await signedIn(user);
    expect(await loadSession(after.id)).not.toBeNull();
    const [event] = await db.select().from(auditEvents).where(and(eq(auditEvents.action, "user.jwt_revoke"), eq(auditEvents.targetId, user.id)));
    expect(event.metadata).toMatchObject({ jwt_revoked_before: result.jwt_revoked_before });
  });

  it("is refused to an admin for an unknown user", async () => {
    expect(await codeOf(revokeUserJwts(await actorFor(await adminUser()), "00000000-0000-0000-0000-00000000dead"))).toBe("not_found");
  });
});
