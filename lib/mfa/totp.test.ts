import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Executor } from "@/db/client";
import { auditEvents, mfaTotp } from "@/db/schema";
import { getDb } from "../db";
import { beginTotpEnrollment, verifyTotpCode } from "./totp";
import { timeStepAt } from "./totp-code";
import { enrolledTotpUser, oathtool, plusSteps } from "./totp-test-helpers";
import { auditOf, freshSelf, totpAt, trials } from "./testing";

/** A fixed clock in the middle of a time step: 2023-11-14T22:13:15Z. */
const T0 = new Date(1_699_999_995_000);

async function verifyInOwnTx(userId: string, code: string, at: Date) {
  const db = await getDb();
  return db.transaction((tx) => verifyTotpCode(tx, userId, code, at));
}

describe("T4: TOTP replay and window", () => {
  it("(a) accepts a code once: the same code a second time is refused, and the replay is audited", async () => {
    const { user, secret } = await enrolledTotpUser(T0);
    const at = plusSteps(T0, 2);
    const code = await totpAt(secret, at);
    expect(await verifyInOwnTx(user.id, code, at)).toBe(true);
    expect(await verifyInOwnTx(user.id, code, at)).toBe(false);
    const replays = await auditOf(user.id, "mfa.totp.replay");
    expect(replays).toHaveLength(1);
    expect(replays[0].outcome).toBe("failure");
    expect(JSON.stringify(replays[0])).not.toContain(code);
    expect(JSON.stringify(replays[0])).not.toContain(secret);
  });

  it("the enrollment code itself cannot sign in afterwards", async () => {
    const { user, secret } = await enrolledTotpUser(T0);
    expect(await verifyInOwnTx(user.id, await totpAt(secret, T0), T0)).toBe(false);
    expect(await auditOf(user.id, "mfa.totp.replay")).toHaveLength(1);
  });

  it(`(b) one valid code × 20 concurrent submissions: exactly one succeeds, in ${trials(25)} of ${trials(25)} trials`, async () => {
    const { user, secret } = await enrolledTotpUser(T0);
    const n = trials(25);
    const winners: number[] = [];
    for (let trial = 1; trial <= n; trial++) {
      const at = plusSteps(T0, trial * 3); // a fresh time step per trial, well past the last accepted one
      const code = await totpAt(secret, at);
      const results = await Promise.all(Array.from({ length: 20 }, () => verifyInOwnTx(user.id, code, at)));
      winners.push(results.filter(Boolean).length);
    }
    expect(winners.filter((w) => w !== 1)).toEqual([]);
    expect(await auditOf(user.id, "mfa.totp.replay")).toHaveLength(19 * n);
    console.info(`T4(b): ${winners.filter((w) => w === 1).length}/${n} trials with exactly one success of 20 concurrent submissions`);
  }, Math.max(60_000, trials(25) * 1_000));

  it("(c) after the code of step s, the code of step s-1 is refused", async () => {
    const { user, secret } = await enrolledTotpUser(T0);
    const at = plusSteps(T0, 10);
    expect(await verifyInOwnTx(user.id, await totpAt(secret, at), at)).toBe(true);
    expect(await verifyInOwnTx(user.id, await totpAt(secret, plusSteps(at, -1)), at)).toBe(false);
  });

  it("(d) steps s-2 and s+2 are refused; s-1 and s+1 are accepted while fresh, each only once", async () => {
    const { user, secret } = await enrolledTotpUser(T0);
    const at = plusSteps(T0, 10);
    expect(await verifyInOwnTx(user.id, await totpAt(secret, plusSteps(at, -2)), at)).toBe(false);
    expect(await verifyInOwnTx(user.id, await totpAt(secret, plusSteps(at, 2)), at)).toBe(false);
    expect(await verifyInOwnTx(user.id, await totpAt(secret, plusSteps(at, -1)), at)).toBe(true);
    expect(await verifyInOwnTx(user.id, await totpAt(secret, plusSteps(at, 1)), at)).toBe(true);
    // s+1 was accepted: s itself (now older than the last accepted step) no longer is.
    expect(await verifyInOwnTx(user.id, await totpAt(secret, at), at)).toBe(false);
    const db = await getDb();
    const [row] = await db.select().from(mfaTotp).where(eq(mfaTotp.userId, user.id));
    expect(row.lastTimeStep).toBe(timeStepAt(at) + 1);
  });

  it("answers a wrong code, a malformed one and a replay alike (false), and malformed input never reaches the database", async () => {
    const { user, secret } = await enrolledTotpUser(T0);
    const at = plusSteps(T0, 4);
    const right = await totpAt(secret, at);
    const wrong = String((Number(right) + 1) % 1_000_000).padStart(6, "0");
    expect(await verifyInOwnTx(user.id, wrong, at)).toBe(false);
    const untouchable = new Proxy({}, { get: () => { throw new Error("the database was touched"); } }) as Executor;
    for (const bad of ["", "12345", "1234567", "abcdef", "12345a", "١٢٣٤٥٦"]) expect(await verifyTotpCode(untouchable, user.id, bad, at)).toBe(false);
    expect(await verifyInOwnTx(user.id, `${right.slice(0, 3)} ${right.slice(3)}`, at)).toBe(true);
  });

  it("a pending (unconfirmed) enrollment does not count at sign-in", async () => {
    const { user, self } = await freshSelf();
    const { secret } = await beginTotpEnrollment(self);
    expect(await verifyInOwnTx(user.id, await totpAt(secret, T0), T0)).toBe(false);
    const db = await getDb();
    expect(await db.select().from(auditEvents).where(eq(auditEvents.targetId, user.id))).toHaveLength(0);
  });
});

describe("interoperability with Debian's oathtool (an independent RFC 6238 implementation)", () => {
  it("accepts oathtool's codes for the seed in our otpauth URI, at a fixed time and now", async () => {
    const { user, secret, otpauth_uri } = await enrolledTotpUser(T0);
    const uri = new URL(otpauth_uri);
    expect(uri.protocol).toBe("otpauth:");
    expect(uri.host).toBe("totp");
    expect(uri.searchParams.get("issuer")).toBe("Gatehouse");
    expect(decodeURIComponent(uri.pathname)).toBe(`/Gatehouse:${user.username}`);
    const seed = uri.searchParams.get("secret")!;
    expect(seed).toBe(secret);

    for (const steps of [3, 4, 7]) {
      const at = plusSteps(T0, steps);
      const fromOathtool = oathtool(["--totp", "-b", "-N", `@${Math.floor(at.getTime() / 1000)}`, seed]);
      expect(fromOathtool).toMatch(/^\d{6}$/);
      expect(fromOathtool).toBe(await totpAt(secret, at));
      expect(await verifyInOwnTx(user.id, fromOathtool, at)).toBe(true);
    }

    const live = oathtool(["--totp", "-b", seed]);
    expect(await verifyInOwnTx(user.id, live, new Date())).toBe(true);
  });
});
