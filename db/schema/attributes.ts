import { boolean, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./users";

export const attributeTypeEnum = pgEnum("attribute_type", ["text", "number", "boolean", "date", "select"]);

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

export const attributeDefinitions = pgTable("attribute_definitions", {
  id: uuid("id").primaryKey().defaultRandom(),
  key: text("key").notNull().unique(),
  label: text("label").notNull(),
  type: attributeTypeEnum("type").notNull(),
  options: jsonb("options").$type<string[]>().notNull().default([]),
  required: boolean("required").notNull().default(false),
  userEditable: boolean("user_editable").notNull().default(false),
  position: integer("position").notNull().default(0),
  createdAt: ts("created_at").notNull().defaultNow(),
  updatedAt: ts("updated_at").notNull().defaultNow(),
});

export const userAttributes = pgTable(
  "user_attributes",
  {
    userId: uuid("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    attributeId: uuid("attribute_id").notNull().references(() => attributeDefinitions.id, { onDelete: "cascade" }),
    value: jsonb("value").$type<string | number | boolean | null>(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.attributeId] })],
);
