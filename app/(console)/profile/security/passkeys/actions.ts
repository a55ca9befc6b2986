"use server";

import type { RegistrationResponseJSON } from "@simplewebauthn/server";
import { z } from "zod";
import { action } from "@/lib/actions/action";
import { passkeyRegistrationOptions, verifyPasskeyRegistration } from "@/lib/mfa/passkey-register";
import { deletePasskeySchema, registerPasskeySchema, renamePasskeySchema } from "@/lib/mfa/passkey-schema";
import { deletePasskey, renamePasskey } from "@/lib/mfa/passkeys";
import { mfaSelfFromActor } from "@/lib/mfa/self";

export const beginPasskeyRegistrationAction = action(z.object({}), async (actor) => passkeyRegistrationOptions(await mfaSelfFromActor(actor)));

export const finishPasskeyRegistrationAction = action(registerPasskeySchema, async (actor, input) =>
  verifyPasskeyRegistration(await mfaSelfFromActor(actor), { ...input, response: input.response as unknown as RegistrationResponseJSON }),
);

export const renamePasskeyAction = action(renamePasskeySchema, async (actor, { id, name }) => renamePasskey(await mfaSelfFromActor(actor), id, name));

export const deletePasskeyAction = action(deletePasskeySchema, async (actor, { id }) => {
  await deletePasskey(await mfaSelfFromActor(actor), id);
  return null;
});
