/**
 * npm run token:create -- --user <username|email> --name <name> [--days N] [--scopes users.view,groups.view]
 * Issues a Personal Access Token through the same lib/tokens function the console uses, and prints it once.
 */
import { systemActor } from "../auth/actor";
import { findUserByLogin } from "../auth/sign-in";
import { announceAdmin, bootstrap } from "../bootstrap";
import { closeDb } from "../db";
import { isAppError } from "../errors";
import { createPersonalAccessToken } from "../tokens/pat";
import { parseArgs, runCli } from "./args";

runCli(async () => {
  const args = parseArgs(process.argv.slice(2));
  if (typeof args.user !== "string" || typeof args.name !== "string") {
    throw new Error("usage: npm run token:create -- --user <username|email> --name <name> [--days N] [--scopes a,b]");
  }
  try {
    announceAdmin(await bootstrap(), console.error);
    const user = await findUserByLogin(args.user);
    if (!user) throw new Error(`no user "${args.user}"`);
    const created = await createPersonalAccessToken(systemActor("cli"), user.id, {
      name: args.name,
      expires_in_days: typeof args.days === "string" ? Number(args.days) : undefined,
      scopes: typeof args.scopes === "string" ? args.scopes.split(",").map((s) => s.trim()) : undefined,
    });
    console.error(`Token "${created.name}" for ${user.username}, expires ${created.expires_at}. It is shown only this once:`);
    console.log(created.token);
  } catch (error) {
    if (isAppError(error)) throw new Error(`${error.message} ${JSON.stringify(error.details?.fieldErrors ?? {})}`);
    throw error;
  } finally {
    await closeDb();
  }
});
