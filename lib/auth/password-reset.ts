import "server-only";
import { eq, sql } from "drizzle-orm";
import { users } from "@/db/schema";
import { audit } from "../audit/audit";
import { INTERNAL_SOURCE } from "../auth-sources/schema";
import { getDb } from "../db";
import { parseInput } from "../errors";
import { issuePasswordLink, PASSWORD_LINK_TTL_MS } from "../passwords/reset-tokens";
import { enforceRateLimit, hitRateLimit } from "../rate-limit/limiter";
import type { RequestMeta } from "./actor";
import { accountRefusal } from "./complete-sign-in";
import { anonymousActor } from "./principal";
import { forgotPasswordSchema } from "./schema";

/** The one answer to every well-formed request, whether or not the account exists (T10). */
export const FORGOT_PASSWORD_RESPONSE = {
  message: `If an account with that email address can reset its password, a link is on its way. It works once and expires in ${PASSWORD_LINK_TTL_MS.reset / 60_000} minutes.`,
} as const;

/** Requests per client address, and reset mails per account (T12: a few per 15 minutes). */
export const FORGOT_PASSWORD_LIMITS = { perIp: { limit: 10, windowSeconds: 900 }, perAccount: { limit: 3, windowSeconds: 900 } } as const;

/** Runs the lookup and the mail after the response (route handlers pass next/server's `after`). */
export type Deferrer = (job: () => Promise<void>) => void;
const detached: Deferrer = (job) => void job().catch((error: unknown) => console.error("password reset delivery failed", error));

/**
 * Looks the email up and, for a local, active account under its mail cap, mails a single-use reset link
 * (issuePasswordLink: 256-bit token stored hashed, 30 minutes, URL from APP_URL only). Every other case is only audited.
 */
export async function deliverPasswordReset(email: string, meta: RequestMeta): Promise<void> {
  const db = await getDb();
  const [user] = await db.select().from(users).where(eq(sql`lower(${users.email})`, email.toLowerCase()));
  const actor = anonymousActor(email, meta, user?.id ?? null);
  const reason = !user
    ? "unknown_email"
    : user.authSource !== INTERNAL_SOURCE
      ? "federated"
      : accountRefusal(user) ??
        ((await hitRateLimit(`password-reset:user:${user.id}`, FORGOT_PASSWORD_LIMITS.perAccount, db)).allowed ? null : "mail_cap");
  if (reason || !user) {
    await audit(db, actor, "auth.password_reset_request", user ? { type: "user", id: user.id, label: user.username } : null, null, { outcome: "failure", metadata: { reason } });
    return;
  }
  const link = await db.transaction(async (tx) => {
    await audit(tx, anonymousActor(user.username, meta, user.id), "auth.password_reset_request", { type: "user", id: user.id, label: user.username }, null);
    return issuePasswordLink(tx, user, anonymousActor(user.username, meta, user.id), "reset");
  });
  await link.deliver(); // after the commit: the mailed link already works
}

/**
 * "Forgot password?": validates the address, limits requests per client address (429 alike for everyone), then
 * answers at once with the same body for every address; the lookup and the mail run after the response. So neither
 * the answer nor its timing depends on whether the account exists (OWASP Forgot Password cheat sheet).
 */
export async function requestPasswordReset(input: unknown, meta: RequestMeta, defer: Deferrer = detached): Promise<typeof FORGOT_PASSWORD_RESPONSE> {
  const { email } = parseInput(forgotPasswordSchema, input);
  await enforceRateLimit(`password-reset:ip:${meta.ip ?? "unknown"}`, FORGOT_PASSWORD_LIMITS.perIp);
  defer(() => deliverPasswordReset(email, meta));
  return FORGOT_PASSWORD_RESPONSE;
}
