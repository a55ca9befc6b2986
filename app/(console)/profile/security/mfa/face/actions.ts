"use server";

import { action } from "@/lib/actions/action";
import { deleteOwnFace, enrollOwnFace } from "@/lib/mfa/face";
import { faceEnrollSchema } from "@/lib/mfa/face-schema";
import { mfaSelfFromActor } from "@/lib/mfa/self";
import { noInputSchema } from "@/lib/mfa/totp-schema";

export const enrollFaceAction = action(faceEnrollSchema, async (actor, input) => enrollOwnFace(await mfaSelfFromActor(actor), input));

export const deleteFaceAction = action(noInputSchema, async (actor) => deleteOwnFace(await mfaSelfFromActor(actor)));
