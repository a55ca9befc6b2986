import { sql } from "drizzle-orm";
import { boolean, index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

export const mfaPolicyEnum = pgEnum("mfa_policy", ["disabled", "enabled", "force_enabled"]);

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    username: text("username").notNull(),
    email: text("email").notNull(),
    firstName: text("first_name").notNull().default(""),
    lastName: text("last_name").notNull().default(""),
    phone: text("phone"),
    description: text("description").notNull().default(""),
    passwordHash: text("password_hash"),
    passwordChangedAt: ts("password_changed_at"),
    mustChangePassword: boolean("must_change_password").notNull().default(false),
    mfaPolicy: mfaPolicyEnum("mfa_policy").notNull().default("disabled"),
    authSource: text("auth_source").notNull().default("internal"),
    externalId: text("external_id"),
    isActive: boolean("is_active").notNull().default(true),
    isAdmin: boolean("is_admin").notNull().default(false),
    isServiceAccount: boolean("is_service_account").notNull().default(false),
    isBuiltin: boolean("is_builtin").notNull().default(false),
    dateExpired: ts("date_expired"),
    lastLoginAt: ts("last_login_at"),
    jwtRevokedBefore: ts("jwt_revoked_before"),
    failedLoginCount: integer("failed_login_count").notNull().default(0),
    /** Consecutive wrong second-factor codes, across sign-ins; reset by a right one. The account locks at MFA_ACCOUNT_LOCK. */
    mfaFailedCount: integer("mfa_failed_count").notNull().default(0),
    lockedUntil: ts("locked_until"),
    createdAt: ts("created_at").notNull().defaultNow(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("users_username_lower_key").on(sql`lower(${t.username})`),
    uniqueIndex("users_email_lower_key").on(sql`lower(${t.email})`),
    uniqueIndex("users_source_external_id_key").on(t.authSource, t.externalId),
    index("users_created_at_idx").on(t.createdAt),
    index("users_is_admin_idx").on(t.isAdmin).where(sql`${t.isAdmin}`),
  ],
);

export const passwordHistory = pgTable(
  "password_history",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    passwordHash: text("password_hash").notNull(),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [index("password_history_user_idx").on(t.userId, t.createdAt)],
);

export type UserRow = typeof users.$inferSelect;
export type NewUserRow = typeof users.$inferInsert;
