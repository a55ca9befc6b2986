import { z } from "zod";

/** Runtime settings, one section per row of the `settings` table; every field has a secure default. */
export const settingsSchema = z.object({
  password: z
    .object({
      min_length: z.number().int().min(8).max(128).default(12),
      max_length: z.number().int().min(64).max(1024).default(128),
      require_upper: z.boolean().default(false),
      require_lower: z.boolean().default(false),
      require_digit: z.boolean().default(false),
      require_special: z.boolean().default(false),
      history_count: z.number().int().min(0).max(24).default(5),
      blocklist: z.boolean().default(true),
    })
    .prefault({}),
  login: z
    .object({
      only_user_source: z.boolean().default(false),
      lockout_threshold: z.number().int().min(1).max(100).default(7),
      lockout_minutes: z.number().int().min(1).max(24 * 60).default(30),
    })
    .prefault({}),
  sessions: z
    .object({
      idle_minutes: z.number().int().min(5).max(7 * 24 * 60).default(60),
      absolute_hours: z.number().int().min(1).max(30 * 24).default(12),
    })
    .prefault({}),
  users: z
    .object({
      /** Disable users who have not signed in for this many days (null: never). */
      inactive_days: z.number().int().min(1).max(3650).nullable().default(null),
    })
    .prefault({}),
  proxy: z.object({ proxy_mode: z.enum(["disabled", "shared", "dedicated"]).default("disabled") }).prefault({}),
  audit: z.object({ retention_days: z.number().int().min(1).max(3650).default(365) }).prefault({}),
});

export type Settings = z.infer<typeof settingsSchema>;
export type SettingsSection = keyof Settings;
export const SETTINGS_SECTIONS = Object.keys(settingsSchema.shape) as SettingsSection[];
export const DEFAULT_SETTINGS: Settings = settingsSchema.parse({});
