import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import * as schema from "./schema";

/** Both drivers expose the same drizzle API; lib/ codes against this type. */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];
/** A database or an open transaction: what query helpers accept. */
export type Executor = Database | Tx;

export type DbHandle = {
  db: Database;
  driver: "postgres" | "pglite";
  close(): Promise<void>;
};

export type OpenOptions = {
  /** postgres:// URL; when absent, embedded PGlite is used. */
  url?: string;
  /** PGlite data directory (or memory://). */
  dataDir?: string;
  /** An already created PGlite instance (tests). */
  pglite?: PGlite;
  /** postgres.js pool size. */
  max?: number;
};

export async function openDatabase(options: OpenOptions): Promise<DbHandle> {
  if (options.url) {
    const { default: postgres } = await import("postgres");
    const { drizzle } = await import("drizzle-orm/postgres-js");
    const client = postgres(options.url, { max: options.max ?? 10, onnotice: () => {} });
    return { db: drizzle(client, { schema }) as unknown as Database, driver: "postgres", close: () => client.end() };
  }
  const { drizzle } = await import("drizzle-orm/pglite");
  if (options.pglite) {
    const pg = options.pglite;
    return { db: drizzle(pg, { schema }) as unknown as Database, driver: "pglite", close: () => pg.close() };
  }
  const dataDir = options.dataDir ?? ".data/pglite";
  const release = dataDir.includes("://") ? () => {} : acquireDirLock(dataDir);
  try {
    const { PGlite } = await import("@electric-sql/pglite");
    const pg = await PGlite.create(dataDir);
    return {
      db: drizzle(pg, { schema }) as unknown as Database,
      driver: "pglite",
      close: async () => {
        await pg.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

/**
 * PGlite has no cross-process locking, and two processes on one data directory silently lose writes.
 * An O_EXCL lock file holding our pid turns that into a clear error; a lock left by a dead process is taken over.
 */
const locksHeldHere = new Set<string>();

function acquireDirLock(dataDir: string): () => void {
  const lockFile = `${path.resolve(dataDir)}.lock`;
  if (locksHeldHere.has(lockFile)) throw new Error(`The embedded database at ${dataDir} is already open in this process (${process.pid}).`);
  mkdirSync(path.dirname(lockFile), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockFile, "wx", 0o600);
      writeSync(fd, String(process.pid));
      closeSync(fd);
      locksHeldHere.add(lockFile);
      const release = () => {
        locksHeldHere.delete(lockFile);
        if (existsSync(lockFile) && readFileSync(lockFile, "utf8").trim() === String(process.pid)) rmSync(lockFile, { force: true });
      };
      process.once("exit", release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = Number(readFileSync(lockFile, "utf8").trim());
      if (holder && holder !== process.pid && isAlive(holder)) {
        throw new Error(
          `The embedded database at ${dataDir} is in use by process ${holder}. Stop it first, or set DATABASE_URL to use PostgreSQL.`,
        );
      }
      rmSync(lockFile, { force: true });
    }
  }
  throw new Error(`Could not lock the embedded database at ${dataDir}.`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Rows of a raw `db.execute()` result: postgres.js returns an array, PGlite `{ rows }`. */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}
