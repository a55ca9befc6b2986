import type { APIRequestContext } from "@playwright/test";
import { createLocalJWKSet, jwtVerify } from "jose";
import { expect, test } from "../support/fixtures";

type Token = { id: string; user_id: string; name: string; prefix: string; scopes: string[] | null; expires_at: string; token?: string };

async function adminId(request: APIRequestContext, headers: Record<string, string>): Promise<string> {
  const res = await request.get("/api/v1/me", { headers });
  expect(res.status()).toBe(200);
  return ((await res.json()) as { id: string }).id;
}

async function newToken(request: APIRequestContext, headers: Record<string, string>, body: Record<string, unknown>) {
  const res = await request.post("/api/v1/me/tokens", { headers, data: body });
  expect(res.status()).toBe(201);
  return (await res.json()) as Token & { token: string };
}

test.describe("POST /api/v1/users/{id}/tokens", () => {
  test("answers 201 with the token once and a Location; lists and reads it without the secret; DELETE revokes it", async ({ request, adminAuth }) => {
    const id = await adminId(request, adminAuth);
    const created = await request.post(`/api/v1/users/${id}/tokens`, { headers: adminAuth, data: { name: "api-spec", expires_in_days: 7, scopes: ["users.view"] } });
    expect(created.status()).toBe(201);
    const token = (await created.json()) as Token & { token: string };
    expect(token.token).toMatch(/^gth_pat_[0-9A-Za-z]{43}$/);
    expect(created.headers().location).toMatch(new RegExp(`/api/v1/users/${id}/tokens/${token.id}$`));
    expect(token).toMatchObject({ user_id: id, name: "api-spec", prefix: token.token.slice(0, 14), scopes: ["users.view"] });

    const listed = await request.get(`/api/v1/users/${id}/tokens`, { headers: adminAuth, params: { limit: 100 } });
    expect(listed.status()).toBe(200);
    const text = await listed.text();
    expect(text).not.toContain(token.token);
    expect(JSON.parse(text).data.map((t: Token) => t.id)).toContain(token.id);
    const read = await request.get(`/api/v1/users/${id}/tokens/${token.id}`, { headers: adminAuth });
    expect(await read.json()).not.toHaveProperty("token");

    expect((await request.get("/api/v1/users", { headers: { Authorization: `Bearer ${token.token}` } })).status()).toBe(200);
    expect((await request.delete(`/api/v1/users/${id}/tokens/${token.id}`, { headers: adminAuth })).status()).toBe(204);
    expect((await request.get("/api/v1/users", { headers: { Authorization: `Bearer ${token.token}` } })).status()).toBe(401);
    expect((await request.get(`/api/v1/users/${id}/tokens/${token.id}`, { headers: adminAuth })).status()).toBe(404);
  });

  test("refuses the control plane's account with 409, and unknown fields with 422", async ({ request, adminAuth }) => {
    const users = await request.get("/api/v1/users", { headers: adminAuth, params: { q: "cp-service" } });
    const cp = ((await users.json()) as { data: { id: string; email: string }[] }).data.find((u) => u.email === "cp-service@idp.local")!;
    const refused = await request.post(`/api/v1/users/${cp.id}/tokens`, { headers: adminAuth, data: { name: "backdoor" } });
    expect(refused.status()).toBe(409);
    expect((await refused.json()).detail).toMatch(/control plane/);
    const id = await adminId(request, adminAuth);
    const foreign = await request.post(`/api/v1/users/${id}/tokens`, { headers: adminAuth, data: { name: "x", user_id: cp.id, is_builtin: true } });
    expect(foreign.status()).toBe(422);
  });

  test("never takes a token from the URL", async ({ request, adminAuth }) => {
    const token = adminAuth.Authorization.replace("Bearer ", "");
    const res = await request.get(`/api/v1/users?access_token=${token}`);
    expect(res.status()).toBe(401);
    expect(res.headers()["www-authenticate"]).toMatch(/^Bearer/);
  });
});

test.describe("POST /api/v1/auth/token", () => {
  test("exchanges a PAT for an ES256 JWT that an independent verifier accepts with the published JWKS", async ({ request, adminAuth, baseURL }) => {
    const pat = await newToken(request, adminAuth, { name: "jwt-spec", scopes: ["users.view", "groups.view"] });
    const res = await request.post("/api/v1/auth/token", { headers: { Authorization: `Bearer ${pat.token}` } });
    expect(res.status()).toBe(200);
    const body = (await res.json()) as { access_token: string; token_type: string; expires_in: number; scope: string };
    expect(body).toMatchObject({ token_type: "Bearer", expires_in: 900, scope: "users.view groups.view" });

    const jwks = await request.get("/.well-known/jwks.json");
    expect(jwks.status()).toBe(200);
    expect(jwks.headers()["content-type"]).toBe("application/jwk-set+json");
    const { payload, protectedHeader } = await jwtVerify(body.access_token, createLocalJWKSet(await jwks.json()), { issuer: new URL(baseURL!).origin, algorithms: ["ES256"] });
    expect(protectedHeader).toMatchObject({ alg: "ES256", typ: "at+jwt" });
    expect(payload).toMatchObject({ sub: pat.user_id, preferred_username: "admin", scope: "users.view groups.view" });
    expect(payload.exp! - payload.iat!).toBe(900);

    const auth = { Authorization: `Bearer ${body.access_token}` };
    expect((await request.get("/api/v1/groups", { headers: auth })).status()).toBe(200);
    expect((await request.get("/api/v1/roles", { headers: auth })).status()).toBe(403);
    expect((await request.post("/api/v1/auth/token", { headers: auth })).status()).toBe(403);
  });

  test("a JWT is refused once the user's JWTs are revoked; a new exchange works", async ({ request, adminAuth }) => {
    const pat = await newToken(request, adminAuth, { name: "revoke-spec" });
    const first = ((await (await request.post("/api/v1/auth/token", { headers: { Authorization: `Bearer ${pat.token}` } })).json()) as { access_token: string }).access_token;
    // A service account of its own, so revoking its JWTs touches nobody else's.
    const svc = await request.post("/api/v1/users", { headers: adminAuth, data: { email: `jwt${Date.now()}@service.test`, is_service_account: true } });
    const svcId = ((await svc.json()) as { id: string }).id;
    const svcPat = ((await (await request.post(`/api/v1/users/${svcId}/tokens`, { headers: adminAuth, data: { name: "svc" } })).json()) as { token: string }).token;
    const svcJwt = ((await (await request.post("/api/v1/auth/token", { headers: { Authorization: `Bearer ${svcPat}` } })).json()) as { access_token: string }).access_token;
    expect((await request.get("/api/v1/me", { headers: { Authorization: `Bearer ${svcJwt}` } })).status()).toBe(200);
    expect((await request.delete(`/api/v1/users/${svcId}/jwt-revocations`, { headers: adminAuth })).status()).toBe(204);
    expect((await request.get("/api/v1/me", { headers: { Authorization: `Bearer ${svcJwt}` } })).status()).toBe(401);
    const again = await request.post("/api/v1/auth/token", { headers: { Authorization: `Bearer ${svcPat}` } });
    const fresh = ((await again.json()) as { access_token: string }).access_token;
    expect((await request.get("/api/v1/me", { headers: { Authorization: `Bearer ${fresh}` } })).status()).toBe(200);
    expect((await request.get("/api/v1/me", { headers: { Authorization: `Bearer ${first}` } })).status()).toBe(200); // another user's JWT is untouched
  });
});
