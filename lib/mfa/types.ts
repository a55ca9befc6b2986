import { z } from "zod";

/**
 * Second factors a person can enroll. Facial recognition is last and never stands alone: it is usable only next to
 * another usable method (lib/mfa/policy.ts).
 */
export const MFA_METHODS = ["totp", "sms", "email", "passkey", "face"] as const;
export type MfaMethod = (typeof MFA_METHODS)[number];

/** What may prove the second factor at the MFA step: an enrolled method, or a recovery code. */
export const SECOND_FACTORS = [...MFA_METHODS, "recovery_code"] as const;
export type SecondFactor = (typeof SECOND_FACTORS)[number];
export const isSecondFactor = (method: string): method is SecondFactor => (SECOND_FACTORS as readonly string[]).includes(method);

/** Codes (TOTP, SMS, email, recovery) tried in one sign-in before that sign-in is ended (T3). */
export const MFA_CODE_ATTEMPTS = 5;
/** Consecutive wrong second-factor codes on one account, across sign-ins, before the account is locked (T3). */
export const MFA_ACCOUNT_LOCK = 20;
/** How long a sign-in may wait at the MFA step or forced enrollment before it has to start again. */
export const PENDING_SESSION_MINUTES = 15;

export const METHOD_LABELS: Record<SecondFactor, string> = {
  totp: "Authenticator app",
  sms: "Text message (SMS)",
  email: "Email code",
  passkey: "Passkey",
  face: "Facial recognition",
  recovery_code: "Recovery code",
};

/** The effective policy of one person, and why (shown on the user page and in the profile). */
export const effectiveMfaPolicySchema = z.object({
  /** The global setting (settings → MFA). */
  global_policy: z.enum(["off", "optional", "required_admins", "required_all"]),
  /** The person's own policy (JumpServer: Disabled / Enabled / Force enabled). */
  user_policy: z.enum(["disabled", "enabled", "force_enabled"]),
  /** A second factor is asked at sign-in (when one is enrolled). */
  active: z.boolean(),
  /** A second factor is mandatory: without one, sign-in leads through setup first, and the last one cannot be removed. */
  required: z.boolean(),
  /** The person may turn MFA off themselves. */
  user_can_disable: z.boolean(),
  reason: z.string(),
});
export type EffectiveMfaPolicy = z.infer<typeof effectiveMfaPolicySchema>;

/** Enrolled methods of one person (never a secret). */
export const mfaEnrollmentSchema = z.object({
  totp: z.object({ enrolled: z.boolean(), created_at: z.iso.datetime().nullable() }),
  sms: z.object({ enrolled: z.boolean(), target: z.string().nullable() }),
  email: z.object({ enrolled: z.boolean(), target: z.string().nullable() }),
  passkeys: z.array(z.object({ id: z.string(), name: z.string(), created_at: z.iso.datetime(), last_used_at: z.iso.datetime().nullable() })),
  /** Face templates of the current model (never the templates themselves). */
  face: z.object({ enrolled: z.boolean(), templates: z.number().int(), created_at: z.iso.datetime().nullable() }),
  recovery_codes: z.object({ total: z.number().int(), remaining: z.number().int() }),
});
export type MfaEnrollment = z.infer<typeof mfaEnrollmentSchema>;

export const userMfaSchema = z.object({ policy: effectiveMfaPolicySchema, methods: mfaEnrollmentSchema, usable_methods: z.array(z.enum(MFA_METHODS)) });
export type UserMfa = z.infer<typeof userMfaSchema>;
