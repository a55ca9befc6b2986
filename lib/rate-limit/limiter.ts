import "server-only";
import { eq, lt, sql } from "drizzle-orm";
import { rowsOf, type Executor } from "@/db/client";
import { rateLimits } from "@/db/schema";
import { getDb } from "../db";
import { AppError } from "../errors";

export type RateLimitRule = { limit: number; windowSeconds: number };
export type RateLimitResult = { allowed: boolean; count: number; remaining: number; retryAfterSeconds: number };

/**
 * Counts one hit for `key` in the current fixed window, atomically in PostgreSQL (one upsert), so the limit holds
 * across server instances and under concurrency: N concurrent hits always count N.
 */
export async function hitRateLimit(key: string, rule: RateLimitRule, db?: Executor, now = new Date()): Promise<RateLimitResult> {
  const windowMs = rule.windowSeconds * 1000;
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const executor = db ?? (await getDb());
  const [row] = rowsOf<{ count: number }>(
    await executor.execute(sql`
      insert into ${rateLimits} (key, window_start, count) values (${key}, ${windowStart.toISOString()}, 1)
      on conflict (key) do update set
        count = case when ${rateLimits.windowStart} = excluded.window_start then ${rateLimits.count} + 1 else 1 end,
        window_start = excluded.window_start
      returning count`),
  );
  const count = Number(row.count);
  const retryAfterSeconds = Math.max(1, Math.ceil((windowStart.getTime() + windowMs - now.getTime()) / 1000));
  return { allowed: count <= rule.limit, count, remaining: Math.max(0, rule.limit - count), retryAfterSeconds };
}

/** Like hitRateLimit, but throws a 429 AppError (with Retry-After) once the limit is exceeded. */
export async function enforceRateLimit(key: string, rule: RateLimitRule, db?: Executor): Promise<RateLimitResult> {
  const result = await hitRateLimit(key, rule, db);
  if (!result.allowed) {
    throw new AppError("rate_limited", "Too many requests. Try again later.", { retryAfterSeconds: result.retryAfterSeconds });
  }
  return result;
}

export async function resetRateLimit(key: string, db?: Executor): Promise<void> {
  await (db ?? (await getDb())).delete(rateLimits).where(eq(rateLimits.key, key));
}

/** Housekeeping: drops counters whose window ended more than a day ago. */
export async function purgeRateLimits(now = new Date(), db?: Executor): Promise<void> {
  await (db ?? (await getDb())).delete(rateLimits).where(lt(rateLimits.windowStart, new Date(now.getTime() - 86_400_000)));
}
