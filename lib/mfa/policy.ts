import "server-only";
import { and, count, eq, isNotNull, min, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { faceTemplates, mfaOtpChannels, mfaRecoveryCodes, mfaTotp, users, webauthnCredentials, type UserRow } from "@/db/schema";
import { FACE_MODEL } from "../face/model";
import { conflict, forbidden } from "../errors";
import { resolvePermissions } from "../rbac/resolve";
import type { MfaSettings } from "../settings/schema";
import { getSettings } from "../settings/settings";
import { MFA_METHODS, type EffectiveMfaPolicy, type MfaEnrollment, type MfaMethod } from "./types";

/** "Admins" for the global policy and the email-code rule: super-admins and anyone holding a console permission. */
export async function isAdministrator(db: Executor, user: Pick<UserRow, "id" | "isAdmin">): Promise<boolean> {
  if (user.isAdmin) return true;
  const permissions = await resolvePermissions(db, user.id);
  return permissions.system.size > 0 || [...permissions.orgs.values()].some((set) => set.size > 0);
}

/**
 * One person's effective policy. The global policy wins when it is stricter: `off` switches MFA off for everyone,
 * `required_*` enforces it; otherwise the person's own policy (Disabled / Enabled / Force enabled) decides.
 */
export function effectivePolicy(user: Pick<UserRow, "mfaPolicy" | "isServiceAccount">, settings: MfaSettings, administrator: boolean): EffectiveMfaPolicy {
  const base = { global_policy: settings.policy, user_policy: user.mfaPolicy };
  if (user.isServiceAccount) return { ...base, active: false, required: false, user_can_disable: false, reason: "Service accounts cannot sign in interactively; they use tokens." };
  if (settings.policy === "off") return { ...base, active: false, required: false, user_can_disable: false, reason: "MFA is switched off for everyone in the settings." };
  if (settings.policy === "required_all") return { ...base, active: true, required: true, user_can_disable: false, reason: "The settings require a second factor for everyone." };
  if (settings.policy === "required_admins" && administrator) {
    return { ...base, active: true, required: true, user_can_disable: false, reason: "The settings require a second factor for administrators, and this account holds console permissions." };
  }
  if (user.mfaPolicy === "force_enabled") return { ...base, active: true, required: true, user_can_disable: false, reason: "Force enabled on this account by an administrator." };
  if (user.mfaPolicy === "enabled") return { ...base, active: true, required: false, user_can_disable: true, reason: "Enabled: a second factor is asked at sign-in; the person may turn it off." };
  return { ...base, active: false, required: false, user_can_disable: false, reason: "Disabled: the person may turn it on from their profile." };
}

export async function effectivePolicyFor(db: Executor, user: UserRow, settings?: MfaSettings): Promise<EffectiveMfaPolicy> {
  const mfa = settings ?? (await getSettings(db)).mfa;
  return effectivePolicy(user, mfa, await isAdministrator(db, user));
}

/** Everything a person has enrolled, whether or not the backend is enabled right now. */
export async function enrolledMethods(db: Executor, userId: string): Promise<MfaEnrollment> {
  const [totp, channels, passkeys, codes, face] = await Promise.all([
    db.select().from(mfaTotp).where(and(eq(mfaTotp.userId, userId), isNotNull(mfaTotp.confirmedAt))),
    db.select().from(mfaOtpChannels).where(eq(mfaOtpChannels.userId, userId)),
    db.select().from(webauthnCredentials).where(eq(webauthnCredentials.userId, userId)).orderBy(webauthnCredentials.createdAt),
    db
      .select({ total: count(), remaining: sql<number>`count(*) filter (where ${mfaRecoveryCodes.usedAt} is null)` })
      .from(mfaRecoveryCodes)
      .where(eq(mfaRecoveryCodes.userId, userId)),
    // Only templates of the current model can be compared; others wait to be replaced or deleted.
    db
      .select({ n: count(), since: min(faceTemplates.createdAt) })
      .from(faceTemplates)
      .where(and(eq(faceTemplates.userId, userId), eq(faceTemplates.model, FACE_MODEL))),
  ]);
  const channel = (name: "sms" | "email") => {
    const row = channels.find((c) => c.channel === name);
    return { enrolled: !!row, target: row?.target ?? null };
  };
  return {
    totp: { enrolled: totp.length > 0, created_at: totp[0]?.confirmedAt?.toISOString() ?? null },
    sms: channel("sms"),
    email: channel("email"),
    passkeys: passkeys.map((p) => ({ id: p.id, name: p.name, created_at: p.createdAt.toISOString(), last_used_at: p.lastUsedAt?.toISOString() ?? null })),
    recovery_codes: { total: Number(codes[0]?.total ?? 0), remaining: Number(codes[0]?.remaining ?? 0) },
    face: {
      enrolled: Number(face[0]?.n ?? 0) > 0,
      templates: Number(face[0]?.n ?? 0),
      created_at: face[0]?.since ? new Date(face[0].since).toISOString() : null,
    },
  };
}

/** Whether the backend may be set up / used by this person right now (admin switches, email excluded for admins). */
export function backendAllowed(method: MfaMethod, settings: MfaSettings, administrator: boolean): boolean {
  if (settings.policy === "off") return false;
  if (method === "email" && administrator && !settings.email_for_admins) return false;
  return settings[method];
}

const isEnrolled = (methods: MfaEnrollment, method: MfaMethod) => (method === "passkey" ? methods.passkeys.length > 0 : methods[method].enrolled);

/**
 * Enrolled methods this person may use at the MFA step right now, in the order the step offers them. Facial
 * recognition never stands alone: it counts only next to another usable method, so it is nobody's only factor
 * (administrators included), never satisfies a required MFA by itself, and another method is always offered with it.
 */
export function usableMethods(methods: MfaEnrollment, settings: MfaSettings, administrator: boolean): MfaMethod[] {
  const usable = MFA_METHODS.filter((m) => isEnrolled(methods, m) && backendAllowed(m, settings, administrator));
  return usable.some((m) => m !== "face") ? usable : [];
}

export type MfaRequirement = "mfa" | "mfa_enroll" | null;

/** What sign-in must ask of this person after the first factor: the MFA step, forced setup, or nothing. */
export async function mfaRequirement(db: Executor, user: UserRow): Promise<MfaRequirement> {
  const { mfa } = await getSettings(db);
  const administrator = await isAdministrator(db, user);
  const policy = effectivePolicy(user, mfa, administrator);
  if (!policy.active) return null;
  const usable = usableMethods(await enrolledMethods(db, user.id), mfa, administrator);
  if (usable.length) return "mfa";
  return policy.required ? "mfa_enroll" : null;
}

/** Refuses a factor setup when the admin has not enabled that backend (or it does not count for this person). */
export async function assertBackendAllowed(db: Executor, user: UserRow, method: MfaMethod): Promise<void> {
  const { mfa } = await getSettings(db);
  if (!backendAllowed(method, mfa, await isAdministrator(db, user))) {
    throw forbidden(method === "email" && mfa.email ? "Email codes are not accepted as a second factor for administrators." : "This second-factor method is not enabled by your administrator.");
  }
}

/**
 * Before removing one enrolled method: when MFA is required for the person, at least one other usable method must
 * remain (the user cannot switch MFA off by removing factors). Admin resets go through resetMfa instead.
 */
export async function assertFactorRemovable(db: Executor, user: UserRow, removing: MfaMethod, passkeyId?: string): Promise<void> {
  const { mfa } = await getSettings(db);
  const administrator = await isAdministrator(db, user);
  if (!effectivePolicy(user, mfa, administrator).required) return;
  const methods = await enrolledMethods(db, user.id);
  if (removing === "passkey") methods.passkeys = methods.passkeys.filter((p) => passkeyId && p.id !== passkeyId);
  else if (removing === "totp") methods.totp = { ...methods.totp, enrolled: false };
  else if (removing === "face") methods.face = { ...methods.face, enrolled: false };
  else methods[removing] = { ...methods[removing], enrolled: false };
  if (usableMethods(methods, mfa, administrator).length === 0) {
    throw conflict("A second factor is required for your account: add another method before removing this one.");
  }
}

/** The first enrolled factor turns MFA on for a person whose policy was Disabled (JumpServer: enabled from the profile). */
export async function markMfaEnrolled(tx: Executor, userId: string): Promise<void> {
  await tx.update(users).set({ mfaPolicy: "enabled", updatedAt: new Date() }).where(and(eq(users.id, userId), eq(users.mfaPolicy, "disabled")));
}
