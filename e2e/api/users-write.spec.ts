import type { APIRequestContext, APIResponse } from "@playwright/test";
import { randomBytes } from "node:crypto";
import { expect, test } from "../support/fixtures";

const unique = () => randomBytes(4).toString("hex");
const PASSWORD = "Quartz-Meadow-Signal-77";

async function expectProblem(response: APIResponse, status: number, code: string) {
  expect(response.status()).toBe(status);
  expect(response.headers()["content-type"]).toMatch(/^application\/problem\+json/);
  const body = await response.json();
  expect(body).toMatchObject({ status, code, title: expect.any(String), detail: expect.any(String) });
  expect(JSON.stringify(body)).not.toMatch(/at \/|\.ts:|SELECT|INSERT|argon2/);
  return body as { errors?: Record<string, string[]>; detail: string };
}

async function createUser(request: APIRequestContext, headers: Record<string, string>, body: Record<string, unknown>) {
  const response = await request.post("/api/v1/users", { headers, data: body });
  expect(response.status(), await response.text()).toBe(201);
  return { response, user: (await response.json()) as { id: string; username: string; email: string } & Record<string, unknown> };
}

/** A token of a plain user (no permissions), created through the API for that user. */
async function plainUserToken(request: APIRequestContext, adminAuth: Record<string, string>) {
  const { user } = await createUser(request, adminAuth, { email: `plain-${unique()}@example.test`, password: PASSWORD });
  return { user, headers: { Authorization: `Bearer ${await issueToken(request, adminAuth, user.id)}` } };
}

async function issueToken(request: APIRequestContext, adminAuth: Record<string, string>, userId: string): Promise<string> {
  const response = await request.post(`/api/v1/users/${userId}/tokens`, { headers: adminAuth, data: { name: "e2e" } });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { token: string }).token;
}

test.describe("POST /api/v1/users", () => {
  test("creates a user from exactly the JSON of justiam-users.txt: 201 + Location, no secrets", async ({ request, adminAuth }) => {
    const email = `alice-${unique()}@example.com`;
    const { response, user } = await createUser(request, adminAuth, {
      email,
      first_name: "Alice",
      last_name: "Smith",
      password: PASSWORD,
      is_admin: false,
      is_service_account: false,
    });
    expect(response.headers()["location"]).toMatch(new RegExp(`/api/v1/users/${user.id}$`));
    expect(user).toMatchObject({ email, username: email.split("@")[0], first_name: "Alice", last_name: "Smith", is_active: true, auth_source: "internal" });
    expect(JSON.stringify(user)).not.toMatch(/password_hash|"password"|argon2/);
    const fetched = await request.get(new URL(response.headers()["location"]).pathname, { headers: adminAuth });
    expect(fetched.status()).toBe(200);
    expect(await fetched.json()).toMatchObject({ id: user.id, email });
  });

  test("422 names each invalid field and creates nothing", async ({ request, adminAuth }) => {
    const email = `bad-${unique()}@example.test`;
    const body = await expectProblem(await request.post("/api/v1/users", { headers: adminAuth, data: { email, phone: "12345", password: "short" } }), 422, "validation");
    expect(Object.keys(body.errors ?? {})).toEqual(expect.arrayContaining(["phone"]));
    const list = await request.get("/api/v1/users", { headers: adminAuth, params: { q: email } });
    expect((await list.json()).total).toBe(0);
  });

  test("409 for an email that exists in another case", async ({ request, adminAuth }) => {
    const email = `dup-${unique()}@example.test`;
    await createUser(request, adminAuth, { email, is_service_account: true });
    await expectProblem(await request.post("/api/v1/users", { headers: adminAuth, data: { email: email.toUpperCase(), is_service_account: true } }), 409, "conflict");
  });

  test("401 without a token; 400 for a body that is not JSON", async ({ request, adminAuth }) => {
    await expectProblem(await request.post("/api/v1/users", { data: { email: "x@example.test" } }), 401, "unauthenticated");
    await expectProblem(await request.post("/api/v1/users", { headers: { ...adminAuth, "content-type": "application/json" }, data: Buffer.from("{nope") }), 400, "bad_request");
  });

  test("403 for a user without users.create", async ({ request, adminAuth }) => {
    const { headers } = await plainUserToken(request, adminAuth);
    await expectProblem(await request.post("/api/v1/users", { headers, data: { email: `x-${unique()}@example.test` } }), 403, "forbidden");
  });
});

