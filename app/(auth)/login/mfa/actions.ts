"use server";

import type { AuthenticationResponseJSON } from "@simplewebauthn/server";
import { sessionAction } from "@/lib/actions/session-action";
import { z } from "zod";
import { sendStepCode, startPasskeyStep, verifySecondFactor } from "@/lib/mfa/step";
import { stepCodeSchema, stepPasskeySchema, stepSendSchema } from "@/lib/mfa/step-schema";

export const verifyCodeAction = sessionAction(["mfa"], stepCodeSchema, (ctx, input, meta) => verifySecondFactor(ctx, input, meta));

export const sendCodeAction = sessionAction(["mfa"], stepSendSchema, (ctx, input, meta) => sendStepCode(ctx, input, meta));

const passkeyBegin = sessionAction(["mfa"], z.undefined(), (ctx) => startPasskeyStep(ctx));
export async function passkeyBeginAction() {
  return passkeyBegin(undefined);
}

export const passkeyFinishAction = sessionAction(["mfa"], stepPasskeySchema, (ctx, input, meta) =>
  verifySecondFactor(ctx, { method: "passkey", challenge_id: input.challenge_id, response: input.response as unknown as AuthenticationResponseJSON }, meta),
);
