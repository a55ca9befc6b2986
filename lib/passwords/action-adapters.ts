import "server-only";
import { headers } from "next/headers";
import type { ActionResult } from "../actions/action";
import { getCurrentSession } from "../auth/current";
import { requestMeta } from "../auth/request-meta";
import { AppError, unauthenticated } from "../errors";
import { PASSWORD_CHANGE_STAGES, type OwnSession } from "./change";

/**
 * Server-action adapters for the (auth) pages, where there is no Actor yet (a session in stage password_change,
 * or nobody at all for a reset link). They answer the same { ok, data } | { ok, message, fieldErrors } shape as
 * lib/actions/action.ts, and internal errors never reach the browser.
 */
export async function toActionResult<T>(run: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await run() };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, message: error.message, fieldErrors: error.details?.fieldErrors };
    if (isNavigationSignal(error)) throw error;
    console.error("server action failed", error);
    return { ok: false, message: "Something went wrong. Try again." };
  }
}

/** Runs with the caller's own session, when it is in a stage that may change its password. */
export function withOwnSession<T>(run: (own: OwnSession) => Promise<T>): Promise<ActionResult<T>> {
  return toActionResult(async () => {
    const ctx = await getCurrentSession();
    if (!ctx || !(PASSWORD_CHANGE_STAGES as readonly string[]).includes(ctx.session.stage)) throw unauthenticated("Your session has ended. Sign in again.");
    return run({ sessionId: ctx.session.id, userId: ctx.user.id, meta: requestMeta(await headers()) });
  });
}

/** The request's address and user agent, for audit events of actions without an Actor. */
export async function currentRequestMeta() {
  return requestMeta(await headers());
}

/** redirect() and notFound() work by throwing; they must pass through. */
function isNavigationSignal(error: unknown): boolean {
  const digest = (error as { digest?: unknown })?.digest;
  return typeof digest === "string" && (digest.startsWith("NEXT_REDIRECT") || digest.startsWith("NEXT_HTTP_ERROR_FALLBACK"));
}
