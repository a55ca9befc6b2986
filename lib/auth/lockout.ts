import "server-only";
import { and, eq, gte, isNull, lte, or, sql } from "drizzle-orm";
import { rowsOf, type Executor } from "@/db/client";
import { users } from "@/db/schema";
import type { Settings } from "../settings/schema";

type LoginRules = Pick<Settings["login"], "lockout_threshold" | "lockout_minutes">;

/** One claimed attempt: its number in the current lock cycle, and whether the account is (now) locked. */
export type AttemptClaim = { attempt: number; locked: boolean };

/**
 * Counts a sign-in attempt on a known account BEFORE its password is checked, in one atomic UPDATE … RETURNING, so
 * N concurrent attempts always count N (T2). Only attempts numbered up to the threshold may verify the real password;
 * any later one locks the account at once. That bounds the guesses per lock cycle to the threshold however many
 * requests race. A lock that has run out starts a fresh cycle. A successful sign-in resets the count.
 */
export async function claimSignInAttempt(db: Executor, userId: string, rules: LoginRules): Promise<AttemptClaim> {
  const expired = sql`(${users.lockedUntil} is not null and ${users.lockedUntil} <= now())`;
  const next = sql`case when ${expired} then 1 else ${users.failedLoginCount} + 1 end`;
  const [row] = rowsOf<{ attempt: number; locked: boolean }>(
    await db.execute(sql`
      update ${users} set
        failed_login_count = ${next},
        locked_until = case
          when ${users.lockedUntil} > now() then ${users.lockedUntil}
          when ${next} > ${rules.lockout_threshold} then now() + make_interval(mins => ${rules.lockout_minutes})
          else null end
      where ${users.id} = ${userId}
      returning failed_login_count as attempt, (locked_until is not null and locked_until > now()) as locked`),
  );
  return row ? { attempt: Number(row.attempt), locked: row.locked === true || String(row.locked) === "t" } : { attempt: 0, locked: false };
}

/** After a wrong password: the attempt that reaches the threshold locks the account (if nothing locked it meanwhile). */
export async function lockIfThresholdReached(db: Executor, userId: string, rules: LoginRules): Promise<void> {
  await db
    .update(users)
    .set({ lockedUntil: sql`now() + make_interval(mins => ${rules.lockout_minutes})` })
    .where(
      and(
        eq(users.id, userId),
        gte(users.failedLoginCount, rules.lockout_threshold),
        or(isNull(users.lockedUntil), lte(users.lockedUntil, sql`now()`)),
      ),
    );
}

/** When an admin clears the lock: password and second-factor failure counts both start again. */
export async function resetFailedLogins(db: Executor, userId: string): Promise<void> {
  await db.update(users).set({ failedLoginCount: 0, mfaFailedCount: 0, lockedUntil: null }).where(eq(users.id, userId));
}

export const isLocked = (user: { lockedUntil: Date | null }, now = new Date()) => !!user.lockedUntil && user.lockedUntil > now;
