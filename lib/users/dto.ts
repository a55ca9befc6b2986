import type { UserRow } from "@/db/schema";
import type { UserDto } from "./schema";

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function userStatus(user: Pick<UserRow, "isActive" | "dateExpired">, now = new Date()): UserDto["status"] {
  if (!user.isActive) return "inactive";
  if (user.dateExpired && user.dateExpired <= now) return "expired";
  return "active";
}

export function toUserDto(user: UserRow, now = new Date()): UserDto {
  return {
    id: user.id,
    name: user.name,
    username: user.username,
    email: user.email,
    first_name: user.firstName,
    last_name: user.lastName,
    phone: user.phone,
    description: user.description,
    is_active: user.isActive,
    is_admin: user.isAdmin,
    is_service_account: user.isServiceAccount,
    is_builtin: user.isBuiltin,
    auth_source: user.authSource,
    mfa_policy: user.mfaPolicy,
    must_change_password: user.mustChangePassword,
    date_expired: iso(user.dateExpired),
    last_login_at: iso(user.lastLoginAt),
    is_locked: !!user.lockedUntil && user.lockedUntil > now,
    status: userStatus(user, now),
    created_at: user.createdAt.toISOString(),
    updated_at: user.updatedAt.toISOString(),
  };
}

/** What audit diffs record about a user: the DTO without derived or volatile fields (never a secret). */
export function auditSnapshot(user: UserRow): Record<string, unknown> {
  const { status: _status, is_locked: _locked, created_at: _created, updated_at: _updated, last_login_at: _login, ...rest } = toUserDto(user);
  return rest;
}
