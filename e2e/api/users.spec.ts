import type { APIRequestContext, APIResponse } from "@playwright/test";
import { ADMIN_USERNAME } from "../support/constants.mjs";
import { expect, test } from "../support/fixtures";

type User = Record<string, unknown> & { id: string; username: string };
type UserPage = { data: User[]; total: number; page: number; limit: number };

/** No secret material may ever appear in an API body, under any spelling. */
function expectNoSecrets(body: unknown) {
  const text = JSON.stringify(body);
  expect(text).not.toContain("password_hash");
  expect(text).not.toContain("passwordHash");
  expect(text).not.toContain("$argon2");
}

async function expectProblem(response: APIResponse, status: number, code: string) {
  expect(response.status()).toBe(status);
  expect(response.headers()["content-type"]).toMatch(/^application\/problem\+json/);
  const body = await response.json();
  expect(body).toMatchObject({ status, code });
  return body as Record<string, unknown>;
}

async function findAdmin(request: APIRequestContext, headers: Record<string, string>): Promise<User> {
  const response = await request.get("/api/v1/users", { headers, params: { q: ADMIN_USERNAME, limit: 100 } });
  expect(response.status()).toBe(200);
  const admin = ((await response.json()) as UserPage).data.find((u) => u.username === ADMIN_USERNAME);
  expect(admin, "the bootstrap admin is listed").toBeDefined();
  return admin!;
}

test.describe("GET /api/v1/users", () => {
  test("lists users for a Bearer PAT, without secrets", async ({ request, adminAuth }) => {
    const response = await request.get("/api/v1/users", { headers: adminAuth });

    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toMatch(/^application\/json/);
    const body = (await response.json()) as UserPage;
    expect(body).toEqual({ data: expect.any(Array), total: expect.any(Number), page: 1, limit: 20 });
    expect(body.total).toBeGreaterThanOrEqual(body.data.length);
    const admin = body.data.find((u) => u.username === ADMIN_USERNAME);
    expect(admin).toMatchObject({ is_admin: true, is_active: true, is_service_account: false, auth_source: "internal" });
    expectNoSecrets(body);
  });

  test("rejects limit above 100 with 422 naming the field", async ({ request, adminAuth }) => {
    const response = await request.get("/api/v1/users?limit=101", { headers: adminAuth });

    const body = await expectProblem(response, 422, "validation");
    expect(body.errors).toHaveProperty("limit");
  });

  test("answers 401 problem+json without a token", async ({ request }) => {
    const response = await request.get("/api/v1/users");

    await expectProblem(response, 401, "unauthenticated");
    expect(response.headers()["www-authenticate"]).toMatch(/^Bearer\b/);
  });

  test("answers 401 for a malformed token", async ({ request }) => {
    const response = await request.get("/api/v1/users", { headers: { Authorization: "Bearer gth_pat_nope" } });

    await expectProblem(response, 401, "unauthenticated");
  });

  test("ignores a token in the query string", async ({ request, adminAuth }) => {
    const token = adminAuth.Authorization.replace(/^Bearer /, "");
    const response = await request.get(`/api/v1/users?access_token=${encodeURIComponent(token)}`);

    await expectProblem(response, 401, "unauthenticated");
  });
});

test.describe("GET /api/v1/users/{id}", () => {
  test("returns one user with the same fields as the list", async ({ request, adminAuth }) => {
    const listed = await findAdmin(request, adminAuth);

    const response = await request.get(`/api/v1/users/${listed.id}`, { headers: adminAuth });

    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toMatch(/^application\/json/);
    const user = (await response.json()) as User;
    expect(Object.keys(user).sort()).toEqual(Object.keys(listed).sort());
    expect(user).toMatchObject({ id: listed.id, username: listed.username, email: listed.email, is_admin: true });
    expectNoSecrets(user);
  });

  test("answers 404 problem+json for an unknown id", async ({ request, adminAuth }) => {
    const response = await request.get("/api/v1/users/7f0c1a52-3b1e-4c8a-9d2f-0a1b2c3d4e5f", { headers: adminAuth });

    await expectProblem(response, 404, "not_found");
  });

  test("answers 404 for an id that is not a UUID", async ({ request, adminAuth }) => {
    const response = await request.get("/api/v1/users/not-a-uuid", { headers: adminAuth });

    await expectProblem(response, 404, "not_found");
  });

  test("answers 401 without a token", async ({ request, adminAuth }) => {
    const admin = await findAdmin(request, adminAuth);

    await expectProblem(await request.get(`/api/v1/users/${admin.id}`), 401, "unauthenticated");
  });
});
