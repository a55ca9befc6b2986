import "server-only";
import { announceAdmin, bootstrap } from "./bootstrap";
import { getDb } from "./db";

/** Server start: open and migrate the database, then bootstrap. Requests wait until this is done. */
export async function startServer(): Promise<void> {
  await getDb();
  announceAdmin(await bootstrap());
}
