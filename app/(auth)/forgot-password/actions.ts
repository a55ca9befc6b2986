"use server";

import { after } from "next/server";
import type { ActionResult } from "@/lib/actions/action";
import { requestPasswordReset } from "@/lib/auth/password-reset";
import type { ForgotPasswordInput } from "@/lib/auth/schema";
import { currentRequestMeta, toActionResult } from "@/lib/passwords/action-adapters";

/** "Forgot password?": the same answer for every address; the lookup and the mail run after the response. */
export async function forgotPasswordAction(input: ForgotPasswordInput): Promise<ActionResult<{ message: string }>> {
  return toActionResult(async () =>
    requestPasswordReset(input, await currentRequestMeta(), (job) => after(() => job().catch((error: unknown) => console.error("password reset delivery failed", error)))),
  );
}
