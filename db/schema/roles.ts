import { sql } from "drizzle-orm";
import { boolean, index, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./users";

export const roleScopeEnum = pgEnum("role_scope", ["system", "org"]);

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

export const roles = pgTable(
  "roles",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    scope: roleScopeEnum("scope").notNull(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    /** Stable key of a built-in role (e.g. "system_admin"); null for custom roles. */
    builtinKey: text("builtin_key").unique(),
    isBuiltin: boolean("is_builtin").notNull().default(false),
    permissions: text("permissions").array().notNull().default(sql`'{}'::text[]`),
    createdAt: ts("created_at").notNull().defaultNow(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [uniqueIndex("roles_scope_name_lower_key").on(t.scope, sql`lower(${t.name})`)],
);

/** System roles held by a user (they apply in every organization). */
export const userRoles = pgTable(
  "user_roles",
  {
    userId: uuid("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    roleId: uuid("role_id").notNull().references(() => roles.id, { onDelete: "cascade" }),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.roleId] }), index("user_roles_role_idx").on(t.roleId)],
);

export type RoleRow = typeof roles.$inferSelect;
