import { randomUUID } from "node:crypto";
import { after, type NextRequest } from "next/server";
import { problemResponse } from "@/lib/api/problem";
import { requestPasswordReset } from "@/lib/auth/password-reset";
import { requestMeta } from "@/lib/auth/request-meta";
import { badRequest } from "@/lib/errors";

const MAX_BODY_BYTES = 4096;

/**
 * POST /api/auth/forgot-password `{ email }` — public. Always 202 with the same body (T10); the lookup and the mail
 * happen after the response. A JSON body is required, so a cross-site form cannot post here without a CORS preflight.
 */
export async function POST(req: NextRequest): Promise<Response> {
  const requestId = randomUUID();
  try {
    if (!/^application\/json\b/i.test(req.headers.get("content-type") ?? "")) throw badRequest("Send the body as application/json.");
    const text = await req.text();
    if (text.length > MAX_BODY_BYTES) throw badRequest("The body is too large.");
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw badRequest("The body is not valid JSON.");
    }
    const answer = await requestPasswordReset(body, requestMeta(req.headers, requestId), (job) => after(() => job().catch((error: unknown) => console.error("password reset delivery failed", error))));
    return new Response(JSON.stringify(answer), { status: 202, headers: { "content-type": "application/json", "cache-control": "no-store", "x-request-id": requestId } });
  } catch (error) {
    return problemResponse(error, requestId);
  }
}
