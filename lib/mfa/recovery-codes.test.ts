import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { rowsOf } from "@/db/client";
import { auditEvents, mfaRecoveryCodes } from "@/db/schema";
import { getDb } from "../db";
import { AppError } from "../errors";
import { hashCode } from "./code-hash";
import {
  consumeRecoveryCode,
  normaliseRecoveryCode,
  RECOVERY_CODE_ALPHABET,
  RECOVERY_CODE_BITS,
  RECOVERY_CODE_LENGTH,
  regenerateRecoveryCodes,
  replaceRecoveryCodes,
} from "./recovery-codes";
import { enrolledTotpUser } from "./totp-test-helpers";
import { auditOf, freshSelf, trials } from "./testing";

const codeOf = (promise: Promise<unknown>) => promise.then(() => "ok", (e: unknown) => (e instanceof AppError ? e.code : String(e)));

async function consumeInOwnTx(userId: string, code: string) {
  const db = await getDb();
  return db.transaction((tx) => consumeRecoveryCode(tx, userId, code));
}

describe("T5: recovery codes", () => {
  it("are 10 distinct codes of at least 50 bits each, from a 32-symbol alphabet, shown as xxxx-xxxx-xxxx", async () => {
    expect(new Set(RECOVERY_CODE_ALPHABET).size).toBe(RECOVERY_CODE_ALPHABET.length);
    expect(RECOVERY_CODE_ALPHABET.length).toBe(32);
    expect(RECOVERY_CODE_BITS).toBe(RECOVERY_CODE_LENGTH * Math.log2(RECOVERY_CODE_ALPHABET.length));
    expect(RECOVERY_CODE_BITS).toBeGreaterThanOrEqual(50);
    const { recovery_codes } = await enrolledTotpUser(new Date());
    expect(new Set(recovery_codes).size).toBe(10);
    const symbol = `[${RECOVERY_CODE_ALPHABET}]`;
    for (const code of recovery_codes) expect(code).toMatch(new RegExp(`^${symbol}{4}-${symbol}{4}-${symbol}{4}$`));
  });

  it(`each code hit by 20 concurrent submissions succeeds exactly once, in ${trials(10)} of ${trials(10)} trials`, async () => {
    const { user } = await enrolledTotpUser(new Date());
    const db = await getDb();
    const n = trials(10);
    const bad: string[] = [];
    for (let trial = 1; trial <= n; trial++) {
      const codes = await db.transaction((tx) => replaceRecoveryCodes(tx, user.id));
      const results = await Promise.all(codes.map((code) => Promise.all(Array.from({ length: 20 }, () => consumeInOwnTx(user.id, code)))));
      results.forEach((perCode, i) => {
        const wins = perCode.filter(Boolean).length;
        if (wins !== 1) bad.push(`trial ${trial} code ${i}: ${wins} successes`);
      });
    }
    expect(bad).toEqual([]);
    const [left] = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from mfa_recovery_codes where user_id = ${user.id} and used_at is null`));
    expect(Number(left.n)).toBe(0);
    expect(await auditOf(user.id, "mfa.recovery_code.use")).toHaveLength(10 * n);
    console.info(`T5: ${n * 10 - bad.length}/${n * 10} codes (${n} trials × 10) with exactly one success of 20 concurrent submissions`);
  }, Math.max(60_000, trials(10) * 3_000));

  it("accepts a code in any case, with spaces or without dashes, once; refuses it for another person", async () => {
    const { user, recovery_codes } = await enrolledTotpUser(new Date());
    const other = await enrolledTotpUser(new Date());
    const [first, second] = recovery_codes;
    expect(await consumeInOwnTx(other.user.id, first)).toBe(false);
    expect(await consumeInOwnTx(user.id, ` ${first.toLowerCase().replaceAll("-", " ")} `)).toBe(true);
    expect(await consumeInOwnTx(user.id, first)).toBe(false);
    expect(await consumeInOwnTx(user.id, second.replaceAll("-", ""))).toBe(true);
    for (const junk of ["", "x", "AAAA-AAAA-AAAA", `${first}2`, "0OI1-0OI1-0OI1"]) expect(await consumeInOwnTx(user.id, junk)).toBe(false);
    const [use] = await auditOf(user.id, "mfa.recovery_code.use");
    expect(use.metadata).toMatchObject({ remaining: 9 });
    expect(normaliseRecoveryCode("ab cd-EF")).toBe("ABCDEF");
  });

  it("regenerating refuses every old code and audits; it needs an enrolled method (409)", async () => {
    const { user, self, recovery_codes: old } = await enrolledTotpUser(new Date());
    const fresh = await regenerateRecoveryCodes(self);
    expect(fresh).toHaveLength(10);
    expect(fresh.filter((c) => old.includes(c))).toEqual([]);
    for (const code of old) expect(await consumeInOwnTx(user.id, code)).toBe(false);
    expect(await consumeInOwnTx(user.id, fresh[3])).toBe(true);
    expect(await auditOf(user.id, "mfa.recovery_codes.regenerate")).toHaveLength(1);

    const { self: nobody } = await freshSelf();
    expect(await codeOf(regenerateRecoveryCodes(nobody))).toBe("conflict");
    const db = await getDb();
    expect(await db.select().from(mfaRecoveryCodes).where(eq(mfaRecoveryCodes.userId, nobody.user.id))).toHaveLength(0);
  });

  it("the database holds only HMAC hashes bound to the person: no plaintext in any column or audit row", async () => {
    const { user, recovery_codes } = await enrolledTotpUser(new Date());
    const db = await getDb();
    const rows = await db.select().from(mfaRecoveryCodes).where(eq(mfaRecoveryCodes.userId, user.id));
    expect(rows).toHaveLength(10);
    const stored = JSON.stringify(rows) + JSON.stringify(await db.select().from(auditEvents).where(eq(auditEvents.targetId, user.id)));
    for (const code of recovery_codes) {
      for (const form of [code, code.replaceAll("-", ""), code.toLowerCase(), code.replaceAll("-", "").toLowerCase()]) expect(stored).not.toContain(form);
    }
    const hashes = new Set(rows.map((r) => r.codeHash));
    for (const code of recovery_codes) expect(hashes.has(hashCode(normaliseRecoveryCode(code), user.id))).toBe(true);
    for (const hash of hashes) expect(hash).toMatch(/^[0-9a-f]{64}$/);
  });
});
