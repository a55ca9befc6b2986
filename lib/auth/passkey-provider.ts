import "server-only";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { verifyPasskeyLogin } from "../mfa/passkey-authenticate";
import { challengeIdSchema } from "../mfa/passkey-schema";
import { accountRefusal, auditSignInFailure, completeSignIn } from "./complete-sign-in";
import { isLocked } from "./lockout";
import { requestMeta } from "./request-meta";

const credentialsSchema = z.object({ challenge_id: challengeIdSchema, response: z.string().min(2).max(100_000) });

function parseResponse(json: string): unknown {
  try {
    return JSON.parse(json);
  } catch {
    return null;
  }
}

/**
 * "Sign in with a passkey" (discoverable credential, user verification required): the browser posts the challenge id
 * and the JSON of its AuthenticationResponseJSON. The passkey proves both factors, so the session is recorded with
 * method "passkey". Inactive, expired, service and locked accounts are refused (audited). Every failure is null.
 */
export async function authorizePasskey(credentials: unknown, headers: Parameters<typeof requestMeta>[0]): Promise<{ id: string } | null> {
  const parsed = credentialsSchema.safeParse(credentials);
  if (!parsed.success) return null;
  const meta = requestMeta(headers);
  const response = parseResponse(parsed.data.response);
  if (!response || typeof response !== "object") return null;
  // verifyPasskeyLogin validates the response's shape itself (a malformed one is a refusal).
  const user = await verifyPasskeyLogin({ challenge_id: parsed.data.challenge_id, response: response as never }, meta);
  if (!user) return null;
  const via = { source: user.authSource, method: "passkey" } as const;
  const refusal = accountRefusal(user) ?? (isLocked(user) ? "locked" : null);
  if (refusal) {
    await auditSignInFailure(user, user.username, meta, refusal, via);
    return null;
  }
  const { sessionId } = await completeSignIn(user, via, meta);
  return { id: sessionId };
}

export const passkeyProvider = CredentialsProvider({
  id: "passkey",
  name: "Passkey",
  credentials: { challenge_id: { label: "Challenge", type: "text" }, response: { label: "Response", type: "text" } },
  authorize: (credentials, req) => authorizePasskey(credentials, req.headers ?? {}),
});
