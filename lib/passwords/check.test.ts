import { dictionary } from "@zxcvbn-ts/language-common";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { passwordHistory, users } from "@/db/schema";
import { verifyPassword } from "../auth/passwords";
import { getDb } from "../db";
import { DEFAULT_SETTINGS, type PasswordPolicy } from "../settings/schema";
import { createTestUser, TEST_PASSWORD } from "../testing/factories";
import { assertPasswordAcceptable, passwordProblems, storeNewPassword } from "./check";
import { meetsPolicy } from "./policy";
import { pick, randomString, seededRandom } from "./test-random";

const POLICY = DEFAULT_SETTINGS.password;
const NEWCOMER = { username: "newcomer", email: "newcomer@example.test" };

const rulesBroken = async (password: string, policy: PasswordPolicy = POLICY, owner: { id?: string; username: string; email: string } = NEWCOMER) => {
  const db = await getDb();
  return (await passwordProblems(db, password, owner, policy)).map((p) => p.rule);
};

describe("assertPasswordAcceptable", () => {
  it("throws a 422 with one message per unmet rule, each naming its rule", async () => {
    const strict = { ...POLICY, require_upper: true, require_digit: true, require_special: true };
    const error = await assertPasswordAcceptable(await getDb(), "newcomer", NEWCOMER, strict).catch((e) => e);
    expect(error).toMatchObject({ code: "validation" });
    expect(error.details.fieldErrors.password).toEqual([
      "Too short: use at least 12 characters.",
      "Missing an uppercase letter.",
      "Missing a digit.",
      "Missing a symbol or space.",
      "Contains your username.",
      "Contains your email address.",
      "Too common: this password appears on lists of frequently used passwords.",
    ]);
    await expect(assertPasswordAcceptable(await getDb(), "Quiet-Harbor-Lantern-8", NEWCOMER, strict)).resolves.toBeUndefined();
  });

  it("refuses every entry of the shipped common-password list that otherwise fits the policy", async () => {
    const lenient = { ...POLICY, min_length: 8 };
    const fitting = dictionary["passwords-common"].filter((p) => meetsPolicy(p, lenient, NEWCOMER));
    expect(fitting.length).toBeGreaterThan(10_000);
    const db = await getDb();
    for (const password of fitting) {
      const rules = (await passwordProblems(db, password.toUpperCase(), NEWCOMER, lenient)).map((p) => p.rule);
      expect(rules, password).toEqual(["blocklist"]);
    }
  });

  it("refuses common passwords dressed up with digits and symbols, and the service's own name", async () => {
    for (const password of ["Password123!", "qwerty123456", "!!Monkey2024!!", "Gatehouse2025!", "p@ssw0rd1234", "iloveyou!!!!"]) {
      expect(await rulesBroken(password), password).toEqual(["blocklist"]);
    }
    expect(await rulesBroken("Password123!", { ...POLICY, blocklist: false })).toEqual([]);
  });

  it("accepts 10,000 random 4-word diceware passphrases and random Unicode passphrases (no false rejections)", async () => {
    const random = seededRandom(2024);
    const words = dictionary["diceware-common"];
    const owner = { username: "u7f3k2q9", email: "u7f3k2q9@example.test" };
    for (let i = 0; i < 10_000; i++) {
      const phrase = Array.from({ length: 4 }, () => pick(random, words)).join(pick(random, ["", " ", "-", "."]));
      expect(await rulesBroken(phrase, POLICY, owner), phrase).toEqual([]);
    }
    for (let i = 0; i < 2_000; i++) {
      const phrase = randomString(random, 15 + Math.floor(random() * 114));
      expect(await rulesBroken(phrase, POLICY, owner), phrase).toEqual([]);
    }
  });

  it("accepts a 15-character all-lowercase passphrase under the default policy", async () => {
    expect(await rulesBroken("wobbly cactus z")).toEqual([]);
  });

  it("refuses a 1 MB password at once, without hashing it", async () => {
    const user = await createTestUser();
    const huge = "a".repeat(1024 * 1024);
    const started = performance.now();
    const error = await assertPasswordAcceptable(await getDb(), huge, user, POLICY).catch((e) => e);
    expect(performance.now() - started).toBeLessThan(50);
    expect(error).toMatchObject({ code: "validation", details: { fieldErrors: { password: ["Too long: use at most 128 characters."] } } });
  });
});

describe("password history", () => {
  it("refuses the current password and the last history_count ones, and allows the one before", async () => {
    const policy = { ...POLICY, history_count: 3 };
    const user = await createTestUser();
    const db = await getDb();
    const sequence = ["first-Violet-Canyon", "second-Amber-Meadow", "third-Silent-Harbor", "fourth-Copper-Falcon", "fifth-Marble-Orchid"];
    for (const password of sequence) {
      await assertPasswordAcceptable(db, password, user, policy);
      await db.transaction((tx) => storeNewPassword(tx, user.id, password, { historyCount: policy.history_count }));
    }
    // current: fifth; history: fourth, third, second (first and the factory's password were trimmed away)
    expect(await db.select().from(passwordHistory).where(eq(passwordHistory.userId, user.id))).toHaveLength(3);
    for (const reused of sequence.slice(1)) expect(await rulesBroken(reused, policy, user), reused).toEqual(["history"]);
    expect(await rulesBroken(sequence[0], policy, user)).toEqual([]);
    expect(await rulesBroken(TEST_PASSWORD, policy, user)).toEqual([]);
  });

  it("still refuses the current password when history_count is 0, and keeps no history then", async () => {
    const policy = { ...POLICY, history_count: 0 };
    const user = await createTestUser();
    const db = await getDb();
    expect(await rulesBroken(TEST_PASSWORD, policy, user)).toEqual(["history"]);
    await db.transaction((tx) => storeNewPassword(tx, user.id, "Distant-Thunder-Road", { historyCount: 0 }));
    expect(await db.select().from(passwordHistory).where(eq(passwordHistory.userId, user.id))).toHaveLength(0);
    expect(await rulesBroken(TEST_PASSWORD, policy, user)).toEqual([]);
  });
});

describe("storeNewPassword", () => {
  it("stores an argon2id hash (m=19456, t=2, p=1), the change time and the must-change flag", async () => {
    const user = await createTestUser({ failedLoginCount: 3 });
    const db = await getDb();
    await db.transaction((tx) => storeNewPassword(tx, user.id, "Granite-Willow-Stream", { mustChange: true }));
    const [row] = await db.select().from(users).where(eq(users.id, user.id));
    expect(row.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(row.passwordHash).not.toContain("Granite-Willow-Stream");
    expect(row.passwordChangedAt!.getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect(row).toMatchObject({ mustChangePassword: true, failedLoginCount: 0 });
    const [old] = await db.select().from(passwordHistory).where(eq(passwordHistory.userId, user.id));
    expect(old.passwordHash).toBe(user.passwordHash);
  });

  it("hashes long passwords whole: no truncation at 72 bytes or anywhere below the limit", async () => {
    const user = await createTestUser();
    const db = await getDb();
    const long = "correct horse battery staple ".repeat(10); // 290 bytes
    await db.transaction((tx) => storeNewPassword(tx, user.id, long));
    const [row] = await db.select().from(users).where(eq(users.id, user.id));
    expect(await verifyPassword(row.passwordHash, long)).toBe(true);
    expect(await verifyPassword(row.passwordHash, `${long}x`)).toBe(false);
    expect(await verifyPassword(row.passwordHash, long.slice(0, 72))).toBe(false);
    expect(await verifyPassword(row.passwordHash, `${long.slice(0, -1)}!`)).toBe(false);
  });
});
