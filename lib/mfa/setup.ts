import "server-only";
import type { UserRow } from "@/db/schema";
import { getDb } from "../db";
import { getSettings } from "../settings/settings";
import { backendAllowed, effectivePolicy, isAdministrator } from "./policy";
import type { MfaMethod } from "./types";

/** Strongest first: the order forced setup and the profile offer methods in. */
const SETUP_ORDER: MfaMethod[] = ["passkey", "totp", "sms", "email"];

/** The methods this person may set up now, and why a second factor applies to them. */
export async function setupChoices(user: UserRow): Promise<{ methods: MfaMethod[]; reason: string }> {
  const db = await getDb();
  const { mfa } = await getSettings(db);
  const administrator = await isAdministrator(db, user);
  return {
    methods: SETUP_ORDER.filter((m) => backendAllowed(m, mfa, administrator)),
    reason: effectivePolicy(user, mfa, administrator).reason,
  };
}
