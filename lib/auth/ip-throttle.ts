import "server-only";
import { eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { rateLimits } from "@/db/schema";
import { hitRateLimit, type RateLimitRule } from "../rate-limit/limiter";
import type { Settings } from "../settings/schema";

type IpRules = Pick<Settings["login"], "ip_lockout_threshold" | "ip_lockout_minutes">;

/** An unknown address (no parseable client IP) shares one bucket: failing closed, not open. */
export const ipFailureKey = (ip: string | null) => `sign-in-failures:ip:${ip ?? "unknown"}`;

const rule = (rules: IpRules): RateLimitRule => ({ limit: rules.ip_lockout_threshold, windowSeconds: rules.ip_lockout_minutes * 60 });

/**
 * Whether an address has used up its failed sign-ins for the current window (JumpServer's per-IP limit). Only failures
 * count, so a busy office behind one address is not throttled by its successful sign-ins. This read is not atomic
 * with the later count; concurrent requests can overshoot by their number, which the per-account lock bounds anyway.
 */
export async function isIpBlocked(db: Executor, ip: string | null, rules: IpRules, now = new Date()): Promise<boolean> {
  const { windowSeconds, limit } = rule(rules);
  const windowStart = Math.floor(now.getTime() / (windowSeconds * 1000)) * windowSeconds * 1000;
  const [row] = await db.select().from(rateLimits).where(eq(rateLimits.key, ipFailureKey(ip)));
  return !!row && row.windowStart.getTime() === windowStart && row.count >= limit;
}

/** Counts one failed sign-in for the address (atomic, shared by all instances). */
export async function recordIpFailure(db: Executor, ip: string | null, rules: IpRules): Promise<void> {
  await hitRateLimit(ipFailureKey(ip), rule(rules), db);
}
