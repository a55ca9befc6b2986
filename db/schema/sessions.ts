import { index, integer, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./users";

export const sessionStageEnum = pgEnum("session_stage", ["mfa", "mfa_enroll", "password_change", "active"]);

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

/** One row per interactive sign-in; the NextAuth JWT carries only its id. */
export const sessions = pgTable(
  "sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    stage: sessionStageEnum("stage").notNull(),
    authSource: text("auth_source").notNull(),
    methods: text("methods").array().notNull(),
    ip: text("ip"),
    userAgent: text("user_agent"),
    createdAt: ts("created_at").notNull().defaultNow(),
    lastSeenAt: ts("last_seen_at").notNull().defaultNow(),
    /** Last time the user proved who they are (sign-in or re-authentication). */
    authenticatedAt: ts("authenticated_at").notNull().defaultNow(),
    expiresAt: ts("expires_at").notNull(),
    /** Wrong second-factor codes entered in this sign-in (at most MFA_CODE_ATTEMPTS, then the session ends). */
    mfaAttempts: integer("mfa_attempts").notNull().default(0),
  },
  (t) => [index("sessions_user_idx").on(t.userId), index("sessions_expires_idx").on(t.expiresAt)],
);

export type SessionRow = typeof sessions.$inferSelect;
