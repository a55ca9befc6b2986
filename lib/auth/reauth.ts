import "server-only";
import { and, eq } from "drizzle-orm";
import { sessions, users } from "@/db/schema";
import { audit } from "../audit/audit";
import { getDb } from "../db";
import { AppError, forbidden, parseInput, unauthenticated, validationError } from "../errors";
import { REAUTH_REQUIRED_FIELD, REAUTH_WINDOW_MINUTES, reauthenticateSchema } from "../profile/schema";
import { enforceRateLimit } from "../rate-limit/limiter";
import type { Actor } from "./actor";
import { verifyPassword } from "./passwords";

/** Re-authentication attempts per user (wrong or right) in REAUTH_RATE.windowSeconds. */
export const REAUTH_RATE = { limit: 5, windowSeconds: 15 * 60 };

/** 401 "confirm it's you": the console turns it into a password prompt, then retries the change. */
export class ReauthenticationRequiredError extends AppError {
  constructor() {
    super("unauthenticated", "Confirm it's you: enter your password again to make this change.", {
      fieldErrors: { [REAUTH_REQUIRED_FIELD]: [`Sign-in older than ${REAUTH_WINDOW_MINUTES} minutes.`] },
    });
    this.name = "ReauthenticationRequiredError";
  }
}

/** The signed-in person's own session; tokens cannot prove a recent authentication. */
async function ownSession(actor: Actor) {
  if (actor.kind !== "user" || !actor.userId || !actor.sessionId) throw forbidden("Only a signed-in person can make this change; tokens cannot.");
  const db = await getDb();
  const [row] = await db
    .select()
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, actor.sessionId), eq(sessions.userId, actor.userId)));
  if (!row) throw unauthenticated("Your session has ended. Sign in again.");
  return { db, session: row.sessions, user: row.users };
}

/**
 * Sensitive changes (email, phone, password, tokens, MFA) need a sign-in or re-authentication within the last
 * REAUTH_WINDOW_MINUTES; otherwise ReauthenticationRequiredError.
 */
export async function assertRecentAuthentication(actor: Actor, now = new Date()): Promise<void> {
  const { session } = await ownSession(actor);
  if (now.getTime() - session.authenticatedAt.getTime() > REAUTH_WINDOW_MINUTES * 60_000) throw new ReauthenticationRequiredError();
}

/**
 * Proves it is still them: checks the password and restarts the window (sessions.authenticated_at).
 * Rate-limited per user; every attempt is audited. Only Gatehouse passwords can be checked here; people from
 * other sources re-authenticate by signing in again.
 */
export async function reauthenticate(actor: Actor, password: string, now = new Date()): Promise<void> {
  const input = parseInput(reauthenticateSchema, { password });
  const { db, session, user } = await ownSession(actor);
  await enforceRateLimit(`reauth:user:${user.id}`, REAUTH_RATE, db);
  const target = { type: "user", id: user.id, label: user.username };
  const local = user.authSource === "internal" && !user.isServiceAccount;
  if (!local || !(await verifyPassword(user.passwordHash, input.password))) {
    await audit(db, actor, "auth.reauthenticate", target, null, { outcome: "failure", metadata: { method: "password", reason: local ? "bad_password" : "no_local_password", session_id: session.id } });
    throw validationError({ password: [local ? "The password is not correct." : "Sign out and sign in again to confirm it's you."] });
  }
  await db.transaction(async (tx) => {
    await tx.update(sessions).set({ authenticatedAt: now }).where(eq(sessions.id, session.id));
    await audit(tx, actor, "auth.reauthenticate", target, null, { metadata: { method: "password", session_id: session.id } });
  });
}
