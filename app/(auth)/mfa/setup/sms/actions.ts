"use server";

import { z } from "zod";
import { sessionAction } from "@/lib/actions/session-action";
import { confirmChannelEnrollment, startChannelEnrollment } from "@/lib/mfa/otp-channels";
import { confirmChannelEnrollmentSchema, startChannelEnrollmentSchema } from "@/lib/mfa/otp-schema";
import { completeForcedChannelSetup } from "@/lib/mfa/otp-setup";
import { mfaSelfFromSetup } from "@/lib/mfa/self";

const SETUP = ["mfa_enroll"] as const;

export const startForcedSmsAction = sessionAction(SETUP, startChannelEnrollmentSchema, async (ctx, input, meta) =>
  startChannelEnrollment(await mfaSelfFromSetup(ctx, meta), "sms", input),
);

export const confirmForcedSmsAction = sessionAction(SETUP, confirmChannelEnrollmentSchema, async (ctx, { challenge_id, code }, meta) => {
  await confirmChannelEnrollment(await mfaSelfFromSetup(ctx, meta), "sms", challenge_id, code);
  return null;
});

/** Moves the sign-in on; the domain checks the database for a factor proved in this sign-in, never the client. */
export const finishForcedSmsAction = sessionAction(SETUP, z.object({}).strict(), async (ctx) => completeForcedChannelSetup(ctx, "sms"));
