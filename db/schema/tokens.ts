import { boolean, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./users";

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

export const personalAccessTokens = pgTable(
  "personal_access_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    /** sha256 (hex) of the whole token; the token itself is never stored. */
    tokenHash: text("token_hash").notNull().unique(),
    /** First characters of the token, to recognise it in lists and secret scanners. */
    prefix: text("prefix").notNull(),
    /** Null means every permission of the owner; otherwise a subset of them. */
    scopes: text("scopes").array(),
    expiresAt: ts("expires_at"),
    lastUsedAt: ts("last_used_at"),
    lastUsedIp: text("last_used_ip"),
    /** Built-in tokens (the control plane's) cannot be viewed or deleted through the console or the API. */
    isBuiltin: boolean("is_builtin").notNull().default(false),
    createdBy: uuid("created_by"),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [index("pat_user_idx").on(t.userId)],
);

/** ES256 keys that sign API JWTs; private keys encrypted at rest. */
export const signingKeys = pgTable("signing_keys", {
  kid: text("kid").primaryKey(),
  algorithm: text("algorithm").notNull().default("ES256"),
  publicJwk: jsonb("public_jwk").$type<Record<string, unknown>>().notNull(),
  privateKeyEncrypted: text("private_key_encrypted").notNull(),
  createdAt: ts("created_at").notNull().defaultNow(),
  /** When it stopped signing; it stays published until its last token expires. */
  retiredAt: ts("retired_at"),
});

export type PersonalAccessTokenRow = typeof personalAccessTokens.$inferSelect;
