"use server";

import { headers } from "next/headers";
import type { ActionResult } from "@/lib/actions/action";
import { requestMeta } from "@/lib/auth/request-meta";
import { AppError } from "@/lib/errors";
import { passkeyLoginOptions } from "@/lib/mfa/passkey-authenticate";

/**
 * Anonymous: options for "Sign in with a passkey" (a discoverable-credential challenge). Rate-limited per client
 * address inside passkeyLoginOptions; the answer goes to the "passkey" NextAuth provider.
 */
export async function beginPasskeySignInAction(): Promise<ActionResult<Awaited<ReturnType<typeof passkeyLoginOptions>>>> {
  try {
    return { ok: true, data: await passkeyLoginOptions(requestMeta(await headers())) };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, message: error.message };
    console.error("passkey sign-in options failed", error);
    return { ok: false, message: "Something went wrong. Try again." };
  }
}
