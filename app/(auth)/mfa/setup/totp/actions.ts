"use server";

import { sessionAction } from "@/lib/actions/session-action";
import { mfaSelfFromSetup } from "@/lib/mfa/self";
import { beginTotpEnrollment, confirmTotpEnrollment } from "@/lib/mfa/totp";
import { completeForcedTotpSetup } from "@/lib/mfa/totp-forced-setup";
import { confirmTotpSchema, noInputSchema } from "@/lib/mfa/totp-schema";

const SETUP = ["mfa_enroll"] as const;

export const beginForcedTotpAction = sessionAction(SETUP, noInputSchema, async (ctx, _input, meta) => beginTotpEnrollment(await mfaSelfFromSetup(ctx, meta)));

export const confirmForcedTotpAction = sessionAction(SETUP, confirmTotpSchema, async (ctx, { code }, meta) =>
  confirmTotpEnrollment(await mfaSelfFromSetup(ctx, meta), code),
);

/** Moves the sign-in on; the domain checks the database for an app confirmed in this sign-in, never the client. */
export const finishForcedTotpAction = sessionAction(SETUP, noInputSchema, async (ctx) => completeForcedTotpSetup(ctx));
