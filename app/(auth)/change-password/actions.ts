"use server";

import type { ActionResult } from "@/lib/actions/action";
import { withOwnSession } from "@/lib/passwords/action-adapters";
import { changeOwnPassword } from "@/lib/passwords/change";
import type { ChangePasswordInput } from "@/lib/passwords/schema";

/** The signed-in user (stage password_change or active) changes their own password. */
export async function changePasswordAction(input: ChangePasswordInput): Promise<ActionResult<null>> {
  return withOwnSession(async (own) => {
    await changeOwnPassword(own, input);
    return null;
  });
}
