import { desc, eq } from "drizzle-orm";
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { auditEvents } from "@/db/schema";
import { getDb } from "../db";
import { forbidden } from "../errors";
import { actorFor, adminUser, createTestUser } from "../testing/factories";
import { createPersonalAccessToken } from "../tokens/pat";
import { listUsers } from "../users/queries";
import { api } from "./handler";
import { ok } from "./responses";

const listRoute = api({ permission: "users.view" }, async ({ actor, query }) => ok(await listUsers(actor, query)));
type Route = (req: NextRequest, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
const call = (route: Route, init: { url?: string; headers?: Record<string, string>; method?: string; body?: string } = {}) =>
  route(new NextRequest(init.url ?? "http://localhost:3000/api/v1/users", { method: init.method, headers: init.headers, body: init.body }), {
    params: Promise.resolve({}),
  });

async function adminToken() {
  const admin = await adminUser();
  return (await createPersonalAccessToken(await actorFor(admin), admin.id, { name: "test" })).token;
}

describe("api() wrapper", () => {
  it("answers 401 problem+json without credentials, with a bad token, and for a token in the query string", async () => {
    const token = await adminToken();
    for (const res of [
      await call(listRoute),
      await call(listRoute, { headers: { authorization: "Bearer gth_pat_nope" } }),
      await call(listRoute, { headers: { authorization: "Basic YWRtaW46YWRtaW4=" } }),
      await call(listRoute, { url: `http://localhost:3000/api/v1/users?access_token=${token}` }),
    ]) {
      expect(res.status).toBe(401);
      expect(res.headers.get("content-type")).toBe("application/problem+json");
      expect(res.headers.get("www-authenticate")).toMatch(/^Bearer/);
      expect(await res.json()).toMatchObject({ status: 401, code: "unauthenticated", title: expect.any(String), detail: expect.any(String) });
    }
  });

  it("never looks at a session cookie on a cross-origin request", async () => {
    const res = await call(listRoute, { headers: { origin: "https://evil.example", cookie: "next-auth.session-token=forged" } });
    expect(res.status).toBe(401);
  });

  it("serves a valid PAT with a request id", async () => {
    const res = await call(listRoute, { headers: { authorization: `Bearer ${await adminToken()}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    expect(await res.json()).toMatchObject({ page: 1, limit: 20, total: expect.any(Number), data: expect.any(Array) });
  });

  it("answers 422 with the invalid fields named", async () => {
    const res = await call(listRoute, { url: "http://localhost:3000/api/v1/users?limit=500", headers: { authorization: `Bearer ${await adminToken()}` } });
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({ code: "validation", errors: { limit: expect.any(Array) } });
  });

  it("answers 403 for a caller without the permission, and audits the refusal", async () => {
    const user = await createTestUser();
    const { token } = await createPersonalAccessToken(await actorFor(user), user.id, { name: "mine" });
    const res = await call(listRoute, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ code: "forbidden" });
    const db = await getDb();
    const [event] = await db.select().from(auditEvents).where(eq(auditEvents.action, "access.denied")).orderBy(desc(auditEvents.id)).limit(1);
    expect(event).toMatchObject({ actorId: user.id, outcome: "denied", metadata: { method: "GET", path: "/api/v1/users" } });
  });

  it("answers an unexpected error with a bare 500: no message, stack or SQL", async () => {
    const failing = api({ permission: "authenticated" }, async () => {
      throw new Error('relation "users" does not exist: SELECT password_hash FROM users');
    });
    const res = await call(failing, { headers: { authorization: `Bearer ${await adminToken()}` } });
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(text).not.toMatch(/relation|SELECT|password_hash|at .*\.ts/);
    expect(JSON.parse(text)).toMatchObject({ status: 500, code: "internal", request_id: expect.any(String) });
  });

  it("reads JSON bodies strictly: wrong content type and invalid JSON are 400", async () => {
    const echo = api({ permission: "authenticated" }, async ({ json }) => ok(await json()));
    const auth = { authorization: `Bearer ${await adminToken()}` };
    expect((await call(echo, { method: "POST", headers: { ...auth, "content-type": "text/plain" }, body: "{}" })).status).toBe(400);
    expect((await call(echo, { method: "POST", headers: { ...auth, "content-type": "application/json" }, body: "{nope" })).status).toBe(400);
    const good = await call(echo, { method: "POST", headers: { ...auth, "content-type": "application/json" }, body: '{"__proto__":{"polluted":1},"a":1}' });
    expect(good.status).toBe(200);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("maps a domain forbidden() thrown by any handler to 403", async () => {
    const denied = api({ permission: "authenticated" }, async () => {
      throw forbidden();
    });
    expect((await call(denied, { headers: { authorization: `Bearer ${await adminToken()}` } })).status).toBe(403);
  });
});
