/** T6 for the API: revocation of JWTs on every /api/v1 route, at millisecond precision. */
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { userRoles, users } from "@/db/schema";
import { NO_META } from "../auth/actor";
import { getDb } from "../db";
import { callHandler, callRoute, listOperations, paramNames } from "../openapi/route-inventory";
import { actorFor, adminUser, createTestUser, grantSystemRole } from "../testing/factories";
import { createPersonalAccessToken } from "../tokens/pat";
import { resolvePatActor } from "../tokens/resolve";
import { deleteUser } from "../users/delete";
import { updateUser } from "../users/update";
import { issuanceClock, issueAccessToken } from "./issue";
import { exchange } from "./testing";
import { isRevokedAt, resolveJwtActor } from "./verify";

const admin = async () => actorFor(await adminUser());

async function serviceWithJwt() {
  const user = await createTestUser();
  await grantSystemRole(user.id, "system_admin");
  const pat = await createPersonalAccessToken(await actorFor(user), user.id, { name: "svc" });
  const { body } = await exchange(pat.token);
  return { user, pat, jwt: body.access_token };
}

/** Replays the token to every method of every /api/v1 route; returns what did not answer 401. */
async function acceptedAnywhere(token: string): Promise<string[]> {
  const operations = (await listOperations()).filter((op) => op.handler.spec);
  expect(operations.length).toBeGreaterThan(40);
  const wrong: string[] = [];
  for (const { route, method, handler } of operations) {
    const params = Object.fromEntries(paramNames(route.path).map((name) => [name, randomUUID()]));
    const res = await callHandler(handler, method, route.path, params, { token, body: method === "GET" ? undefined : {} });
    if (res.status !== 401) wrong.push(`${method} ${route.path} → ${res.status}`);
  }
  return wrong;
}

describe("JWT revocation (T6, API)", () => {
  const realSleep = issuanceClock.sleep;
  afterEach(() => {
    vi.useRealTimers();
    issuanceClock.sleep = realSleep;
  });

  const triggers: [string, (userId: string) => Promise<unknown>][] = [
    ["admin revoke (jwt_revoked_before)", async (id) => (await getDb()).update(users).set({ jwtRevokedBefore: new Date() }).where(eq(users.id, id))],
    ["password change", async (id) => updateUser(await admin(), id, { password: "Quartz-Meadow-Pilot-77" })],
    ["admin disable", async (id) => updateUser(await admin(), id, { is_active: false })],
    ["expiry", async (id) => updateUser(await admin(), id, { date_expired: new Date(Date.now() - 1000).toISOString() })],
    ["delete", async (id) => deleteUser(await admin(), id)],
  ];

  for (const [name, trigger] of triggers) {
    it(`after "${name}", every /api/v1 route refuses the old JWT on the first request`, async () => {
      const { user, jwt } = await serviceWithJwt();
      expect((await callRoute("GET", "/users", {}, { token: jwt })).status).toBe(200);
      await trigger(user.id);
      expect(await acceptedAnywhere(jwt)).toEqual([]);
    });
  }

  it("after a revocation, a newly exchanged JWT works (the PAT itself is not revoked by it)", async () => {
    const { user, pat, jwt } = await serviceWithJwt();
    await (await getDb()).update(users).set({ jwtRevokedBefore: new Date() }).where(eq(users.id, user.id));
    expect((await callRoute("GET", "/users", {}, { token: jwt })).status).toBe(401);
    const fresh = await exchange(pat.token);
    expect(fresh.status).toBe(200);
    expect((await callRoute("GET", "/users", {}, { token: fresh.body.access_token })).status).toBe(200);
  });

  it("demotion takes effect on the next request: permissions are the owner's current ones", async () => {
    const { user, jwt } = await serviceWithJwt();
    expect((await callRoute("GET", "/users", {}, { token: jwt })).status).toBe(200);
    await (await getDb()).delete(userRoles).where(eq(userRoles.userId, user.id));
    expect((await callRoute("GET", "/users", {}, { token: jwt })).status).toBe(403);
  });

  it("compares at millisecond precision: a tie counts as revoked, one millisecond later is valid", () => {
    const at = new Date("2030-01-01T00:00:00.500Z");
    expect(isRevokedAt(at.getTime() - 1, at)).toBe(true);
    expect(isRevokedAt(at.getTime(), at)).toBe(true);
    expect(isRevokedAt(at.getTime() + 1, at)).toBe(false);
    expect(isRevokedAt(at.getTime() - 1, null)).toBe(false);
  });

  it("behaves deterministically over 1000 random interleavings of issue and revoke, many within the same millisecond", { timeout: 300_000 }, async () => {
    const user = await createTestUser();
    const { token } = await createPersonalAccessToken(await actorFor(user), user.id, { name: "interleave" });
    const patActor = (await resolvePatActor(token, NO_META))!;
    const db = await getDb();
    vi.useFakeTimers({ toFake: ["Date"] });
    let clock = Date.now();
    // Issuance waits for the clock to pass a revocation; under the fake clock, its waiting is what moves time.
    issuanceClock.sleep = async (ms) => {
      clock += ms;
      vi.setSystemTime(clock);
    };
    let mistakes = 0;
    let sameMs = 0;
    for (let trial = 0; trial < 1000; trial++) {
      // Events in commit order; the clock never goes back and often does not move (same millisecond).
      const events = Array.from({ length: 3 }, () => (Math.random() < 0.5 ? "issue" : "revoke"));
      const issued: { jwt: string; revokedLater: boolean }[] = [];
      let lastEventMs = -1;
      for (const event of events) {
        clock += Math.random() < 0.6 ? 0 : 1;
        if (clock === lastEventMs) sameMs++;
        lastEventMs = clock;
        vi.setSystemTime(clock);
        if (event === "issue") issued.push({ jwt: (await issueAccessToken(patActor)).access_token, revokedLater: false });
        else {
          await db.update(users).set({ jwtRevokedBefore: new Date(clock) }).where(eq(users.id, user.id));
          issued.forEach((i) => (i.revokedLater = true));
        }
      }
      for (const { jwt, revokedLater } of issued) {
        const accepted = (await resolveJwtActor(jwt, NO_META)) !== null;
        if (accepted === revokedLater) mistakes++;
      }
    }
    expect(sameMs).toBeGreaterThan(500);
    expect(mistakes).toBe(0);
  });
});
