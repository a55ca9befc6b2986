import type { FieldValues, Path, UseFormSetError } from "react-hook-form";
import type { FieldErrors } from "@/lib/errors";

/** Puts server field errors on the form's fields; returns what belongs to no field (shown as an alert). */
export function applyFieldErrors<T extends FieldValues>(
  fieldErrors: FieldErrors | undefined,
  fields: readonly Path<T>[],
  setError: UseFormSetError<T>,
): string[] {
  const unplaced: string[] = [];
  for (const [key, messages] of Object.entries(fieldErrors ?? {})) {
    if ((fields as readonly string[]).includes(key)) setError(key as Path<T>, { message: messages.join(" ") });
    else unplaced.push(...messages);
  }
  return unplaced;
}
