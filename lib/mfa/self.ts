import "server-only";
import { eq } from "drizzle-orm";
import { users, type UserRow } from "@/db/schema";
import type { Actor, RequestMeta } from "../auth/actor";
import { userActor } from "../auth/principal";
import { assertRecentAuthentication } from "../auth/reauth";
import { getDb } from "../db";
import { conflict, forbidden, unauthenticated } from "../errors";
import type { SessionContext } from "../sessions/sessions";

/**
 * A person managing their own second factors: from the profile (an active session that authenticated within the
 * re-authentication window), or during forced setup at sign-in (a session at stage `mfa_enroll`, which has just
 * proved the password). Tokens never manage factors.
 */
export type MfaSelf = { user: UserRow; sessionId: string; actor: Actor; via: "profile" | "setup" };

export async function mfaSelfFromActor(actor: Actor): Promise<MfaSelf> {
  if (actor.kind !== "user" || !actor.userId || !actor.sessionId) throw forbidden("Only a signed-in person can change their second factors; tokens cannot.");
  await assertRecentAuthentication(actor);
  const db = await getDb();
  const [user] = await db.select().from(users).where(eq(users.id, actor.userId));
  if (!user) throw unauthenticated("Your session has ended. Sign in again.");
  if (user.isServiceAccount) throw conflict("Service accounts cannot sign in, so they have no second factor.");
  return { user, sessionId: actor.sessionId, actor, via: "profile" };
}

export async function mfaSelfFromSetup(ctx: SessionContext, meta: RequestMeta): Promise<MfaSelf> {
  if (ctx.session.stage !== "mfa_enroll") throw forbidden("Second-factor setup is not pending for this sign-in.");
  const db = await getDb();
  const actor = await userActor(db, ctx.user, meta, { sessionId: ctx.session.id });
  return { user: ctx.user, sessionId: ctx.session.id, actor, via: "setup" };
}
