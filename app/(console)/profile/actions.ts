"use server";

import { z } from "zod";
import { action, type ActionResult } from "@/lib/actions/action";
import type { UserAttributeDto } from "@/lib/attributes/schema";
import { reauthenticate } from "@/lib/auth/reauth";
import { changePasswordSchema } from "@/lib/passwords/schema";
import { updateOwnAttributes } from "@/lib/profile/attributes";
import { changePasswordFromProfile } from "@/lib/profile/password";
import { setOwnMfaEnabled, setOwnMfaSchema } from "@/lib/mfa/own";
import { updateOwnProfile } from "@/lib/profile/profile";
import { reauthenticateSchema, updateProfileSchema } from "@/lib/profile/schema";
import { signOutOtherSessions, signOutOwnSession } from "@/lib/profile/sessions";

export const updateProfileAction = action(updateProfileSchema, (actor, input) => updateOwnProfile(actor, input));

const saveOwnAttributes = action(z.object({ values: z.record(z.string(), z.unknown()) }), (actor, { values }) => updateOwnAttributes(actor, values));

/** Shaped like UserAttributesForm's `save`; the user id it passes is ignored: it is always the signed-in person. */
export async function saveOwnAttributesAction(_userId: string, values: Record<string, unknown>): Promise<ActionResult<UserAttributeDto[]>> {
  return saveOwnAttributes({ values });
}

export const changeOwnPasswordAction = action(changePasswordSchema, (actor, input) => changePasswordFromProfile(actor, input));

export const reauthenticateAction = action(reauthenticateSchema, async (actor, { password }) => {
  await reauthenticate(actor, password);
  return null;
});

export const signOutSessionAction = action(z.object({ id: z.string() }), async (actor, { id }) => {
  await signOutOwnSession(actor, id);
  return null;
});

export const signOutOtherSessionsAction = action(z.object({}), (actor) => signOutOtherSessions(actor));

/** Profile → Security: turn one's own MFA on or off (when it is not enforced). */
export const setOwnMfaAction = action(setOwnMfaSchema, (actor, input) => setOwnMfaEnabled(actor, input));
