import { createLocalJWKSet, jwtVerify } from "jose";
import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { signingKeys } from "@/db/schema";
import { getDb } from "../db";
import { callRoute } from "../openapi/route-inventory";
import { actorFor, createTestUser, grantSystemRole } from "../testing/factories";
import { createPersonalAccessToken } from "../tokens/pat";
import { publishedJwks, RETIRED_KEY_PUBLISHED_MS, rotateSigningKey } from "./keys";
import { exchange, fetchJwks, headerOf } from "./testing";

async function freshJwt() {
  const user = await createTestUser();
  await grantSystemRole(user.id, "system_admin");
  const { token } = await createPersonalAccessToken(await actorFor(user), user.id, { name: "k" });
  return (await exchange(token)).body.access_token;
}
const kids = async () => (await fetchJwks()).keys.map((k) => k.kid);

describe("signing keys", () => {
  afterEach(() => vi.useRealTimers());

  it("keep the private key encrypted at rest and publish only the public part", async () => {
    await freshJwt();
    const db = await getDb();
    const rows = await db.select().from(signingKeys);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.privateKeyEncrypted).toMatch(/^v1\./);
      expect(row.privateKeyEncrypted).not.toMatch(/PRIVATE KEY/);
      expect(Object.keys(row.publicJwk).sort()).toEqual(["crv", "kty", "x", "y"]);
    }
    for (const key of (await fetchJwks()).keys) {
      expect(key).toMatchObject({ kty: "EC", crv: "P-256", alg: "ES256", use: "sig" });
      expect(key).not.toHaveProperty("d");
    }
  });

  it("rotate: the old public key stays published until its tokens have expired, then leaves the JWKS", async () => {
    const before = await freshJwt();
    const oldKid = headerOf(before).kid as string;
    const rotated = await rotateSigningKey();
    expect(rotated.retired).toContain(oldKid);

    const after = await freshJwt();
    expect(headerOf(after).kid).toBe(rotated.kid);
    expect(await kids()).toEqual(expect.arrayContaining([oldKid, rotated.kid]));
    // Both tokens verify: by the API, and by an independent verifier using the published JWKS.
    const keySet = createLocalJWKSet((await fetchJwks()) as never);
    for (const jwt of [before, after]) {
      expect((await callRoute("GET", "/users", {}, { token: jwt })).status).toBe(200);
      await expect(jwtVerify(jwt, keySet, { issuer: "http://localhost:3000" })).resolves.toBeTruthy();
    }

    const db = await getDb();
    const [old] = await db.select().from(signingKeys).where(eq(signingKeys.kid, oldKid));
    const publishedUntil = old.retiredAt!.getTime() + RETIRED_KEY_PUBLISHED_MS;
    expect(publishedUntil).toBeGreaterThanOrEqual(JSON.parse(Buffer.from(before.split(".")[1], "base64url").toString()).exp * 1000);
    expect((await publishedJwks(new Date(publishedUntil - 1000))).keys.map((k) => k.kid)).toContain(oldKid);
    const later = (await publishedJwks(new Date(publishedUntil + 1000))).keys.map((k) => k.kid);
    expect(later).not.toContain(oldKid);
    expect(later).toContain(rotated.kid);

    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(publishedUntil + 1000);
    expect((await callRoute("GET", "/users", {}, { token: before })).status).toBe(401);
  });

  it("rotations delete keys retired long ago, never the active one nor one still published", async () => {
    const zero = await rotateSigningKey();
    const first = await rotateSigningKey();
    expect(first.retired).toEqual([zero.kid]);
    const second = await rotateSigningKey(new Date(Date.now() + 3 * 86_400_000));
    const db = await getDb();
    const remaining = (await db.select({ kid: signingKeys.kid }).from(signingKeys)).map((r) => r.kid);
    expect(remaining).not.toContain(zero.kid);
    expect(remaining).toEqual(expect.arrayContaining([first.kid, second.kid]));
  });
});
