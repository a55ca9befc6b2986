"use server";

import type { RegistrationResponseJSON } from "@simplewebauthn/server";
import { z } from "zod";
import { sessionAction } from "@/lib/actions/session-action";
import { passkeyRegistrationOptions, verifyPasskeyRegistration } from "@/lib/mfa/passkey-register";
import { registerPasskeySchema } from "@/lib/mfa/passkey-schema";
import { completeForcedPasskeySetup } from "@/lib/mfa/passkey-setup";
import { mfaSelfFromSetup } from "@/lib/mfa/self";

const begin = sessionAction(["mfa_enroll"], z.undefined(), async (ctx, _input, meta) => passkeyRegistrationOptions(await mfaSelfFromSetup(ctx, meta)));

export async function beginSetupPasskeyAction() {
  return begin(undefined);
}

/** Registers the passkey, then moves this sign-in on; the browser goes where `redirect` says. */
export const finishSetupPasskeyAction = sessionAction(["mfa_enroll"], registerPasskeySchema, async (ctx, input, meta) => {
  await verifyPasskeyRegistration(await mfaSelfFromSetup(ctx, meta), { ...input, response: input.response as unknown as RegistrationResponseJSON });
  return completeForcedPasskeySetup(ctx);
});
