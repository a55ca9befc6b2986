import "server-only";
import type { z } from "zod";
import { auditDenied } from "../audit/denied";
import type { Actor } from "../auth/actor";
import { getActor } from "../auth/current";
import { AppError, fromZodError, type FieldErrors } from "../errors";

export type ActionResult<T> = { ok: true; data: T } | { ok: false; message: string; fieldErrors?: FieldErrors };

/**
 * The server-action adapter: resolves the actor, validates with the operation's own schema, calls the one domain
 * function and turns errors into a result react-hook-form can show. Internal errors never reach the browser.
 */
export function action<S extends z.ZodType, T>(schema: S, run: (actor: Actor, input: z.output<S>) => Promise<T>) {
  return async (input: z.input<S>): Promise<ActionResult<T>> => {
    let actor: Actor | null = null;
    try {
      actor = await getActor();
      if (!actor) return { ok: false, message: "Your session has ended. Sign in again." };
      const parsed = schema.safeParse(input);
      if (!parsed.success) throw fromZodError(parsed.error);
      return { ok: true, data: await run(actor, parsed.data) };
    } catch (error) {
      if (actor && error instanceof AppError && error.code === "forbidden") await auditDenied(actor, { action: run.name || "server action" });
      if (error instanceof AppError) return { ok: false, message: error.message, fieldErrors: error.details?.fieldErrors };
      if (isNavigationSignal(error)) throw error;
      console.error("server action failed", error);
      return { ok: false, message: "Something went wrong. Try again." };
    }
  };
}

/** redirect() and notFound() work by throwing; they must pass through. */
function isNavigationSignal(error: unknown): boolean {
  const digest = (error as { digest?: unknown })?.digest;
  return typeof digest === "string" && (digest.startsWith("NEXT_REDIRECT") || digest.startsWith("NEXT_HTTP_ERROR_FALLBACK"));
}
