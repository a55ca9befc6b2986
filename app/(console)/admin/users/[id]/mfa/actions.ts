"use server";

import { z } from "zod";
import { action } from "@/lib/actions/action";
import { resetUserMfa } from "@/lib/mfa/admin";

/** "Reset MFA" of a user (the user's id). */
export const resetMfaAction = action(z.object({ id: z.string() }), (actor, { id }) => resetUserMfa(actor, id));
