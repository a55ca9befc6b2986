import type { FieldValues, Path, UseFormSetError } from "react-hook-form";
import type { ActionResult } from "@/lib/actions/action";

/** Puts a server action's field errors on the form's fields; returns the message for a toast. */
export function applyServerErrors<T extends FieldValues>(result: Extract<ActionResult<unknown>, { ok: false }>, setError: UseFormSetError<T>): string {
  for (const [field, messages] of Object.entries(result.fieldErrors ?? {})) {
    setError((field.replace(/^changes\./, "") || "root") as Path<T>, { message: messages.join(" ") });
  }
  return result.message;
}

/** <input type="date"> value ⇄ the ISO date-time the API takes (a user expires at the end of that day, UTC). */
export const dateInputValue = (iso: string | null | undefined) => (iso ? iso.slice(0, 10) : "");
export const endOfDayIso = (value: string) => (value ? `${value}T23:59:59.000Z` : null);
