"use server";

import type { ActionResult } from "@/lib/actions/action";
import { parseInput } from "@/lib/errors";
import { currentRequestMeta, toActionResult } from "@/lib/passwords/action-adapters";
import { consumePasswordLink } from "@/lib/passwords/reset-tokens";
import { resetPasswordSchema, type ResetPasswordInput } from "@/lib/passwords/schema";

/** Sets a password through an emailed link; no session needed (the link is the proof). */
export async function resetPasswordAction(token: string, input: ResetPasswordInput): Promise<ActionResult<null>> {
  return toActionResult(async () => {
    const data = parseInput(resetPasswordSchema, input);
    await consumePasswordLink(String(token), data.new_password, await currentRequestMeta(), { field: "new_password" });
    return null;
  });
}
