import "server-only";
import type { Database, DbHandle } from "@/db/client";
import { openDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { env } from "./env";

type Slot = { handle?: Promise<DbHandle> };
const slot = ((globalThis as { __gatehouseDb?: Slot }).__gatehouseDb ??= {});

async function open(): Promise<DbHandle> {
  const handle = await openDatabase({ url: env.DATABASE_URL, dataDir: env.PGLITE_DATA_DIR });
  await migrateDatabase(handle, { url: env.DATABASE_URL });
  return handle;
}

/** The process-wide database (opened and migrated once, HMR-safe). */
export async function getDb(): Promise<Database> {
  if (env.NEXT_PHASE === "phase-production-build") {
    throw new Error("The database was used during `next build`: mark the page dynamic (await connection()).");
  }
  if (!slot.handle) {
    slot.handle = open();
    slot.handle.catch(() => (slot.handle = undefined));
  }
  return (await slot.handle).db;
}

/** Tests and CLIs: use an already opened database instead of the configured one. */
export function installDatabase(handle: DbHandle): void {
  slot.handle = Promise.resolve(handle);
}

export async function closeDb(): Promise<void> {
  const handle = slot.handle;
  slot.handle = undefined;
  if (handle) await (await handle).close();
}

/** A PostgreSQL unique_violation (23505), whichever driver raised it and however drizzle wrapped it. */
export function isUniqueViolation(error: unknown): boolean {
  for (let e = error as { code?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 4; e = e.cause as typeof e, depth++) {
    if (e.code === "23505") return true;
  }
  return false;
}
