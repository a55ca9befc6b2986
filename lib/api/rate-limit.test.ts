import { afterEach, describe, expect, it, vi } from "vitest";
import { exchange } from "../jwt/testing";
import { callRoute } from "../openapi/route-inventory";
import { updateSettingsSection } from "../settings/update";
import { actorFor, adminUser } from "../testing/factories";
import { createPersonalAccessToken } from "../tokens/pat";

describe("the per-token /api/v1 rate limit", () => {
  afterEach(() => vi.useRealTimers());

  it("answers 429 problem+json with Retry-After past the limit; JWTs count against their PAT; other tokens are unaffected", async () => {
    const owner = await adminUser();
    const actor = await actorFor(owner);
    const limited = await createPersonalAccessToken(actor, owner.id, { name: "busy" });
    const other = await createPersonalAccessToken(actor, owner.id, { name: "calm" });
    const jwt = (await exchange(limited.token)).body.access_token;
    await updateSettingsSection(actor, "tokens", { api_rate_limit_per_minute: 10 });
    try {
      // Start of a fresh one-minute window, so the window cannot roll over mid-test.
      vi.useFakeTimers({ toFake: ["Date"] });
      vi.setSystemTime(Math.ceil(Date.now() / 60_000) * 60_000 + 100);
      for (let i = 0; i < 9; i++) {
        const res = await callRoute("GET", "/users", {}, { token: limited.token, query: { limit: "1" } });
        expect(res.status).toBe(200);
        expect(res.headers.get("ratelimit-remaining")).toBe(String(10 - i - 1));
      }
      expect((await callRoute("GET", "/users", {}, { token: jwt })).status).toBe(200); // the 10th, via its JWT
      for (const token of [limited.token, jwt]) {
        const res = await callRoute("GET", "/users", {}, { token });
        expect(res.status).toBe(429);
        expect(res.headers.get("content-type")).toBe("application/problem+json");
        const retryAfter = Number(res.headers.get("retry-after"));
        expect(retryAfter).toBeGreaterThanOrEqual(1);
        expect(retryAfter).toBeLessThanOrEqual(60);
        expect(await res.json()).toMatchObject({ status: 429, code: "rate_limited" });
      }
      expect((await callRoute("GET", "/users", {}, { token: other.token })).status).toBe(200);
      vi.setSystemTime(Date.now() + 60_000);
      expect((await callRoute("GET", "/users", {}, { token: limited.token })).status).toBe(200);
    } finally {
      vi.useRealTimers();
      await updateSettingsSection(actor, "tokens", { api_rate_limit_per_minute: 600 });
    }
  });
});
