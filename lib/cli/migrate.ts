/** npm run db:migrate — applies the committed migrations to DATABASE_URL (or the embedded database). */
import { closeDb, getDb } from "../db";
import { runCli } from "./args";

runCli(async () => {
  await getDb();
  await closeDb();
  console.log("Database migrated.");
});
