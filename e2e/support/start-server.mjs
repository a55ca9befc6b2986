// Playwright's webServer.command: a fresh database for this run, an admin API token, then `next start`.
//
//   DATABASE_URL set  → a new database gatehouse_e2e_<timestamp> on that server (dropped again on a clean stop
//                       unless E2E_KEEP_DB=1)
//   otherwise         → embedded PGlite in .data/e2e/pglite (wiped first)
//
// The token is issued BEFORE the server starts: an embedded data dir can be opened by one process at a time.
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import postgres from "postgres";
import { ADMIN_EMAIL, ADMIN_PASSWORD, API_TOKEN_FILE, AUTH_SECRET, E2E_DATA_DIR, MAIL_DIR, PGLITE_DATA_DIR, SMS_DIR, SMS_WEBHOOK_SECRET } from "./constants.mjs";
import { startMailSink } from "./mail-sink.mjs";
import { startSmsSink } from "./sms-sink.mjs";

const root = fileURLToPath(new URL("../..", import.meta.url));
const port = process.env.E2E_PORT;
if (!port) throw new Error("E2E_PORT is not set (playwright.config.ts sets it).");

const log = (message) => console.log(`[e2e] ${message}`);

async function createDatabase(serverUrl) {
  const name = `gatehouse_e2e_${Date.now()}_${process.pid}`;
  const sql = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    await sql.unsafe(`create database ${name}`);
  } finally {
    await sql.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { name, url: url.toString() };
}

async function dropDatabase(serverUrl, name) {
  const sql = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    await sql.unsafe(`drop database if exists ${name} with (force)`);
  } finally {
    await sql.end();
  }
}

const env = {
  ...process.env,
  AUTH_SECRET,
  APP_URL: `http://localhost:${port}`,
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  NEXT_TELEMETRY_DISABLED: "1",
};
delete env.NEXTAUTH_URL; // derived from APP_URL by lib/env.ts

rmSync(E2E_DATA_DIR, { recursive: true, force: true });
mkdirSync(E2E_DATA_DIR, { recursive: true });

const mailSink = await startMailSink(MAIL_DIR);
env.SMTP_URL = mailSink.url;
log(`mail sink on ${mailSink.url}`);

const smsSink = await startSmsSink(SMS_DIR, SMS_WEBHOOK_SECRET);
Object.assign(env, { SMS_PROVIDER: "webhook", SMS_WEBHOOK_URL: smsSink.url, SMS_WEBHOOK_SECRET });
log(`SMS sink on ${smsSink.url}`);

const serverUrl = process.env.DATABASE_URL || undefined;
let database;
if (serverUrl) {
  database = await createDatabase(serverUrl);
  env.DATABASE_URL = database.url;
  log(`database ${database.name} created on ${new URL(serverUrl).host}`);
} else {
  delete env.DATABASE_URL;
  env.PGLITE_DATA_DIR = PGLITE_DATA_DIR;
  log(`embedded database in ${path.relative(root, PGLITE_DATA_DIR)}`);
}

// Bootstraps (migrations, admin from ADMIN_PASSWORD) and prints the token alone on stdout.
const cli = spawnSync("npm", ["run", "-s", "token:create", "--", "--user", "admin", "--name", "e2e"], {
  cwd: root,
  env,
  encoding: "utf8",
  stdio: ["ignore", "pipe", "inherit"],
});
const token = cli.stdout?.trim().split("\n").pop()?.trim();
if (cli.status !== 0 || !token) {
  console.error(`[e2e] token:create failed (exit ${cli.status})${cli.error ? `: ${cli.error.message}` : ""}`);
  process.exit(1);
}
writeFileSync(API_TOKEN_FILE, `${token}\n`, { mode: 0o600 });
log(`API token written to ${path.relative(root, API_TOKEN_FILE)}`);

const nextBin = path.join(root, "node_modules", ".bin", "next");
const server = spawn(nextBin, ["start", "-H", "127.0.0.1", "-p", port], { cwd: root, env, stdio: "inherit" });

for (const signal of ["SIGTERM", "SIGINT"]) {
  process.on(signal, () => {
    if (server.exitCode === null && server.signalCode === null) server.kill(signal);
  });
}

server.on("exit", async (code, signal) => {
  if (database && process.env.E2E_KEEP_DB !== "1") {
    await dropDatabase(serverUrl, database.name).catch((error) => console.error(`[e2e] could not drop ${database.name}: ${error.message}`));
  }
  if (process.env.E2E_KEEP_DB !== "1") rmSync(E2E_DATA_DIR, { recursive: true, force: true });
  process.exit(code ?? (signal ? 128 + ({ SIGINT: 2, SIGTERM: 15 }[signal] ?? 9) : 1));
});
