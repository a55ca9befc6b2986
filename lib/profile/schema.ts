import { z } from "zod";
import { E164_PATTERN } from "../users/schema";

/** Minutes after a sign-in (or re-authentication) during which sensitive changes are allowed (T14: N = 10). */
export const REAUTH_WINDOW_MINUTES = 10;

/**
 * The field error that marks "confirm it's you first" (401): the console opens the re-authentication prompt and
 * retries; REST clients see it under `errors.reauthentication`.
 */
export const REAUTH_REQUIRED_FIELD = "reauthentication";
export const isReauthRequired = (result: { ok: boolean; fieldErrors?: Record<string, string[]> }) =>
  !result.ok && !!result.fieldErrors?.[REAUTH_REQUIRED_FIELD];

export const reauthenticateSchema = z.object({ password: z.string().min(1, "Enter your password.").max(4096) });
export type ReauthenticateInput = z.input<typeof reauthenticateSchema>;

/** Fields a person changes themselves; email and phone are sensitive (re-authentication within the window). */
export const SENSITIVE_PROFILE_FIELDS = ["email", "phone"] as const;

/** PATCH /api/v1/me. Anything else (is_admin, username, mfa_policy …) is refused as unknown. */
export const updateProfileSchema = z
  .object({
    email: z.email("Enter a valid email address.").trim().max(254),
    name: z.string().trim().max(128),
    first_name: z.string().trim().max(64),
    last_name: z.string().trim().max(64),
    phone: z.string().trim().regex(E164_PATTERN, "Use the international format, e.g. +14155550123.").nullable(),
  })
  .partial()
  .strict();
export type UpdateProfileInput = z.input<typeof updateProfileSchema>;

/** The signed-in person as GET /api/v1/me answers (never a hash or secret). */
export const profileSchema = z.object({
  id: z.guid(),
  username: z.string(),
  email: z.string(),
  name: z.string(),
  first_name: z.string(),
  last_name: z.string(),
  phone: z.string().nullable(),
  auth_source: z.string(),
  is_service_account: z.boolean(),
  /** The password is Gatehouse's (internal source): it can be changed here and used to re-authenticate. */
  has_local_password: z.boolean(),
  mfa_policy: z.string(),
  last_login_at: z.iso.datetime().nullable(),
  created_at: z.iso.datetime(),
});
export type ProfileDto = z.infer<typeof profileSchema>;

/** One of the caller's sessions: the shape of lib/sessions' SessionDto (GET /api/v1/me/sessions). */
export const ownSessionSchema = z.object({
  id: z.guid(),
  user_id: z.guid(),
  stage: z.enum(["mfa", "mfa_enroll", "password_change", "active"]),
  auth_source: z.string(),
  methods: z.array(z.string()),
  ip: z.string().nullable(),
  user_agent: z.string().nullable(),
  created_at: z.iso.datetime(),
  last_seen_at: z.iso.datetime(),
  expires_at: z.iso.datetime(),
  /** The session making this request. */
  current: z.boolean(),
});
export type OwnSessionDto = z.infer<typeof ownSessionSchema>;

export const signInEventSchema = z.object({
  id: z.number().int(),
  occurred_at: z.iso.datetime(),
  outcome: z.string(),
  reason: z.string().nullable(),
  source: z.string().nullable(),
  method: z.string().nullable(),
  ip: z.string().nullable(),
  user_agent: z.string().nullable(),
});
export type SignInEventDto = z.infer<typeof signInEventSchema>;
