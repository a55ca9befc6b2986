/**
 * npm run audit:verify — walks the audit log's hash chain (oldest to newest) and reports the first broken link.
 * Exit code 0 when the chain is intact, 1 otherwise. Record the printed head hash elsewhere: a later run that
 * no longer reaches it shows that the newest rows were removed.
 */
import { verifyAuditChain } from "../audit/verify";
import { closeDb } from "../db";
import { runCli } from "./args";

runCli(async () => {
  try {
    const report = await verifyAuditChain();
    const range = report.first_id === null ? "no chained events" : `events ${report.first_id}–${report.last_id}`;
    const start = report.anchor === "purge" ? "from the last purge's anchor" : "from the start of the chain";
    if (report.ok) {
      console.log(`Audit chain intact: ${report.checked} ${range}, verified ${start}.`);
      if (report.unchained) console.log(`${report.unchained} older event(s) predate the chain and were not verified.`);
      console.log(`Head hash: ${report.head_hash ?? "none"}`);
      return;
    }
    throw new Error(`audit chain broken at event ${report.broken!.id} (${report.broken!.reason}); ${report.checked} event(s) before it verified.`);
  } finally {
    await closeDb();
  }
});
