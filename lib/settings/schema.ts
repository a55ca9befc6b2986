import { z } from "zod";

const passwordSection = z.object({
  min_length: z.number().int().min(8).max(128).default(12),
  /** Passwords are hashed whole (never truncated), so the cap is generous. */
  max_length: z.number().int().min(64).max(1024).default(128),
  require_upper: z.boolean().default(false),
  require_lower: z.boolean().default(false),
  require_digit: z.boolean().default(false),
  require_special: z.boolean().default(false),
  /** How many previous passwords (besides the current one) may not be reused. */
  history_count: z.number().int().min(0).max(24).default(5),
  blocklist: z.boolean().default(true),
});

const loginSection = z.object({
  only_user_source: z.boolean().default(false),
  lockout_threshold: z.number().int().min(1).max(100).default(7),
  lockout_minutes: z.number().int().min(1).max(24 * 60).default(30),
  /** Failed sign-ins from one client address within the window before that address is refused (JumpServer's IP limit). */
  ip_lockout_threshold: z.number().int().min(5).max(10_000).default(50),
  ip_lockout_minutes: z.number().int().min(1).max(24 * 60).default(15),
});

const sessionsSection = z.object({
  idle_minutes: z.number().int().min(5).max(7 * 24 * 60).default(60),
  absolute_hours: z.number().int().min(1).max(30 * 24).default(12),
});

const usersSection = z.object({
  /** Disable users who have not signed in for this many days (null: never). */
  inactive_days: z.number().int().min(1).max(3650).nullable().default(null),
});

const proxySection = z.object({ proxy_mode: z.enum(["disabled", "shared", "dedicated"]).default("disabled") });

const auditSection = z.object({ retention_days: z.number().int().min(1).max(3650).default(365) });

const tokensSection = z.object({
  /** The longest lifetime a new Personal Access Token may be given (the form's and the API's cap). */
  max_days: z.number().int().min(1).max(365).default(365),
  /** Requests per minute one token may make to /api/v1 (its JWTs count against the PAT they came from). */
  api_rate_limit_per_minute: z.number().int().min(10).max(100_000).default(600),
});

export const MFA_GLOBAL_POLICIES = ["off", "optional", "required_admins", "required_all"] as const;
export type MfaGlobalPolicy = (typeof MFA_GLOBAL_POLICIES)[number];

const mfaSection = z.object({
  /**
   * off: no second factor anywhere; optional: each user's own policy decides (Disabled / Enabled / Force enabled);
   * required_admins: also enforced for everyone holding any console permission; required_all: enforced for everyone.
   */
  policy: z.enum(MFA_GLOBAL_POLICIES).default("optional"),
  /** Backends people may set up from their profile (and use at the MFA step). */
  totp: z.boolean().default(true),
  sms: z.boolean().default(false),
  email: z.boolean().default(false),
  passkey: z.boolean().default(true),
  /**
   * Facial recognition: off by default, a convenience factor only (weak liveness, biometric data). Offered only to
   * people with another usable method, so it is never anyone's only factor.
   */
  face: z.boolean().default(false),
  /** Email codes are a lower-assurance factor (NIST SP 800-63B): by default they do not count for administrators. */
  email_for_admins: z.boolean().default(false),
  /** "Sign in with a passkey" on the sign-in page (discoverable credentials, no password). */
  passwordless: z.boolean().default(true),
});

/** Runtime settings, one section per row of the `settings` table; every field has a secure default. */
export const settingsSchema = z.object({
  password: passwordSection.prefault({}),
  login: loginSection.prefault({}),
  sessions: sessionsSection.prefault({}),
  users: usersSection.prefault({}),
  proxy: proxySection.prefault({}),
  audit: auditSection.prefault({}),
  tokens: tokensSection.prefault({}),
  mfa: mfaSection.prefault({}),
});

export type Settings = z.infer<typeof settingsSchema>;
export type SettingsSection = keyof Settings;
export const SETTINGS_SECTIONS = Object.keys(settingsSchema.shape) as SettingsSection[];
export const DEFAULT_SETTINGS: Settings = settingsSchema.parse({});
export type PasswordPolicy = Settings["password"];
export type MfaSettings = Settings["mfa"];

export const isSettingsSection = (value: string): value is SettingsSection => (SETTINGS_SECTIONS as string[]).includes(value);

/**
 * One whole section as a form submits it, or as a PATCH leaves it once merged over the stored values:
 * unknown fields are refused and cross-field rules apply. Shared by the console forms and updateSettingsSection.
 */
export const settingsSectionSchemas = {
  password: passwordSection.strict().refine((p) => p.min_length <= p.max_length, {
    path: ["min_length"],
    message: "The minimum length cannot be greater than the maximum length.",
  }),
  login: loginSection.strict(),
  sessions: sessionsSection.strict(),
  users: usersSection.strict(),
  proxy: proxySection.strict(),
  audit: auditSection.strict(),
  tokens: tokensSection.strict(),
  mfa: mfaSection.strict(),
} satisfies Record<SettingsSection, z.ZodType>;

/** The console's one settings action: which section, and its submitted values (validated by updateSettingsSection). */
export const updateSettingsRequestSchema = z.object({
  section: z.enum(SETTINGS_SECTIONS as [SettingsSection, ...SettingsSection[]]),
  values: z.record(z.string(), z.unknown()),
});
