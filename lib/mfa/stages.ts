import "server-only";
import { eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { sessions, users, type SessionRow, type UserRow } from "@/db/schema";
import { INTERNAL_SOURCE } from "../auth-sources/schema";
import { notFound } from "../errors";
import type { SessionStage } from "../sessions/sessions";
import { getSettings } from "../settings/settings";
import { mfaRequirement, type MfaRequirement } from "./policy";
import { isSecondFactor, PENDING_SESSION_MINUTES } from "./types";

/**
 * The order of the sign-in stages: the second factor first (it proves who is there), then a required password
 * change, then forced MFA setup, then the console. `methods` are the factors this sign-in has proved so far.
 */
export function stageAfter(user: Pick<UserRow, "mustChangePassword" | "authSource">, methods: readonly string[], requirement: MfaRequirement): SessionStage {
  const secondFactorDone = methods.some(isSecondFactor);
  if (requirement === "mfa" && !secondFactorDone) return "mfa";
  if (user.mustChangePassword && user.authSource === INTERNAL_SOURCE) return "password_change";
  if (requirement === "mfa_enroll" && !secondFactorDone) return "mfa_enroll";
  return "active";
}

/** The first stage of a new sign-in (called by completeSignIn for every source). */
export async function firstStage(db: Executor, user: UserRow, methods: readonly string[]): Promise<SessionStage> {
  return stageAfter(user, methods, await mfaRequirement(db, user));
}

/** A pending stage lasts PENDING_SESSION_MINUTES; reaching `active` gives the session its full lifetime. */
export async function sessionExpiry(db: Executor, stage: SessionStage, now = new Date()): Promise<Date> {
  if (stage === "mfa" || stage === "mfa_enroll") return new Date(now.getTime() + PENDING_SESSION_MINUTES * 60_000);
  const { sessions: limits } = await getSettings(db);
  return new Date(now.getTime() + limits.absolute_hours * 3_600_000);
}

/**
 * Records a factor this sign-in has just proved (a second factor at the MFA step, or one enrolled during forced
 * setup) and moves the session to its next stage. Call inside the transaction that accepted the factor.
 */
export async function advanceSession(tx: Executor, sessionId: string, proved: string | null, now = new Date()): Promise<{ stage: SessionStage; session: SessionRow }> {
  const [row] = await tx.select().from(sessions).innerJoin(users, eq(users.id, sessions.userId)).where(eq(sessions.id, sessionId)).for("update");
  if (!row) throw notFound("Session");
  const methods = proved && !row.sessions.methods.includes(proved) ? [...row.sessions.methods, proved] : row.sessions.methods;
  const stage = stageAfter(row.users, methods, await mfaRequirement(tx, row.users));
  const becameActive = stage === "active" && row.sessions.stage !== "active";
  const [session] = await tx
    .update(sessions)
    .set({
      methods,
      stage,
      mfaAttempts: 0,
      ...(proved && isSecondFactor(proved) ? { authenticatedAt: now } : {}),
      ...(becameActive ? { expiresAt: await sessionExpiry(tx, stage, now) } : {}),
    })
    .where(eq(sessions.id, sessionId))
    .returning();
  return { stage, session };
}

/** Where the browser goes for a stage. */
export const STAGE_PATHS: Record<SessionStage, string> = {
  mfa: "/login/mfa",
  mfa_enroll: "/mfa/setup",
  password_change: "/change-password",
  active: "/admin",
};
