import "server-only";
import { advanceSession } from "../mfa/stages";
import { and, eq, inArray, ne } from "drizzle-orm";
import { sessions, users } from "@/db/schema";
import { audit } from "../audit/audit";
import { NO_META, type RequestMeta } from "../auth/actor";
import { verifyPassword } from "../auth/passwords";
import { anonymousActor } from "../auth/principal";
import { getDb } from "../db";
import { badRequest, parseInput, unauthenticated, validationError } from "../errors";
import { getSettings } from "../settings/settings";
import { assertPasswordAcceptable, storeNewPassword } from "./check";
import { changePasswordSchema, type ChangePasswordInput } from "./schema";

/** The session stages from which a user may change their own password (DESIGN.md §3). */
export const PASSWORD_CHANGE_STAGES = ["password_change", "active"] as const;

export type OwnSession = { sessionId: string; userId: string; meta?: RequestMeta };

/**
 * A signed-in user changes their own password: the current password proves it is them (it doubles as the
 * re-authentication for this sensitive change), then policy and history apply. The session becomes fully active
 * and every other session of the user ends.
 */
export async function changeOwnPassword(ctx: OwnSession, input: ChangePasswordInput): Promise<void> {
  const data = parseInput(changePasswordSchema, input);
  const db = await getDb();
  const [row] = await db
    .select()
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, ctx.sessionId), eq(sessions.userId, ctx.userId), inArray(sessions.stage, [...PASSWORD_CHANGE_STAGES])));
  if (!row) throw unauthenticated("Your session has ended. Sign in again.");
  const user = row.users;
  if (user.authSource !== "internal" || user.isServiceAccount) throw badRequest("Your password is not managed by Gatehouse.");
  const actor = anonymousActor(user.username, ctx.meta ?? NO_META, user.id);
  const target = { type: "user", id: user.id, label: user.username };

  if (!(await verifyPassword(user.passwordHash, data.current_password))) {
    await audit(db, actor, "user.password_change", target, null, { outcome: "failure", metadata: { reason: "bad_current_password" } });
    throw validationError({ current_password: ["The current password is not correct."] });
  }
  const { password: policy } = await getSettings(db);
  await assertPasswordAcceptable(db, data.new_password, user, policy, "new_password");

  await db.transaction(async (tx) => {
    await storeNewPassword(tx, user.id, data.new_password, { mustChange: false, historyCount: policy.history_count });
    await tx.update(sessions).set({ authenticatedAt: new Date() }).where(eq(sessions.id, ctx.sessionId));
    // A forced change moves the sign-in on (to forced MFA setup when that is still due, otherwise to the console).
    if (row.sessions.stage === "password_change") await advanceSession(tx, ctx.sessionId, null);
    await tx.delete(sessions).where(and(eq(sessions.userId, user.id), ne(sessions.id, ctx.sessionId)));
    await audit(tx, actor, "user.password_change", target, null, { metadata: { session_id: ctx.sessionId, other_sessions_ended: true } });
  });
}
