import { z } from "zod";

export const MFA_POLICIES = ["disabled", "enabled", "force_enabled"] as const;
export const USER_STATUSES = ["active", "inactive", "expired"] as const;

/** A user as it leaves lib/ (REST body, console props). Never a hash or secret. */
export const userSchema = z.object({
  id: z.guid(),
  name: z.string(),
  username: z.string(),
  email: z.string(),
  first_name: z.string(),
  last_name: z.string(),
  phone: z.string().nullable(),
  description: z.string(),
  is_active: z.boolean(),
  is_admin: z.boolean(),
  is_service_account: z.boolean(),
  is_builtin: z.boolean(),
  auth_source: z.string(),
  mfa_policy: z.enum(MFA_POLICIES),
  must_change_password: z.boolean(),
  date_expired: z.iso.datetime().nullable(),
  last_login_at: z.iso.datetime().nullable(),
  is_locked: z.boolean(),
  status: z.enum(USER_STATUSES),
  created_at: z.iso.datetime(),
  updated_at: z.iso.datetime(),
});
export type UserDto = z.infer<typeof userSchema>;

export const USER_SORTS = ["username", "-username", "email", "-email", "created_at", "-created_at", "last_login_at", "-last_login_at"] as const;

const queryBoolean = z.enum(["true", "false"]).transform((v) => v === "true");

/** GET /api/v1/users and the console's users table. */
export const listUsersQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  q: z.string().trim().max(200).optional(),
  sort: z.enum(USER_SORTS).default("-created_at"),
  status: z.enum(USER_STATUSES).optional(),
  is_service_account: queryBoolean.optional(),
  is_admin: queryBoolean.optional(),
  auth_source: z.string().trim().min(1).max(64).optional(),
  group_id: z.guid().optional(),
  /** Only members of this organization (the console's current organization). */
  org_id: z.guid().optional(),
});
export type ListUsersQuery = z.input<typeof listUsersQuerySchema>;

export const pageSchema = <T extends z.ZodType>(item: T) =>
  z.object({ data: z.array(item), total: z.number().int(), page: z.number().int(), limit: z.number().int() });
export type Page<T> = { data: T[]; total: number; page: number; limit: number };

/** Usernames: letters, digits, dot, underscore and dash; they never contain "@", so they never look like an email. */
export const USERNAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
/** E.164: "+", country code, subscriber number; 8 to 15 digits in all. */
export const E164_PATTERN = /^\+[1-9]\d{7,14}$/;

const optionalText = (max: number) => z.string().trim().max(max);
const nullableDate = z.iso.datetime({ offset: true }).nullable();

const profileFields = {
  email: z.email("Enter a valid email address.").trim().max(254),
  name: optionalText(128),
  first_name: optionalText(64),
  last_name: optionalText(64),
  phone: z.string().trim().regex(E164_PATTERN, "Use the international format, e.g. +14155550123.").nullable(),
  description: optionalText(1000),
  is_active: z.boolean(),
  is_admin: z.boolean(),
  mfa_policy: z.enum(MFA_POLICIES),
  date_expired: nullableDate,
  must_change_password: z.boolean(),
};

/** How a new local user gets a password (JumpServer): set it now, or email a single-use link. */
export const PASSWORD_MODES = ["set", "reset_link"] as const;

/** POST /api/v1/users — exactly the JSON of justiam-users.txt, plus the JumpServer fields. */
export const createUserSchema = z
  .object({
    ...profileFields,
    username: z.string().trim().regex(USERNAME_PATTERN, "Use letters, digits, dot, underscore or dash (max 64).").optional(),
    name: profileFields.name.optional(),
    first_name: profileFields.first_name.default(""),
    last_name: profileFields.last_name.default(""),
    phone: profileFields.phone.optional(),
    description: profileFields.description.default(""),
    is_active: profileFields.is_active.default(true),
    is_admin: profileFields.is_admin.default(false),
    is_service_account: z.boolean().default(false),
    mfa_policy: profileFields.mfa_policy.default("disabled"),
    date_expired: nullableDate.optional(),
    must_change_password: profileFields.must_change_password.default(false),
    password_mode: z.enum(PASSWORD_MODES).optional(),
    password: z.string().max(4096).optional(),
    org_id: z.guid().optional(),
    /** Roles chosen in the form (the role pickers); omitted means the built-in User roles. */
    system_role_ids: z.array(z.guid()).max(50).optional(),
    org_role_ids: z.array(z.guid()).max(50).optional(),
  })
  .superRefine((input, ctx) => {
    if (input.is_service_account) {
      if (input.password) ctx.addIssue({ code: "custom", path: ["password"], message: "Service accounts have no password; they use tokens." });
      if (input.password_mode === "set") ctx.addIssue({ code: "custom", path: ["password_mode"], message: "Service accounts have no password." });
      if (input.must_change_password) ctx.addIssue({ code: "custom", path: ["must_change_password"], message: "Service accounts have no password." });
      return;
    }
    if (input.password_mode === "set" && !input.password) ctx.addIssue({ code: "custom", path: ["password"], message: "Enter a password, or choose to send a reset link." });
    if (input.password_mode === "reset_link" && input.password) ctx.addIssue({ code: "custom", path: ["password"], message: "Leave the password empty when a reset link is sent." });
  });
export type CreateUserInput = z.input<typeof createUserSchema>;

const READ_ONLY = ["username", "is_service_account", "auth_source", "is_builtin"] as const;

/** PATCH /api/v1/users/{id}: any subset of the updatable fields; `password` is "change secret" (local users only). */
export const updateUserSchema = z
  .object(profileFields)
  .partial()
  .extend({
    password: z.string().min(1).max(4096).optional(),
    ...Object.fromEntries(READ_ONLY.map((key) => [key, z.unknown().optional()])),
  })
  .strict()
  .superRefine((input, ctx) => {
    for (const key of READ_ONLY) {
      if ((input as Record<string, unknown>)[key] !== undefined) ctx.addIssue({ code: "custom", path: [key], message: `${key} is read-only after creation.` });
    }
  });
export type UpdateUserInput = z.input<typeof updateUserSchema>;

export const BULK_ACTIONS = ["activate", "deactivate", "delete"] as const;
export const bulkUsersSchema = z.object({
  action: z.enum(BULK_ACTIONS),
  user_ids: z.array(z.guid()).min(1).max(100),
});
export type BulkUsersInput = z.input<typeof bulkUsersSchema>;
export type BulkResult = { id: string; ok: boolean; code?: string; message?: string };
