import { createLocalJWKSet, exportJWK, generateKeyPair, jwtVerify, SignJWT } from "jose";
import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { auditEvents } from "@/db/schema";
import { getDb } from "../db";
import { callRoute } from "../openapi/route-inventory";
import { actorFor, adminUser, createTestUser, grantSystemRole } from "../testing/factories";
import { createPersonalAccessToken } from "../tokens/pat";
import { issueAccessToken } from "./issue";
import { claimsOf, exchange, fetchJwks, headerOf } from "./testing";

const ISSUER = "http://localhost:3000";

async function patFor(scopes?: string[]) {
  const user = await createTestUser();
  await grantSystemRole(user.id, "system_admin");
  return { user, ...(await createPersonalAccessToken(await actorFor(user), user.id, { name: "jwt", scopes })) };
}

describe("POST /api/v1/auth/token", () => {
  afterEach(() => vi.useRealTimers());

  it("exchanges a PAT for an ES256 JWT valid 15 minutes with iss, sub, preferred_username, iat, exp, jti and scope", async () => {
    const { user, token, id } = await patFor(["users.view", "groups.view"]);
    const { status, body } = await exchange(token);
    expect(status).toBe(200);
    expect(body).toMatchObject({ token_type: "Bearer", expires_in: 900, scope: "users.view groups.view" });
    expect(headerOf(body.access_token)).toMatchObject({ alg: "ES256", typ: "at+jwt", kid: expect.any(String) });
    const claims = claimsOf(body.access_token);
    expect(claims).toMatchObject({ iss: ISSUER, sub: user.id, preferred_username: user.username, scope: "users.view groups.view", pat_id: id });
    expect(claims.exp).toBe((claims.iat as number) + 900);
    expect(Math.floor((claims.iat_ms as number) / 1000)).toBe(claims.iat);
    expect(claims.jti).toMatch(/^[0-9a-f-]{36}$/);
    expect(body.access_token).not.toContain(token);
    const db = await getDb();
    const events = await db.select().from(auditEvents).where(eq(auditEvents.action, "jwt.issue"));
    expect(events.some((e) => e.targetId === user.id)).toBe(true);
    expect(JSON.stringify(events)).not.toContain(body.access_token);
  });

  it("issues JWTs that an independent verifier (jose + the published JWKS) accepts, and refuses when tampered", async () => {
    const { token } = await patFor();
    const { body } = await exchange(token);
    const keySet = createLocalJWKSet((await fetchJwks()) as never);
    const { payload, protectedHeader } = await jwtVerify(body.access_token, keySet, { issuer: ISSUER, algorithms: ["ES256"], typ: "at+jwt" });
    expect(protectedHeader.kid).toBe(headerOf(body.access_token).kid);
    expect(payload.scope).toBe(body.scope);
    const [h, p, s] = body.access_token.split(".");
    const forgedPayload = Buffer.from(JSON.stringify({ ...claimsOf(body.access_token), scope: "everything" })).toString("base64url");
    await expect(jwtVerify(`${h}.${forgedPayload}.${s}`, keySet)).rejects.toThrow();
    expect((await callRoute("GET", "/users", {}, { token: `${h}.${forgedPayload}.${s}` })).status).toBe(401);
    expect(p).toBeTruthy();
  });

  it("is accepted by /api/v1 within its scope, and refused outside it", async () => {
    const { token } = await patFor();
    const { body } = await exchange(token, { scopes: ["users.view"] });
    expect(body.scope).toBe("users.view");
    expect((await callRoute("GET", "/users", {}, { token: body.access_token })).status).toBe(200);
    expect((await callRoute("GET", "/groups", {}, { token: body.access_token })).status).toBe(403);
  });

  it("never carries more than the PAT: wider scopes are 422, unknown ones too", async () => {
    const { token } = await patFor(["users.view"]);
    expect((await exchange(token, { scopes: ["users.delete"] })).status).toBe(422);
    expect((await exchange(token, { scopes: ["no.such"] })).status).toBe(422);
    expect((await exchange(token, { scopes: ["users.view"], user_id: "someone" })).status).toBe(422);
  });

  it("takes only a PAT: a JWT cannot be exchanged for another (its life ends at its own expiry), nor can a session", async () => {
    const { token } = await patFor();
    const { body } = await exchange(token);
    expect((await exchange(body.access_token)).status).toBe(403);
    const owner = await adminUser();
    await expect(issueAccessToken(await actorFor(owner))).rejects.toMatchObject({ code: "forbidden" });
    expect((await callRoute("POST", "/auth/token", {})).status).toBe(401);
  });

  it("is refused after it expires (15 minutes), and when signed by a key Gatehouse does not publish", async () => {
    const { token, user, id } = await patFor();
    const { body } = await exchange(token);
    const iat = claimsOf(body.access_token).iat as number;
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime((iat + 899) * 1000);
    expect((await callRoute("GET", "/users", {}, { token: body.access_token })).status).toBe(200);
    vi.setSystemTime((iat + 901) * 1000);
    expect((await callRoute("GET", "/users", {}, { token: body.access_token })).status).toBe(401);
    vi.useRealTimers();

    const { privateKey, publicKey } = await generateKeyPair("ES256");
    const kid = headerOf(body.access_token).kid as string;
    const claims = { ...claimsOf(body.access_token), sub: user.id, pat_id: id };
    const foreign = await new SignJWT(claims).setProtectedHeader({ alg: "ES256", kid, typ: "at+jwt" }).sign(privateKey);
    expect((await callRoute("GET", "/users", {}, { token: foreign })).status).toBe(401);
    const unknownKid = await new SignJWT(claims).setProtectedHeader({ alg: "ES256", kid: "nope", typ: "at+jwt" }).sign(privateKey);
    expect((await callRoute("GET", "/users", {}, { token: unknownKid })).status).toBe(401);
    const unsigned = `${Buffer.from(JSON.stringify({ alg: "none", kid, typ: "at+jwt" })).toString("base64url")}.${body.access_token.split(".")[1]}.`;
    expect((await callRoute("GET", "/users", {}, { token: unsigned })).status).toBe(401);
    expect(await exportJWK(publicKey)).toBeTruthy();
  });

  it("ends with the PAT it was exchanged for", async () => {
    const { token, user, id } = await patFor();
    const { body } = await exchange(token);
    expect((await callRoute("GET", "/users", {}, { token: body.access_token })).status).toBe(200);
    const owner = await actorFor(user);
    const deleted = await callRoute("DELETE", "/users/{id}/tokens/{tokenId}", { id: user.id, tokenId: id }, { token: body.access_token });
    expect(deleted.status).toBe(204);
    expect((await callRoute("GET", "/users", {}, { token: body.access_token })).status).toBe(401);
    expect(owner.userId).toBe(user.id);
  });
});
