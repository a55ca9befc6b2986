import { z } from "zod";

export const MFA_POLICIES = ["disabled", "enabled", "force_enabled"] as const;
export const USER_STATUSES = ["active", "inactive", "expired"] as const;

/** A user as it leaves lib/ (REST body, console props). Never a hash or secret. */
export const userSchema = z.object({
  id: z.uuid(),
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

/** GET /api/v1/users and the console's users table. */
export const listUsersQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  q: z.string().trim().max(200).optional(),
  sort: z.enum(USER_SORTS).default("-created_at"),
});
export type ListUsersQuery = z.input<typeof listUsersQuerySchema>;

export const pageSchema = <T extends z.ZodType>(item: T) =>
  z.object({ data: z.array(item), total: z.number().int(), page: z.number().int(), limit: z.number().int() });
export type Page<T> = { data: T[]; total: number; page: number; limit: number };
