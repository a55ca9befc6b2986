import type { SettingsSection } from "@/lib/settings/schema";

type Base = { name: string; label: string; hint?: string };
export type SettingField =
  | (Base & { kind: "number"; min: number; max: number })
  | (Base & { kind: "optional-number"; min: number; max: number })
  | (Base & { kind: "boolean" })
  | (Base & { kind: "select"; options: { value: string; label: string }[] });

export type SectionDescriptor = { title: string; description: string; fields: SettingField[] };

/** How each settings section is shown in the console; the rules themselves live in lib/settings/schema.ts. */
export const SECTION_FIELDS: Record<SettingsSection, SectionDescriptor> = {
  password: {
    title: "Password policy",
    description: "Rules for local passwords, checked whenever a password is set. Long passphrases beat composition rules (NIST SP 800-63B).",
    fields: [
      { name: "min_length", label: "Minimum length", kind: "number", min: 8, max: 128, hint: "8–128 characters. 12 or more is recommended." },
      { name: "max_length", label: "Maximum length", kind: "number", min: 64, max: 1024, hint: "64–1024 characters. Passwords are never truncated." },
      { name: "require_upper", label: "Require an uppercase letter", kind: "boolean" },
      { name: "require_lower", label: "Require a lowercase letter", kind: "boolean" },
      { name: "require_digit", label: "Require a digit", kind: "boolean" },
      { name: "require_special", label: "Require a symbol or space", kind: "boolean" },
      { name: "history_count", label: "Password history", kind: "number", min: 0, max: 24, hint: "How many previous passwords cannot be reused (the current one never can). 0–24." },
      { name: "blocklist", label: "Refuse common passwords", kind: "boolean", hint: "Checks a shipped list of about 49,000 frequently used passwords." },
    ],
  },
  sessions: {
    title: "Sessions",
    description: "How long a console session lasts.",
    fields: [
      { name: "idle_minutes", label: "Idle timeout (minutes)", kind: "number", min: 5, max: 10_080, hint: "Sign out after this long without activity." },
      { name: "absolute_hours", label: "Maximum lifetime (hours)", kind: "number", min: 1, max: 720, hint: "Sign out after this long, active or not." },
    ],
  },
  users: {
    title: "Users",
    description: "Automatic housekeeping of user accounts.",
    fields: [
      { name: "inactive_days", label: "Disable after days without sign-in", kind: "optional-number", min: 1, max: 3650, hint: "Leave empty to never disable users automatically." },
    ],
  },
  proxy: {
    title: "Proxy",
    description: "How Gatehouse serves applications behind its proxy provider.",
    fields: [
      {
        name: "proxy_mode",
        label: "Proxy mode",
        kind: "select",
        options: [
          { value: "disabled", label: "Disabled" },
          { value: "shared", label: "Shared" },
          { value: "dedicated", label: "Dedicated" },
        ],
        hint: "While shared or dedicated, the proxy-provider service account cannot be deleted.",
      },
    ],
  },
  login: {
    title: "Sign-in",
    description: "Which backends check a password, and how repeated failures lock an account.",
    fields: [
      { name: "only_user_source", label: "Only try the user's own source", kind: "boolean", hint: "Otherwise every enabled password backend is tried in order." },
      { name: "lockout_threshold", label: "Failed attempts before lockout", kind: "number", min: 1, max: 100 },
      { name: "lockout_minutes", label: "Lockout duration (minutes)", kind: "number", min: 1, max: 1440 },
      { name: "ip_lockout_threshold", label: "Failed attempts per IP address before blocking", kind: "number", min: 5, max: 10_000 },
      { name: "ip_lockout_minutes", label: "IP block duration (minutes)", kind: "number", min: 1, max: 1440 },
    ],
  },
  audit: {
    title: "Audit log",
    description: "How long audit events are kept.",
    fields: [{ name: "retention_days", label: "Retention (days)", kind: "number", min: 1, max: 3650 }],
  },
  tokens: {
    title: "API tokens",
    description: "Limits for Personal Access Tokens and the REST API.",
    fields: [
      { name: "max_days", label: "Longest token lifetime (days)", kind: "number", min: 1, max: 365, hint: "New tokens cannot be given a longer expiry." },
      { name: "api_rate_limit_per_minute", label: "API requests per minute per token", kind: "number", min: 10, max: 100_000, hint: "Over this, /api/v1 answers 429 with Retry-After." },
    ],
  },
  mfa: {
    title: "Multi-factor authentication",
    description: "Who must prove a second factor at sign-in, and which methods people may set up from their profile.",
    fields: [
      {
        name: "policy",
        label: "Global MFA policy",
        kind: "select",
        options: [
          { value: "off", label: "Off — no second factor for anyone" },
          { value: "optional", label: "Optional — each user's own MFA policy decides" },
          { value: "required_admins", label: "Required for administrators" },
          { value: "required_all", label: "Required for everyone" },
        ],
        hint: "Administrators are super-admins and everyone holding a console permission. People who must use MFA and have none are led through setup at their next sign-in.",
      },
      { name: "totp", label: "Authenticator app (TOTP)", kind: "boolean", hint: "RFC 6238 codes from apps such as FreeOTP, Aegis or Google Authenticator, with recovery codes." },
      { name: "passkey", label: "Passkeys", kind: "boolean", hint: "WebAuthn credentials on a device or security key. Phishing-resistant: the strongest option." },
      { name: "sms", label: "Text message (SMS) codes", kind: "boolean", hint: "Codes sent to a verified phone number through the configured SMS provider. Restricted by NIST SP 800-63B." },
      { name: "email", label: "Email codes", kind: "boolean", hint: "Lower assurance (NIST SP 800-63B): whoever reads the mailbox passes the second factor." },
      { name: "email_for_admins", label: "Accept email codes from administrators", kind: "boolean", hint: "Off by default: administrators need a stronger method." },
      {
        name: "face",
        label: "Facial recognition",
        kind: "boolean",
        hint: "Off by default. A convenience factor, never anyone's only one: offered only to people with another method. Read its limits below before turning it on.",
      },
      { name: "passwordless", label: "Offer “Sign in with a passkey” on the sign-in page", kind: "boolean", hint: "Discoverable passkeys sign people in without a password; a passkey with user verification counts as both factors." },
    ],
  },
};
