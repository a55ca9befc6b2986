/**
 * T10: no user enumeration through sign-in or "forgot password" — same answer, same timing.
 * Timing is compared on medians (and p90) of interleaved calls of the domain functions, which is what the route
 * handlers wait for. Bounds are deliberately generous for a shared 2-core machine; the measured figures are printed.
 */
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { auditEvents, passwordResetTokens } from "@/db/schema";
import { getDb } from "../db";
import { createTestUser, TEST_PASSWORD } from "../testing/factories";
import { NO_META } from "./actor";
import { FORGOT_PASSWORD_RESPONSE, requestPasswordReset } from "./password-reset";
import { signInWithPassword } from "./sign-in";

beforeEach(() => {
  vi.spyOn(console, "info").mockImplementation(() => {}); // the log mail transport
});
afterEach(() => vi.restoreAllMocks());

let ipCounter = 0;
const freshMeta = () => ({ ...NO_META, ip: `10.${(ipCounter >> 16) & 255}.${(ipCounter >> 8) & 255}.${ipCounter++ & 255}`, userAgent: "vitest" });

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
};

/** Runs every case once per round, in a rotating order, and returns each case's durations in ms. */
async function interleaved(rounds: number, cases: Record<string, () => Promise<unknown>>): Promise<Record<string, number[]>> {
  const names = Object.keys(cases);
  const times: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  for (let round = 0; round < rounds; round++) {
    for (let k = 0; k < names.length; k++) {
      const name = names[(round + k) % names.length];
      const started = performance.now();
      await cases[name]();
      times[name].push(performance.now() - started);
    }
  }
  return times;
}

/**
 * Median of the per-round differences between two cases. Each round runs every case back to back, so load from
 * other processes on a shared machine hits both sides of a pair alike and cancels out.
 */
const pairedMedian = (a: number[], b: number[]) => quantile(a.map((value, i) => value - b[i]), 0.5);

function report(label: string, times: Record<string, number[]>, baseline: string) {
  const rows = Object.entries(times).map(
    ([name, t]) =>
      `${name}: median ${quantile(t, 0.5).toFixed(2)} ms, p90 ${quantile(t, 0.9).toFixed(2)} ms` +
      (name === baseline ? "" : `, paired median difference to ${baseline} ${pairedMedian(t, times[baseline]).toFixed(2)} ms`),
  );
  process.stdout.write(`T10 ${label} (n=${Object.values(times)[0].length} each)\n  ${rows.join("\n  ")}\n`);
}

