"use server";

import { action } from "@/lib/actions/action";
import { updateSettingsRequestSchema } from "@/lib/settings/schema";
import { updateSettingsSection } from "@/lib/settings/update";

/** Saves one settings section (settings.manage, enforced by updateSettingsSection). */
export const updateSettingsAction = action(updateSettingsRequestSchema, (actor, input) => updateSettingsSection(actor, input.section, input.values));
