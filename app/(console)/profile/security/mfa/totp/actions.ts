"use server";

import { action } from "@/lib/actions/action";
import { regenerateRecoveryCodes } from "@/lib/mfa/recovery-codes";
import { mfaSelfFromActor } from "@/lib/mfa/self";
import { beginTotpEnrollment, confirmTotpEnrollment, removeTotp } from "@/lib/mfa/totp";
import { confirmTotpSchema, noInputSchema } from "@/lib/mfa/totp-schema";

export const beginTotpAction = action(noInputSchema, async (actor) => beginTotpEnrollment(await mfaSelfFromActor(actor)));

export const confirmTotpAction = action(confirmTotpSchema, async (actor, { code }) => confirmTotpEnrollment(await mfaSelfFromActor(actor), code));

export const regenerateRecoveryCodesAction = action(noInputSchema, async (actor) => ({
  recovery_codes: await regenerateRecoveryCodes(await mfaSelfFromActor(actor)),
}));

export const removeTotpAction = action(noInputSchema, async (actor) => {
  await removeTotp(await mfaSelfFromActor(actor));
  return null;
});