test.describe("PATCH /api/v1/users/{id}", () => {
  test("updates the updatable fields and answers the new state", async ({ request, adminAuth }) => {
    const { user } = await createUser(request, adminAuth, { email: `pat-${unique()}@example.test`, password: PASSWORD });
    const response = await request.patch(`/api/v1/users/${user.id}`, {
      headers: adminAuth,
      data: { first_name: "Patched", phone: "+14155550123", mfa_policy: "force_enabled", is_active: false, date_expired: "2031-05-01T00:00:00.000Z" },
    });
    expect(response.status()).toBe(200);
    expect(await response.json()).toMatchObject({ first_name: "Patched", phone: "+14155550123", mfa_policy: "force_enabled", is_active: false, status: "inactive" });
    const again = await request.get(`/api/v1/users/${user.id}`, { headers: adminAuth });
    expect(await again.json()).toMatchObject({ first_name: "Patched", is_active: false, date_expired: "2031-05-01T00:00:00.000Z" });
  });

  test("422 for read-only fields, and nothing changes", async ({ request, adminAuth }) => {
    const { user } = await createUser(request, adminAuth, { email: `ro-${unique()}@example.test`, is_service_account: true });
    const body = await expectProblem(await request.patch(`/api/v1/users/${user.id}`, { headers: adminAuth, data: { username: "renamed", first_name: "X" } }), 422, "validation");
    expect(body.errors).toHaveProperty("username");
    expect(await (await request.get(`/api/v1/users/${user.id}`, { headers: adminAuth })).json()).toMatchObject({ username: user.username, first_name: "" });
  });

  test("409 when the last active super-admin would be deactivated or demoted", async ({ request, adminAuth }) => {
    const admins = await (await request.get("/api/v1/users", { headers: adminAuth, params: { is_admin: "true", status: "active", is_service_account: "false" } })).json();
    test.skip(admins.total !== 1, "another super-admin exists in this run");
    const [admin] = admins.data;
    await expectProblem(await request.patch(`/api/v1/users/${admin.id}`, { headers: adminAuth, data: { is_admin: false } }), 409, "conflict");
    await expectProblem(await request.patch(`/api/v1/users/${admin.id}`, { headers: adminAuth, data: { is_active: false } }), 409, "conflict");
  });

  test("404 for an unknown id", async ({ request, adminAuth }) => {
    await expectProblem(await request.patch("/api/v1/users/00000000-0000-0000-0000-00000000beef", { headers: adminAuth, data: { first_name: "x" } }), 404, "not_found");
  });
});

test.describe("DELETE /api/v1/users/{id}", () => {
  test("204, then the user is gone", async ({ request, adminAuth }) => {
    const { user } = await createUser(request, adminAuth, { email: `del-${unique()}@example.test`, is_service_account: true });
    const response = await request.delete(`/api/v1/users/${user.id}`, { headers: adminAuth });
    expect(response.status()).toBe(204);
    await expectProblem(await request.get(`/api/v1/users/${user.id}`, { headers: adminAuth }), 404, "not_found");
    await expectProblem(await request.delete(`/api/v1/users/${user.id}`, { headers: adminAuth }), 404, "not_found");
  });

  test("409 with an explanation for the control plane's service account", async ({ request, adminAuth }) => {
    const found = await (await request.get("/api/v1/users", { headers: adminAuth, params: { q: "cp-service@idp.local" } })).json();
    const body = await expectProblem(await request.delete(`/api/v1/users/${found.data[0].id}`, { headers: adminAuth }), 409, "conflict");
    expect(body.detail).toContain("control plane");
    expect((await request.get(`/api/v1/users/${found.data[0].id}`, { headers: adminAuth })).status()).toBe(200);
  });
});