describe("forgot password (T10)", () => {
  it("answers every address alike and mails only an eligible local account", async () => {
    const local = await createTestUser();
    const federated = await createTestUser({ authSource: "corp-ldap", passwordHash: null });
    const inactive = await createTestUser({ isActive: false });
    const jobs: Array<() => Promise<void>> = [];
    const collect = (job: () => Promise<void>) => void jobs.push(job);
    const answers = [];
    for (const email of [local.email, "nobody@example.test", federated.email, inactive.email, local.email.toUpperCase()]) {
      answers.push(await requestPasswordReset({ email }, freshMeta(), collect));
    }
    expect(answers.every((a) => JSON.stringify(a) === JSON.stringify(FORGOT_PASSWORD_RESPONSE))).toBe(true);
    for (const job of jobs) await job();

    const db = await getDb();
    const links = await db.select().from(passwordResetTokens);
    expect(links.filter((l) => l.userId === local.id)).toHaveLength(2);
    expect(links.filter((l) => [federated.id, inactive.id].includes(l.userId))).toHaveLength(0);
    const requests = await db.select().from(auditEvents).where(eq(auditEvents.action, "auth.password_reset_request"));
    expect(requests.map((e) => (e.metadata as { reason?: string } | null)?.reason ?? "sent").sort()).toEqual(["federated", "inactive", "sent", "sent", "unknown_email"]);
  });

  it("caps reset mails at 3 per account per 15 minutes, silently", async () => {
    const user = await createTestUser();
    const jobs: Array<() => Promise<void>> = [];
    for (let i = 0; i < 5; i++) expect(await requestPasswordReset({ email: user.email }, freshMeta(), (job) => void jobs.push(job))).toEqual(FORGOT_PASSWORD_RESPONSE);
    await Promise.all(jobs.map((job) => job()));
    const db = await getDb();
    expect(await db.select().from(passwordResetTokens).where(eq(passwordResetTokens.userId, user.id))).toHaveLength(3);
  });

  it("refuses malformed input with 422 and limits requests per address with 429, whoever they are about", async () => {
    const codeOf = (p: Promise<unknown>) => p.then(() => "ok", (e: { code?: string }) => e.code);
    expect(await codeOf(requestPasswordReset({ email: "not-an-email" }, freshMeta(), () => {}))).toBe("validation");
    const meta = freshMeta();
    const codes = [];
    for (let i = 0; i < 11; i++) codes.push(await codeOf(requestPasswordReset({ email: `x${i}@example.test` }, meta, () => {})));
    expect(codes.slice(0, 10).every((c) => c === "ok")).toBe(true);
    expect(codes[10]).toBe("rate_limited");
  });

  it("takes the same time whether or not the account exists", async () => {
    const users = await Promise.all(Array.from({ length: 5 }, () => createTestUser()));
    let i = 0;
    const pending: Array<() => Promise<void>> = [];
    const keep = (job: () => Promise<void>) => void pending.push(job);
    const drain = async () => {
      for (const job of pending.splice(0)) await job();
    };
    const times = await interleaved(150, {
      existing: async () => {
        await requestPasswordReset({ email: users[i++ % users.length].email }, freshMeta(), keep);
        await drain().then(() => undefined);
      },
      unknown: async () => {
        await requestPasswordReset({ email: `nobody-${i++}@example.test` }, freshMeta(), keep);
        await drain().then(() => undefined);
      },
    });
    // The timed region above includes the drained work so the comparison is conservative; see below for the response alone.
    const response = await interleaved(150, {
      existing: () => requestPasswordReset({ email: users[i++ % users.length].email }, freshMeta(), keep),
      unknown: () => requestPasswordReset({ email: `nobody-${i++}@example.test` }, freshMeta(), keep),
    });
    await drain();
    report("forgot-password, response + delivery", times, "unknown");
    report("forgot-password, response only", response, "unknown");
    expect(Math.abs(pairedMedian(response.existing, response.unknown))).toBeLessThan(5);
    expect(Math.abs(quantile(response.existing, 0.9) - quantile(response.unknown, 0.9))).toBeLessThan(15);
  });
});

describe("password sign-in (T10)", () => {
  it("costs the same for an unknown user, a wrong password, a locked and an inactive account", async () => {
    // Enough accounts that none reaches the lockout threshold: every "wrong password" really checks the hash.
    const wrong = await Promise.all(Array.from({ length: 12 }, () => createTestUser()));
    let n = 0;
    const locked = await createTestUser({ lockedUntil: new Date(Date.now() + 3_600_000), failedLoginCount: 7 });
    const inactive = await createTestUser({ isActive: false });
    const times = await interleaved(60, {
      unknown_user: () => signInWithPassword({ identifier: "nobody-at-all", password: TEST_PASSWORD }, freshMeta()),
      wrong_password: () => signInWithPassword({ identifier: wrong[n++ % wrong.length].username, password: "Wrong-Password-1" }, freshMeta()),
      locked_right_password: () => signInWithPassword({ identifier: locked.username, password: TEST_PASSWORD }, freshMeta()),
      inactive_right_password: () => signInWithPassword({ identifier: inactive.username, password: TEST_PASSWORD }, freshMeta()),
    });
    report("sign-in", times, "unknown_user");
    // One argon2id verification (m=19 MiB, t=2) dominates every path; the database work differs by a statement or two.
    for (const name of ["wrong_password", "locked_right_password", "inactive_right_password"]) {
      expect(Math.abs(pairedMedian(times[name], times.unknown_user)), name).toBeLessThan(10);
    }
  });
});
