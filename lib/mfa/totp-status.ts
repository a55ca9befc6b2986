import "server-only";
import { eq } from "drizzle-orm";
import { users } from "@/db/schema";
import { getDb } from "../db";
import { notFound } from "../errors";
import { getSettings } from "../settings/settings";
import { backendAllowed, effectivePolicy, enrolledMethods, isAdministrator } from "./policy";

export type TotpStatus = {
  /** The admin has enabled authenticator apps, and they count for this person. */
  backend_allowed: boolean;
  enrolled: boolean;
  confirmed_at: string | null;
  recovery_codes: { total: number; remaining: number };
  /** A second factor is mandatory for this person (so the last one cannot be removed). */
  mfa_required: boolean;
};

/** One person's authenticator app, for their own pages (never the seed). */
export async function totpStatus(userId: string): Promise<TotpStatus> {
  const db = await getDb();
  const [user] = await db.select().from(users).where(eq(users.id, userId));
  if (!user) throw notFound("User");
  const [{ mfa }, administrator, methods] = await Promise.all([getSettings(db), isAdministrator(db, user), enrolledMethods(db, userId)]);
  return {
    backend_allowed: backendAllowed("totp", mfa, administrator),
    enrolled: methods.totp.enrolled,
    confirmed_at: methods.totp.created_at,
    recovery_codes: methods.recovery_codes,
    mfa_required: effectivePolicy(user, mfa, administrator).required,
  };
}
