/** T7 (b)–(e): a PAT's life — its owner's state, expiry at the boundary, never in a URL, never minting beyond itself. */
import { randomUUID } from "node:crypto";
import { and, count, eq } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { personalAccessTokens, roles, userRoles, users } from "@/db/schema";
import { NO_META } from "../auth/actor";
import { getDb } from "../db";
import { callHandler, callRoute, listOperations, paramNames, type CallOptions } from "../openapi/route-inventory";
import { actorFor, adminUser, createTestUser, grantSystemRole } from "../testing/factories";
import { deleteUser } from "../users/delete";
import { updateUser } from "../users/update";
import { createPersonalAccessToken } from "./pat";
import { resolvePatActor } from "./resolve";

const admin = async () => actorFor(await adminUser());
const tokenCount = async (userId: string) =>
  Number((await (await getDb()).select({ n: count() }).from(personalAccessTokens).where(eq(personalAccessTokens.userId, userId)))[0].n);

/** Calls every method of every /api/v1 route file with the token; returns the answers that were not 401. */
async function statusesOtherThan401(token: string): Promise<string[]> {
  const wrong: string[] = [];
  const operations = (await listOperations()).filter((op) => op.handler.spec); // public documents (openapi.json) take no token
  expect(operations.length).toBeGreaterThan(40);
  for (const { route, method, handler } of operations) {
    const params = Object.fromEntries(paramNames(route.path).map((name) => [name, randomUUID()]));
    const res = await callHandler(handler, method, route.path, params, { token, body: method === "GET" ? undefined : {} });
    if (res.status !== 401) wrong.push(`${method} ${route.path} → ${res.status}`);
  }
  return wrong;
}

describe("T7 (b) a service account's PAT after the account changes", () => {
  it("is refused with 401 by every /api/v1 route on the next request once the account is deactivated, and again once deleted", async () => {
    const service = await createTestUser({ isServiceAccount: true });
    await grantSystemRole(service.id, "system_admin");
    const { token } = await createPersonalAccessToken(await admin(), service.id, { name: "ci" });
    expect((await callRoute("GET", "/users", {}, { token })).status).toBe(200);

    await updateUser(await admin(), service.id, { is_active: false });
    expect(await statusesOtherThan401(token)).toEqual([]);

    await updateUser(await admin(), service.id, { is_active: true });
    expect((await callRoute("GET", "/users", {}, { token })).status).toBe(200);
    await deleteUser(await admin(), service.id);
    expect(await statusesOtherThan401(token)).toEqual([]);
    expect(await tokenCount(service.id)).toBe(0);
  });

  it("is refused while the owner is expired or locked", async () => {
    const user = await createTestUser();
    const { token } = await createPersonalAccessToken(await actorFor(user), user.id, { name: "x" });
    const db = await getDb();
    await db.update(users).set({ dateExpired: new Date(Date.now() - 1000) }).where(eq(users.id, user.id));
    expect((await callRoute("GET", "/me/tokens", {}, { token })).status).toBe(401);
    await db.update(users).set({ dateExpired: null, lockedUntil: new Date(Date.now() + 60_000) }).where(eq(users.id, user.id));
    expect((await callRoute("GET", "/me/tokens", {}, { token })).status).toBe(401);
  });
});

describe("T7 (c) expiry exactly at the boundary", () => {
  afterEach(() => vi.useRealTimers());

  it("is accepted at T−1 s and refused at T and T+1 s", async () => {
    const owner = await adminUser();
    const { token, expires_at } = await createPersonalAccessToken(await actorFor(owner), owner.id, { name: "short", expires_in_days: 1 });
    const expiry = new Date(expires_at!).getTime();
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(expiry - 1000);
    expect(await resolvePatActor(token, NO_META)).not.toBeNull();
    expect((await callRoute("GET", "/users", {}, { token })).status).toBe(200);
    vi.setSystemTime(expiry);
    expect(await resolvePatActor(token, NO_META)).toBeNull();
    vi.setSystemTime(expiry + 1000);
    expect(await resolvePatActor(token, NO_META)).toBeNull();
    expect((await callRoute("GET", "/users", {}, { token })).status).toBe(401);
  });
});

