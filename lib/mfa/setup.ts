import "server-only";
import type { UserRow } from "@/db/schema";
import { getDb } from "../db";
import { getSettings } from "../settings/settings";
import { backendAllowed, effectivePolicy, isAdministrator } from "./policy";
import type { MfaMethod } from "./types";

/** Facial recognition is never a first factor to set up: it only ever comes next to another method. */
export type SetupMethod = Exclude<MfaMethod, "face">;

/** Strongest first: the order forced setup and the profile offer methods in. */
export const SETUP_ORDER: SetupMethod[] = ["passkey", "totp", "sms", "email"];

/** The methods this person may set up now, and why a second factor applies to them. */
export async function setupChoices(user: UserRow): Promise<{ methods: SetupMethod[]; reason: string }> {
  const db = await getDb();
  const { mfa } = await getSettings(db);
  const administrator = await isAdministrator(db, user);
  return {
    methods: SETUP_ORDER.filter((m) => backendAllowed(m, mfa, administrator)),
    reason: effectivePolicy(user, mfa, administrator).reason,
  };
}
