import { jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/** Runtime settings: one row per section; typed defaults live in lib/settings. */
export const settings = pgTable("settings", {
  key: text("key").primaryKey(),
  value: jsonb("value").$type<Record<string, unknown>>().notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  updatedBy: text("updated_by"),
});
