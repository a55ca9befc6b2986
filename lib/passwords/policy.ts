import type { PasswordPolicy } from "../settings/schema";

/**
 * The password rules that can be checked anywhere (browser checklist and server). Pure: no "server-only".
 * The blocklist and history rules need server data and live in ./check.ts.
 */
export type PolicyRule = "min_length" | "max_length" | "upper" | "lower" | "digit" | "special" | "no_username" | "no_email";

export type RuleResult = { rule: PolicyRule; ok: boolean; label: string };

export type PasswordContext = { username?: string; email?: string };

/** Inputs longer than this are refused before anything else looks at them (and never hashed). */
export const PASSWORD_INPUT_LIMIT = 4096;

/** Same as MAX_PASSWORD_BYTES in lib/auth/passwords.ts: longer passwords could be stored but never verified. */
export const PASSWORD_MAX_BYTES = 1024;

/** A context word counts only from this length on (short ones would refuse too many good passwords). */
const MIN_CONTEXT_LENGTH = 3;

/** Length in Unicode code points, as NIST counts characters. */
export const passwordLength = (password: string) => [...password].length;

const utf8Bytes = (password: string) => new TextEncoder().encode(password).length;

/** Case- and compatibility-insensitive form used for every comparison (never for hashing). */
export const foldForComparison = (value: string) => value.normalize("NFKC").toLowerCase();

function containsContext(password: string, word: string | undefined): boolean {
  if (!word) return false;
  const folded = foldForComparison(word.trim());
  return folded.length >= MIN_CONTEXT_LENGTH && foldForComparison(password).includes(folded);
}

const emailLocalPart = (email: string | undefined) => (email?.includes("@") ? email.slice(0, email.lastIndexOf("@")) : email);

/**
 * One result per rule that applies under the policy and context: length always, composition only when
 * required, username and email only when the context has one long enough to matter.
 */
export function passwordRuleResults(password: string, policy: PasswordPolicy, context: PasswordContext = {}): RuleResult[] {
  const length = passwordLength(password);
  const results: RuleResult[] = [
    { rule: "min_length", ok: length >= policy.min_length, label: `At least ${policy.min_length} characters` },
    {
      rule: "max_length",
      ok: password.length <= PASSWORD_INPUT_LIMIT && length <= policy.max_length && utf8Bytes(password) <= PASSWORD_MAX_BYTES,
      label: `At most ${policy.max_length} characters`,
    },
  ];
  if (policy.require_upper) results.push({ rule: "upper", ok: /\p{Lu}/u.test(password), label: "An uppercase letter" });
  if (policy.require_lower) results.push({ rule: "lower", ok: /\p{Ll}/u.test(password), label: "A lowercase letter" });
  if (policy.require_digit) results.push({ rule: "digit", ok: /\p{Nd}/u.test(password), label: "A digit" });
  if (policy.require_special) results.push({ rule: "special", ok: /[^\p{L}\p{N}]/u.test(password), label: "A symbol or space" });

  const username = context.username?.trim();
  if (username && username.length >= MIN_CONTEXT_LENGTH) {
    results.push({ rule: "no_username", ok: !containsContext(password, username), label: "Does not contain your username" });
  }
  const local = emailLocalPart(context.email?.trim());
  if (local && local.length >= MIN_CONTEXT_LENGTH) {
    results.push({ rule: "no_email", ok: !containsContext(password, local), label: "Does not contain your email address" });
  }
  return results;
}

/** True when every rule checkable in the browser passes. */
export const meetsPolicy = (password: string, policy: PasswordPolicy, context: PasswordContext = {}) =>
  passwordRuleResults(password, policy, context).every((r) => r.ok);
