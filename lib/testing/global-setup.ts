/**
 * Builds one migrated template database; every test file then gets a fresh copy of it (lib/testing/database.ts).
 * PostgreSQL (DATABASE_URL set): a template database on the server. Otherwise: a PGlite data-dir tarball.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { openDatabase } from "../../db/client";
import { migrateDatabase } from "../../db/migrate";

declare module "vitest" {
  export interface ProvidedContext {
    templateDatabaseUrl: string | null;
    templateTarball: string | null;
  }
}

const withDatabase = (url: string, name: string) => {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
};

export default async function setup(project: TestProject) {
  const serverUrl = process.env.DATABASE_URL || null;
  if (serverUrl) {
    const { default: postgres } = await import("postgres");
    const name = `gatehouse_tpl_${process.pid}_${Date.now()}`;
    const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database "${name}"`);
    const url = withDatabase(serverUrl, name);
    const handle = await openDatabase({ url, max: 1 });
    await migrateDatabase(handle, { url });
    await handle.close();
    project.provide("templateDatabaseUrl", url);
    project.provide("templateTarball", null);
    return async () => {
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    };
  }

  const { PGlite } = await import("@electric-sql/pglite");
  const pg = await PGlite.create("memory://");
  const handle = await openDatabase({ pglite: pg });
  await migrateDatabase(handle);
  const dir = mkdtempSync(path.join(tmpdir(), "gatehouse-test-"));
  const tarball = path.join(dir, "template.tar.gz");
  writeFileSync(tarball, Buffer.from(await (await pg.dumpDataDir("gzip")).arrayBuffer()));
  await pg.close();
  project.provide("templateDatabaseUrl", null);
  project.provide("templateTarball", tarball);
  return () => rmSync(dir, { recursive: true, force: true });
}
