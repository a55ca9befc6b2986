import { describe, expect, it } from "vitest";
import { MAX_PASSWORD_BYTES } from "../auth/passwords";
import { DEFAULT_SETTINGS, type PasswordPolicy } from "../settings/schema";
import { PASSWORD_MAX_BYTES, passwordRuleResults, type PolicyRule } from "./policy";
import { randomString, seededRandom } from "./test-random";

const DEFAULT_POLICY = DEFAULT_SETTINGS.password;
const STRICT: PasswordPolicy = { ...DEFAULT_POLICY, require_upper: true, require_lower: true, require_digit: true, require_special: true };

const failed = (password: string, policy = DEFAULT_POLICY, context = {}) =>
  passwordRuleResults(password, policy, context)
    .filter((r) => !r.ok)
    .map((r) => r.rule);

describe("passwordRuleResults", () => {
  it("lists only the rules that apply: length always, composition when required, context when long enough", () => {
    expect(passwordRuleResults("x", DEFAULT_POLICY).map((r) => r.rule)).toEqual(["min_length", "max_length"]);
    expect(passwordRuleResults("x", STRICT, { username: "alice", email: "alice@example.test" }).map((r) => r.rule)).toEqual<PolicyRule[]>([
      "min_length",
      "max_length",
      "upper",
      "lower",
      "digit",
      "special",
      "no_username",
      "no_email",
    ]);
    expect(passwordRuleResults("x", DEFAULT_POLICY, { username: "al", email: "jo@example.test" }).map((r) => r.rule)).toEqual(["min_length", "max_length"]);
    for (const r of passwordRuleResults("x", STRICT, { username: "alice", email: "bob@x.test" })) expect(r.label.length).toBeGreaterThan(3);
  });

  it("counts length in code points, at both ends of the range, for random passwords", () => {
    const random = seededRandom(11);
    for (let i = 0; i < 500; i++) {
      const length = 1 + Math.floor(random() * 200);
      const password = randomString(random, length);
      expect(failed(password).includes("min_length"), `${length}`).toBe(length < 12);
      expect(failed(password).includes("max_length"), `${length}`).toBe(length > 128);
    }
    expect(failed("🔑".repeat(12))).not.toContain("min_length"); // 24 UTF-16 units, 12 characters
    expect(failed("🔑".repeat(11))).toContain("min_length");
  });

  it("refuses passwords whose UTF-8 form is longer than what verification accepts", () => {
    expect(PASSWORD_MAX_BYTES).toBe(MAX_PASSWORD_BYTES);
    const policy = { ...DEFAULT_POLICY, max_length: 1024 };
    expect(failed("a".repeat(1024), policy)).toEqual([]);
    expect(failed("é".repeat(600), policy)).toContain("max_length"); // 600 characters, 1200 bytes
  });

  it.each([
    ["upper", "all lowercase letters", "all lowercase letterS"],
    ["lower", "ALL UPPERCASE LETTERS", "ALL UPPERCASE LETTERs"],
    ["digit", "no digits in here at all", "no digits in here at all 7"],
    ["special", "NoSymbolsInHereAtAll1", "NoSymbolsInHereAtAll1!"],
  ] as const)("requires %s only when the policy says so", (rule, without, withIt) => {
    const policy = { ...DEFAULT_POLICY, [`require_${rule}`]: true };
    expect(failed(without, policy)).toEqual([rule]);
    expect(failed(withIt, policy)).toEqual([]);
    expect(failed(without, DEFAULT_POLICY)).toEqual([]);
  });

  it("understands composition outside ASCII", () => {
    expect(failed("ÉCOLE ÉTÉ 2024 ßtraße", STRICT)).toEqual([]);
    expect(failed("сложный пароль ПРОСТО", { ...DEFAULT_POLICY, require_upper: true, require_lower: true })).toEqual([]);
  });

  it("refuses the username or the email local part anywhere in the password, case-insensitively", () => {
    const context = { username: "Marjorie", email: "m.stone@corp.example" };
    expect(failed("my name is MARJORIE ok", DEFAULT_POLICY, context)).toEqual(["no_username"]);
    expect(failed("xx-M.Stone-rocks-xx", DEFAULT_POLICY, context)).toEqual(["no_email"]);
    expect(failed("corp.example is fine", DEFAULT_POLICY, context)).toEqual([]);
    expect(failed("a perfectly fine phrase", DEFAULT_POLICY, context)).toEqual([]);
  });

  it("accepts a 15-character all-lowercase passphrase under the default policy", () => {
    expect(failed("purple monkey d")).toEqual([]);
    expect("purple monkey d").toHaveLength(15);
  });
});
