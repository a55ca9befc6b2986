"use server";

import { z } from "zod";
import { action } from "@/lib/actions/action";
import { confirmChannelEnrollment, removeChannel, startChannelEnrollment } from "@/lib/mfa/otp-channels";
import { confirmChannelEnrollmentSchema, startChannelEnrollmentSchema } from "@/lib/mfa/otp-schema";
import { mfaSelfFromActor } from "@/lib/mfa/self";

export const startSmsAction = action(startChannelEnrollmentSchema, async (actor, input) => startChannelEnrollment(await mfaSelfFromActor(actor), "sms", input));

export const confirmSmsAction = action(confirmChannelEnrollmentSchema, async (actor, { challenge_id, code }) => {
  await confirmChannelEnrollment(await mfaSelfFromActor(actor), "sms", challenge_id, code);
  return null;
});

export const removeSmsAction = action(z.object({}).strict(), async (actor) => {
  await removeChannel(await mfaSelfFromActor(actor), "sms");
  return null;
});
