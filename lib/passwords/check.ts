import "server-only";
import { and, desc, eq, notInArray } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { passwordHistory, users } from "@/db/schema";
import { hashPassword, verifyPassword } from "../auth/passwords";
import { validationError } from "../errors";
import type { PasswordPolicy } from "../settings/schema";
import { getSettings } from "../settings/settings";
import { isCommonPassword } from "./blocklist";
import { PASSWORD_INPUT_LIMIT, PASSWORD_MAX_BYTES, passwordRuleResults, type PolicyRule } from "./policy";

export type PasswordRule = PolicyRule | "blocklist" | "history";
export type PasswordProblem = { rule: PasswordRule; message: string };
export type PasswordOwner = { id?: string; username: string; email: string };

const MESSAGES: Record<PolicyRule, (policy: PasswordPolicy) => string> = {
  min_length: (p) => `Too short: use at least ${p.min_length} characters.`,
  max_length: (p) => `Too long: use at most ${p.max_length} characters.`,
  upper: () => "Missing an uppercase letter.",
  lower: () => "Missing a lowercase letter.",
  digit: () => "Missing a digit.",
  special: () => "Missing a symbol or space.",
  no_username: () => "Contains your username.",
  no_email: () => "Contains your email address.",
};
const BLOCKLIST_MESSAGE = "Too common: this password appears on lists of frequently used passwords.";
const historyMessage = (p: PasswordPolicy) =>
  p.history_count > 0
    ? `Recently used: it matches your current password or one of your previous ${p.history_count}.`
    : "Recently used: it matches your current password.";

/** The current hash and the last `history_count` previous ones. */
async function recentHashes(tx: Executor, userId: string, historyCount: number): Promise<string[]> {
  const [user] = await tx.select({ hash: users.passwordHash }).from(users).where(eq(users.id, userId));
  const previous =
    historyCount > 0
      ? await tx
          .select({ hash: passwordHistory.passwordHash })
          .from(passwordHistory)
          .where(eq(passwordHistory.userId, userId))
          .orderBy(desc(passwordHistory.createdAt), desc(passwordHistory.id))
          .limit(historyCount)
      : [];
  return [user?.hash, ...previous.map((p) => p.hash)].filter((h): h is string => !!h);
}

async function reusesRecentPassword(tx: Executor, userId: string, password: string, historyCount: number): Promise<boolean> {
  const hashes = await recentHashes(tx, userId, historyCount);
  const matches = await Promise.all(hashes.map((hash) => verifyPassword(hash, password)));
  return matches.some(Boolean);
}

/**
 * Every rule the password breaks, in checklist order. Oversized input is refused before anything else runs, and
 * a password over the maximum length is never hashed against the history.
 */
export async function passwordProblems(tx: Executor, password: string, owner: PasswordOwner, policy: PasswordPolicy): Promise<PasswordProblem[]> {
  if (typeof password !== "string" || password.length > PASSWORD_INPUT_LIMIT) return [{ rule: "max_length", message: MESSAGES.max_length(policy) }];
  const problems: PasswordProblem[] = passwordRuleResults(password, policy, owner)
    .filter((r) => !r.ok)
    .map((r) => ({ rule: r.rule, message: MESSAGES[r.rule](policy) }));
  if (policy.blocklist && (await isCommonPassword(password))) problems.push({ rule: "blocklist", message: BLOCKLIST_MESSAGE });
  const oversized = problems.some((p) => p.rule === "max_length");
  if (owner.id && !oversized && (await reusesRecentPassword(tx, owner.id, password, policy.history_count))) {
    problems.push({ rule: "history", message: historyMessage(policy) });
  }
  return problems;
}

export const PASSWORD_POLICY_MESSAGE = "The password does not meet the password policy.";

/**
 * Throws a 422 naming every unmet rule (one message each) under `field` ("password" unless the form calls it
 * otherwise); returns quietly when the password is acceptable.
 */
export async function assertPasswordAcceptable(tx: Executor, password: string, user: PasswordOwner, policy: PasswordPolicy, field = "password"): Promise<void> {
  const problems = await passwordProblems(tx, password, user, policy);
  if (problems.length > 0) throw validationError({ [field]: problems.map((p) => p.message) }, PASSWORD_POLICY_MESSAGE);
}

/**
 * Stores a new password (argon2id, hashed whole): the previous hash moves into the history, which is trimmed to
 * the policy's `history_count`. Call assertPasswordAcceptable first.
 */
export async function storeNewPassword(tx: Executor, userId: string, password: string, options: { mustChange?: boolean; historyCount?: number } = {}): Promise<void> {
  if (new TextEncoder().encode(password).length > PASSWORD_MAX_BYTES) throw validationError({ password: [`Too long: use at most ${PASSWORD_MAX_BYTES} bytes.`] });
  const historyCount = options.historyCount ?? (await getSettings(tx)).password.history_count;
  const hash = await hashPassword(password);
  const now = new Date();
  const [previous] = await tx.select({ hash: users.passwordHash }).from(users).where(eq(users.id, userId)).for("update");
  await tx
    .update(users)
    .set({ passwordHash: hash, passwordChangedAt: now, mustChangePassword: options.mustChange ?? false, failedLoginCount: 0, lockedUntil: null, updatedAt: now })
    .where(eq(users.id, userId));
  if (previous?.hash && historyCount > 0) await tx.insert(passwordHistory).values({ userId, passwordHash: previous.hash, createdAt: now });
  await trimHistory(tx, userId, historyCount);
}

async function trimHistory(tx: Executor, userId: string, keep: number): Promise<void> {
  const kept = await tx
    .select({ id: passwordHistory.id })
    .from(passwordHistory)
    .where(eq(passwordHistory.userId, userId))
    .orderBy(desc(passwordHistory.createdAt), desc(passwordHistory.id))
    .limit(keep);
  const keepIds = kept.map((k) => k.id);
  await tx
    .delete(passwordHistory)
    .where(keepIds.length ? and(eq(passwordHistory.userId, userId), notInArray(passwordHistory.id, keepIds)) : eq(passwordHistory.userId, userId));
}
