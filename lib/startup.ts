import "server-only";
import { runAuditRetentionJob } from "./audit/purge";
import { installPeerAddressStamp } from "./auth/peer-address";
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

/** Server start: open and migrate the database, bootstrap, then the hourly jobs (inactivity, audit retention). Requests wait for the first two. */
export async function startServer(): Promise<void> {
  installPeerAddressStamp(); // before the first request: client IPs come from the socket, not from spoofable headers
  await getDb();
  announceAdmin(await bootstrap());
  await runInactivityJob();
  await runAuditRetentionJob();
  setInterval(runInactivityJob, HOUR).unref();
  setInterval(runAuditRetentionJob, HOUR).unref();
}
