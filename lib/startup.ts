import "server-only";
import { announceAdmin, bootstrap } from "./bootstrap";
import { getDb } from "./db";
import { disableInactiveUsers } from "./users/inactivity";

const HOUR = 3_600_000;

async function runInactivityJob() {
  try {
    const disabled = await disableInactiveUsers();
    if (disabled.length) console.log(`Disabled ${disabled.length} user(s) inactive past the configured limit.`);
  } catch (error) {
    console.error("inactivity job failed", error);
  }
}

/** Server start: open and migrate the database, bootstrap, then the hourly jobs. Requests wait for the first two. */
export async function startServer(): Promise<void> {
  await getDb();
  announceAdmin(await bootstrap());
  await runInactivityJob();
  setInterval(runInactivityJob, HOUR).unref();
}
