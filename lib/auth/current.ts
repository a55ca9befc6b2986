import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { getServerSession } from "next-auth";
import { cache } from "react";
import { getDb } from "../db";
import { isUuid } from "../ids";
import { STAGE_PATHS } from "../mfa/stages";
import { loadSession, type SessionContext } from "../sessions/sessions";
import type { Actor } from "./actor";
import { getAuthOptions } from "./next-auth";
import { userActor } from "./principal";
import { requestMeta } from "./request-meta";

/** The signed-in session in any stage (for the (auth) pages that drive a user through MFA or a password change). */
export const getCurrentSession = cache(async (): Promise<SessionContext | null> => {
  await connection(); // request-time only: never during `next build` prerendering
  const session = await getServerSession(getAuthOptions());
  if (!isUuid(session?.sid)) return null;
  return loadSession(session.sid);
});

/**
 * The acting user for server components and server actions. Fails closed: no session, an invalid one,
 * or one that has not finished every sign-in stage yields null.
 */
export const getActor = cache(async (): Promise<Actor | null> => {
  const ctx = await getCurrentSession();
  if (!ctx || ctx.session.stage !== "active") return null;
  return userActor(await getDb(), ctx.user, requestMeta(await headers()), { sessionId: ctx.session.id });
});

/** For pages: the actor, or a redirect to where the session has to go next. */
export async function requireActor(): Promise<Actor> {
  const actor = await getActor();
  if (actor) return actor;
  const ctx = await getCurrentSession();
  if (ctx && ctx.session.stage !== "active") redirect(STAGE_PATHS[ctx.session.stage]);
  redirect("/login");
}
