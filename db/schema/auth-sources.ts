import { boolean, integer, jsonb, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

export const authSourceTypeEnum = pgEnum("auth_source_type", ["ldap", "oidc"]);

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

/** Admin-configured LDAP / OIDC sources. `internal` is built in and has no row. */
export const authSources = pgTable("auth_sources", {
  id: uuid("id").primaryKey().defaultRandom(),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  type: authSourceTypeEnum("type").notNull(),
  enabled: boolean("enabled").notNull().default(false),
  position: integer("position").notNull().default(0),
  /** Non-secret settings (URLs, DNs, mappings). */
  config: jsonb("config").$type<Record<string, unknown>>().notNull().default({}),
  /** AES-256-GCM envelope of the secret settings (bind password, client secret). */
  secretsEncrypted: text("secrets_encrypted"),
  createdAt: ts("created_at").notNull().defaultNow(),
  updatedAt: ts("updated_at").notNull().defaultNow(),
});