describe("T7 (d) a token in the URL", () => {
  it("is refused, even next to a valid Authorization header", async () => {
    const owner = await adminUser();
    const { token } = await createPersonalAccessToken(await actorFor(owner), owner.id, { name: "url" });
    const cases: CallOptions[] = [
      { query: { access_token: token } },
      { query: { token }, token },
      { query: { q: token }, token },
      { query: { api_key: "anything" }, token },
    ];
    for (const options of cases) {
      const res = await callRoute("GET", "/users", {}, options);
      expect(res.status).toBe(401);
      expect((await res.json()).detail).toMatch(/Authorization header/);
    }
    expect((await callRoute("GET", "/users", {}, { token, query: { q: "alice" } })).status).toBe(200);
  });
});

describe("T7 (e) what a PAT cannot do", () => {
  it("cannot mint PATs without users.manage_tokens in scope, nor wider than itself; changes nothing when refused", async () => {
    const owner = await adminUser();
    const narrow = await createPersonalAccessToken(await actorFor(owner), owner.id, { name: "narrow", scopes: ["users.view"] });
    const before = await tokenCount(owner.id);
    expect((await callRoute("POST", "/me/tokens", {}, { token: narrow.token, body: { name: "more" } })).status).toBe(403);
    expect((await callRoute("POST", "/users/{id}/tokens", { id: owner.id }, { token: narrow.token, body: { name: "more" } })).status).toBe(403);
    expect((await callRoute("DELETE", "/me/tokens/{tokenId}", { tokenId: narrow.id }, { token: narrow.token })).status).toBe(403);

    const manager = await createPersonalAccessToken(await actorFor(owner), owner.id, { name: "mgr", scopes: ["users.view", "users.manage_tokens"] });
    const wider = await callRoute("POST", "/me/tokens", {}, { token: manager.token, body: { name: "wider", scopes: ["users.delete"] } });
    expect(wider.status).toBe(422);
    expect(await tokenCount(owner.id)).toBe(before + 1);
    const same = await callRoute("POST", "/me/tokens", {}, { token: manager.token, body: { name: "same" } });
    expect(same.status).toBe(201);
    expect((await same.json()).scopes).toEqual(["users.view", "users.manage_tokens"]);
  });

  it("cannot change its owner's roles", async () => {
    const db = await getDb();
    const [assigner] = await db
      .insert(roles)
      .values({ scope: "system", name: `assigner-${randomUUID()}`, permissions: ["users.view", "roles.view", "roles.assign"] })
      .returning();
    const user = await createTestUser();
    await db.insert(userRoles).values({ userId: user.id, roleId: assigner.id });
    const [systemAdmin] = await db.select().from(roles).where(eq(roles.builtinKey, "system_admin"));
    const held = async () => db.select().from(userRoles).where(eq(userRoles.userId, user.id));
    const before = await held();

    for (const scopes of [["users.view"], ["users.view", "roles.view", "roles.assign"], undefined]) {
      const { token } = await createPersonalAccessToken(await actorFor(user), user.id, { name: "r", scopes });
      const res = await callRoute("POST", "/users/{id}/roles", { id: user.id }, { token, body: { system_role_ids: [systemAdmin.id] } });
      expect(res.status).toBe(403);
    }
    expect(await held()).toEqual(before);
    expect(await db.select().from(userRoles).where(and(eq(userRoles.userId, user.id), eq(userRoles.roleId, systemAdmin.id)))).toHaveLength(0);
  });
});

describe("a PAT and users.jwt_revoked_before", () => {
  it("keeps working after the owner's JWTs are revoked (PATs are revoked one by one, or by deactivating the owner)", async () => {
    const user = await createTestUser();
    const { token } = await createPersonalAccessToken(await actorFor(user), user.id, { name: "kept" });
    const db = await getDb();
    await db.update(users).set({ jwtRevokedBefore: new Date(Date.now() + 1000) }).where(eq(users.id, user.id));
    expect(await resolvePatActor(token, NO_META)).not.toBeNull();
  });
});
