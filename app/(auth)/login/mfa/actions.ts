"use server";

import type { AuthenticationResponseJSON } from "@simplewebauthn/server";
import { sessionAction } from "@/lib/actions/session-action";
import { z } from "zod";
import { stepFaceSchema } from "@/lib/mfa/face-schema";
import { sendStepCode, startFaceStep, startPasskeyStep, verifySecondFactor } from "@/lib/mfa/step";
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

const faceBegin = sessionAction(["mfa"], z.undefined(), (ctx) => startFaceStep(ctx));
export async function faceBeginAction() {
  return faceBegin(undefined);
}

export const faceFinishAction = sessionAction(["mfa"], stepFaceSchema, (ctx, input, meta) =>
  verifySecondFactor(ctx, { method: "face", challenge_id: input.challenge_id, frames: input.frames }, meta),
);
