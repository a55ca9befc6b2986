"use server";

import { z } from "zod";
import { action } from "@/lib/actions/action";
import { confirmChannelEnrollment, removeChannel, startChannelEnrollment } from "@/lib/mfa/otp-channels";
import { confirmChannelEnrollmentSchema, startChannelEnrollmentSchema } from "@/lib/mfa/otp-schema";
import { mfaSelfFromActor } from "@/lib/mfa/self";

export const startEmailAction = action(startChannelEnrollmentSchema, async (actor, input) => startChannelEnrollment(await mfaSelfFromActor(actor), "email", input));

export const confirmEmailAction = action(confirmChannelEnrollmentSchema, async (actor, { challenge_id, code }) => {
  await confirmChannelEnrollment(await mfaSelfFromActor(actor), "email", challenge_id, code);
  return null;
});

export const removeEmailAction = action(z.object({}).strict(), async (actor) => {
  await removeChannel(await mfaSelfFromActor(actor), "email");
  return null;
});
