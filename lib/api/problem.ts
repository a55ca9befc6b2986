import "server-only";
import { AppError, type ErrorCode } from "../errors";

const STATUS: Record<ErrorCode, number> = {
  validation: 422,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  bad_request: 400,
};

const TITLES: Record<ErrorCode, string> = {
  validation: "Validation failed",
  unauthenticated: "Authentication required",
  forbidden: "Forbidden",
  not_found: "Not found",
  conflict: "Conflict",
  rate_limited: "Too many requests",
  bad_request: "Bad request",
};

export const statusOf = (code: ErrorCode) => STATUS[code];

/** RFC 9457 problem details. Anything that is not an AppError is logged and answered as a bare 500. */
export function problemResponse(error: unknown, requestId: string): Response {
  const headers = new Headers({ "content-type": "application/problem+json", "x-request-id": requestId, "cache-control": "no-store" });
  if (!(error instanceof AppError)) {
    console.error(`[request ${requestId}] unhandled error`, error);
    const body = { type: "about:blank", title: "Internal Server Error", status: 500, detail: "Something went wrong. Quote this request id when reporting it.", code: "internal", request_id: requestId };
    return new Response(JSON.stringify(body), { status: 500, headers });
  }
  const status = STATUS[error.code];
  if (error.code === "unauthenticated") headers.set("www-authenticate", 'Bearer realm="gatehouse"');
  if (error.details?.retryAfterSeconds) headers.set("retry-after", String(error.details.retryAfterSeconds));
  const body = {
    type: `urn:gatehouse:problem:${error.code}`,
    title: TITLES[error.code],
    status,
    detail: error.message,
    code: error.code,
    ...(error.details?.fieldErrors ? { errors: error.details.fieldErrors } : {}),
    request_id: requestId,
  };
  return new Response(JSON.stringify(body), { status, headers });
}
