import { describe, expect, it } from "vitest";
import { AppError } from "../errors";
import { enforceRateLimit, hitRateLimit, purgeRateLimits, resetRateLimit } from "./limiter";

const rule = { limit: 5, windowSeconds: 60 };

describe("rate limiter", () => {
  it("counts every concurrent hit exactly once", async () => {
    const results = await Promise.all(Array.from({ length: 40 }, () => hitRateLimit("test:concurrent", { limit: 10, windowSeconds: 3600 })));
    expect(results.map((r) => r.count).sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect(results.filter((r) => r.allowed)).toHaveLength(10);
  });

  it("starts a new window when the old one ends", async () => {
    const t0 = new Date("2026-01-01T00:00:10Z");
    for (let i = 0; i < 5; i++) await hitRateLimit("test:window", rule, undefined, t0);
    expect((await hitRateLimit("test:window", rule, undefined, t0)).allowed).toBe(false);
    const next = await hitRateLimit("test:window", rule, undefined, new Date("2026-01-01T00:01:00Z"));
    expect(next).toMatchObject({ allowed: true, count: 1, remaining: 4 });
  });

  it("throws a 429 with Retry-After once exceeded, and forgets a key on reset", async () => {
    for (let i = 0; i < 5; i++) await enforceRateLimit("test:enforce", rule);
    const error = await enforceRateLimit("test:enforce", rule).catch((e: AppError) => e);
    expect(error).toMatchObject({ code: "rate_limited", details: { retryAfterSeconds: expect.any(Number) } });
    await resetRateLimit("test:enforce");
    expect((await enforceRateLimit("test:enforce", rule)).count).toBe(1);
  });

  it("purges windows older than a day", async () => {
    await hitRateLimit("test:old", rule, undefined, new Date("2020-01-01T00:00:00Z"));
    await purgeRateLimits(new Date("2020-01-03T00:00:00Z"));
    expect((await hitRateLimit("test:old", rule, undefined, new Date("2020-01-01T00:00:30Z"))).count).toBe(1);
  });
});
