import { bigint, boolean, customType, index, integer, pgTable, primaryKey, real, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./users";

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => "bytea" });

export const mfaTotp = pgTable("mfa_totp", {
  userId: uuid("user_id").primaryKey().references(() => users.id, { onDelete: "cascade" }),
  secretEncrypted: text("secret_encrypted").notNull(),
  confirmedAt: ts("confirmed_at"),
  /** Last accepted RFC 6238 time step: a code is accepted only for a later step (replay protection). */
  lastTimeStep: bigint("last_time_step", { mode: "number" }),
  createdAt: ts("created_at").notNull().defaultNow(),
});

export const mfaRecoveryCodes = pgTable(
  "mfa_recovery_codes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    codeHash: text("code_hash").notNull(),
    usedAt: ts("used_at"),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [index("mfa_recovery_codes_user_idx").on(t.userId)],
);

export const webauthnCredentials = pgTable(
  "webauthn_credentials",
  {
    /** Credential id, base64url. */
    id: text("id").primaryKey(),
    userId: uuid("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    publicKey: bytea("public_key").notNull(),
    counter: bigint("counter", { mode: "number" }).notNull().default(0),
    transports: text("transports").array().notNull().default([]),
    deviceType: text("device_type"),
    backedUp: boolean("backed_up").notNull().default(false),
    createdAt: ts("created_at").notNull().defaultNow(),
    lastUsedAt: ts("last_used_at"),
  },
  (t) => [index("webauthn_credentials_user_idx").on(t.userId)],
);

/** One-time challenges: SMS / email codes, phone verification, WebAuthn ceremonies. */
export const otpChallenges = pgTable(
  "otp_challenges",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id").references(() => users.id, { onDelete: "cascade" }),
    sessionId: uuid("session_id"),
    purpose: text("purpose").notNull(),
    channel: text("channel"),
    /** Where the code went (E.164 phone or email address), so a code proves that very number or address. */
    target: text("target"),
    codeHash: text("code_hash"),
    challenge: text("challenge"),
    attempts: integer("attempts").notNull().default(0),
    expiresAt: ts("expires_at").notNull(),
    consumedAt: ts("consumed_at"),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [index("otp_challenges_user_idx").on(t.userId, t.purpose)],
);

/**
 * SMS / email as an MFA method: the phone number or address proved by a code at enrollment. A code is only ever
 * sent to `target`; changing the profile's phone or email removes the row (it has to be proved again).
 */
export const mfaOtpChannels = pgTable(
  "mfa_otp_channels",
  {
    userId: uuid("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    channel: text("channel").notNull(),
    target: text("target").notNull(),
    createdAt: ts("created_at").notNull().defaultNow(),
    lastUsedAt: ts("last_used_at"),
  },
  (t) => [primaryKey({ columns: [t.userId, t.channel] })],
);

/**
 * Facial recognition: up to 5 face descriptors per person, each AES-256-GCM encrypted (lib/crypto/secret-box, purpose
 * "face-template"), tagged with the model that computed it. No image is ever stored.
 */
export const faceTemplates = pgTable(
  "face_templates",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    /** encryptSecret(base64 of the L2-normalised float32 descriptor, "face-template"). */
    templateEncrypted: text("template_encrypted").notNull(),
    model: text("model").notNull(),
    /** Detector confidence of the frame it came from (0..1). */
    quality: real("quality").notNull(),
    createdAt: ts("created_at").notNull().defaultNow(),
    lastUsedAt: ts("last_used_at"),
  },
  (t) => [index("face_templates_user_idx").on(t.userId)],
);

export type FaceTemplateRow = typeof faceTemplates.$inferSelect;
export type MfaOtpChannelRow = typeof mfaOtpChannels.$inferSelect;
export type OtpChallengeRow = typeof otpChallenges.$inferSelect;
export type WebauthnCredentialRow = typeof webauthnCredentials.$inferSelect;
