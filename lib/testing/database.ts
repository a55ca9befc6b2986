/**
 * Runs before each test file: a fresh database copied from the migrated template, bootstrapped, and installed as
 * the process database. Real PostgreSQL or PGlite — never a mock.
 */
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { afterAll, inject } from "vitest";
import { openDatabase, type DbHandle } from "@/db/client";
import { bootstrap } from "@/lib/bootstrap";
import { installDatabase } from "@/lib/db";

const templateUrl = inject("templateDatabaseUrl");
const tarball = inject("templateTarball");

let handle: DbHandle;
let cleanup: () => Promise<void> = async () => {};

if (templateUrl) {
  const { default: postgres } = await import("postgres");
  const template = new URL(templateUrl);
  const name = `gatehouse_t_${randomBytes(6).toString("hex")}`;
  const admin = postgres(templateUrl.replace(template.pathname, "/postgres"), { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}" template "${template.pathname.slice(1)}"`);
  const url = templateUrl.replace(template.pathname, `/${name}`);
  handle = await openDatabase({ url, max: 20 });
  cleanup = async () => {
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.end();
  };
} else {
  const { PGlite } = await import("@electric-sql/pglite");
  const pg = await PGlite.create({ loadDataDir: new Blob([readFileSync(tarball!)]) });
  handle = await openDatabase({ pglite: pg });
}

installDatabase(handle);
await bootstrap();

afterAll(async () => {
  await handle.close();
  await cleanup();
});
