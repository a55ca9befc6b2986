import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { faceTemplates, users, mfaOtpChannels, mfaRecoveryCodes, mfaTotp, otpChallenges, sessions, webauthnCredentials } from "@/db/schema";
import { audit } from "../audit/audit";
import type { Actor } from "../auth/actor";
import { getDb } from "../db";
import { conflict, notFound } from "../errors";
import { can } from "../rbac/authorize";
import { getSettings } from "../settings/settings";
import { userOrgIds } from "../users/access";
import { loadTargetUser } from "../sessions/target";
import { getUser } from "../users/queries";
import { effectivePolicy, enrolledMethods, isAdministrator, usableMethods } from "./policy";
import type { UserMfa } from "./types";

/** A user's effective MFA policy (and why) and enrolled methods — never a secret (users.view). */
export async function getUserMfa(actor: Actor, userId: string): Promise<UserMfa> {
  await getUser(actor, userId);
  const db = await getDb();
  const { mfa } = await getSettings(db);
  const [user] = await db.select().from(users).where(eq(users.id, userId));
  if (!user) throw notFound("User");
  const administrator = await isAdministrator(db, user);
  const methods = await enrolledMethods(db, userId);
  return { policy: effectivePolicy(user, mfa, administrator), methods, usable_methods: usableMethods(methods, mfa, administrator) };
}

/**
 * "Reset MFA" (users.reset_mfa): removes every second factor of the user — authenticator app, recovery codes, SMS
 * and email channels, passkeys, face templates, pending codes — and ends the sign-ins waiting at the MFA step. If MFA is required
 * for them, their next sign-in leads through setup again. The user's own policy is left as it is. Audited with
 * what was removed.
 */
export async function resetUserMfa(actor: Actor, userId: string): Promise<{ removed: Record<string, number> }> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const user = await loadTargetUser(tx, actor, userId, "users.reset_mfa");
    if (user.isServiceAccount) throw conflict("Service accounts cannot sign in, so they have no second factor to reset.");
    const count = (rows: unknown[]) => rows.length;
    const removed = {
      totp: count(await tx.delete(mfaTotp).where(eq(mfaTotp.userId, user.id)).returning({ id: mfaTotp.userId })),
      recovery_codes: count(await tx.delete(mfaRecoveryCodes).where(eq(mfaRecoveryCodes.userId, user.id)).returning({ id: mfaRecoveryCodes.id })),
      otp_channels: count(await tx.delete(mfaOtpChannels).where(eq(mfaOtpChannels.userId, user.id)).returning({ id: mfaOtpChannels.userId })),
      passkeys: count(await tx.delete(webauthnCredentials).where(eq(webauthnCredentials.userId, user.id)).returning({ id: webauthnCredentials.id })),
      face_templates: count(await tx.delete(faceTemplates).where(eq(faceTemplates.userId, user.id)).returning({ id: faceTemplates.id })),
      pending_sign_ins: count(
        await tx.delete(sessions).where(and(eq(sessions.userId, user.id), inArray(sessions.stage, ["mfa", "mfa_enroll"]))).returning({ id: sessions.id }),
      ),
    };
    await tx.delete(otpChallenges).where(eq(otpChallenges.userId, user.id));
    await audit(tx, actor, "user.mfa_reset", { type: "user", id: user.id, label: user.username }, null, { metadata: { removed } });
    return { removed };
  });
}

/** Whether the console may offer "Reset MFA" for this user (a courtesy: resetUserMfa decides again). */
export async function canResetMfa(actor: Actor, userId: string): Promise<boolean> {
  const db = await getDb();
  const [user] = await db.select({ isAdmin: users.isAdmin }).from(users).where(eq(users.id, userId));
  if (!user || (user.isAdmin && !actor.isAdmin)) return false;
  return can(actor, "users.reset_mfa", { orgIds: await userOrgIds(db, userId) });
}
