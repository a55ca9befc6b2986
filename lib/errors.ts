import { z } from "zod";

export type ErrorCode =
  | "validation"
  | "unauthenticated"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "rate_limited"
  | "bad_request";

export type FieldErrors = Record<string, string[]>;

export type ErrorDetails = { fieldErrors?: FieldErrors; retryAfterSeconds?: number };

/** The one error type of the domain; lib/api maps it to problem+json, lib/actions to a form result. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details?: ErrorDetails;

  constructor(code: ErrorCode, message: string, details?: ErrorDetails) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.details = details;
  }
}

export const isAppError = (error: unknown): error is AppError => error instanceof AppError;

export const notFound = (what = "Resource") => new AppError("not_found", `${what} not found.`);
export const forbidden = (message = "You do not have permission to do this.") => new AppError("forbidden", message);
export const conflict = (message: string) => new AppError("conflict", message);
export const unauthenticated = (message = "Authentication required.") => new AppError("unauthenticated", message);
export const badRequest = (message: string) => new AppError("bad_request", message);

export function validationError(fieldErrors: FieldErrors, message = "Some fields are invalid."): AppError {
  return new AppError("validation", message, { fieldErrors });
}

/** Turns a zod error into field errors keyed by dotted path ("" for the root). */
export function fromZodError(error: z.ZodError): AppError {
  const fieldErrors: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".");
    (fieldErrors[key] ??= []).push(issue.message);
  }
  return validationError(fieldErrors);
}

/** Parses input with a schema, throwing a 422 AppError that names each invalid field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw fromZodError(result.error);
  return result.data;
}
