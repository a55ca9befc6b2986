import "server-only";
import { headers } from "next/headers";
import type { z } from "zod";
import type { RequestMeta } from "../auth/actor";
import { getCurrentSession } from "../auth/current";
import { requestMeta } from "../auth/request-meta";
import { AppError, fromZodError } from "../errors";
import type { SessionContext, SessionStage } from "../sessions/sessions";
import type { ActionResult } from "./action";

/**
 * The server-action adapter for the sign-in stages before `active` (the MFA step, forced MFA setup): there is no
 * Actor yet, so the domain function receives the session itself, and only when it is at one of `stages`.
 * Errors become the same result shape as action().
 */
export function sessionAction<S extends z.ZodType, T>(
  stages: readonly SessionStage[],
  schema: S,
  run: (ctx: SessionContext, input: z.output<S>, meta: RequestMeta) => Promise<T>,
) {
  return async (input: z.input<S>): Promise<ActionResult<T>> => {
    try {
      const ctx = await getCurrentSession();
      if (!ctx || !stages.includes(ctx.session.stage)) return { ok: false, message: "This sign-in has ended. Sign in again." };
      const parsed = schema.safeParse(input);
      if (!parsed.success) throw fromZodError(parsed.error);
      return { ok: true, data: await run(ctx, parsed.data, requestMeta(await headers())) };
    } catch (error) {
      if (error instanceof AppError) return { ok: false, message: error.message, fieldErrors: error.details?.fieldErrors };
      const digest = (error as { digest?: unknown })?.digest;
      if (typeof digest === "string" && digest.startsWith("NEXT_")) throw error;
      console.error("sign-in step failed", error);
      return { ok: false, message: "Something went wrong. Try again." };
    }
  };
}
