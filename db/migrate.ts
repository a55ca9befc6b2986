import path from "node:path";
import type { DbHandle } from "./client";

export const migrationsFolder = path.join(process.cwd(), "db", "migrations");

/** Arbitrary constant: several servers starting together on one PostgreSQL migrate one at a time. */
const MIGRATION_LOCK = 7_243_001;

/** Applies the committed drizzle migrations (idempotent). */
export async function migrateDatabase(handle: DbHandle, options: { url?: string } = {}): Promise<void> {
  if (handle.driver === "pglite") {
    const { migrate } = await import("drizzle-orm/pglite/migrator");
    await migrate(handle.db as never, { migrationsFolder });
    return;
  }
  if (!options.url) throw new Error("migrateDatabase: the PostgreSQL URL is required");
  // One dedicated connection so the session-level advisory lock covers the whole migration.
  const { default: postgres } = await import("postgres");
  const { drizzle } = await import("drizzle-orm/postgres-js");
  const { migrate } = await import("drizzle-orm/postgres-js/migrator");
  const client = postgres(options.url, { max: 1, onnotice: () => {} });
  try {
    await client`select pg_advisory_lock(${MIGRATION_LOCK})`;
    await migrate(drizzle(client), { migrationsFolder });
    await client`select pg_advisory_unlock(${MIGRATION_LOCK})`;
  } finally {
    await client.end();
  }
}
