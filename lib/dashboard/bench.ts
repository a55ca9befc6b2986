/**
 * npm run bench — not a test: prints how long the dashboard takes at 100k users, as a ratio against a plain
 * `select count(*) from users` measured in the same run on the same throwaway database (PostgreSQL when
 * DATABASE_URL is set, else in-memory PGlite), and what chaining an audit event costs against a plain insert.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import { sql } from "drizzle-orm";
import { openDatabase, type Database, type DbHandle } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { auditEvents } from "@/db/schema";
import { NO_META, systemActor, type Actor } from "../auth/actor";
import { audit } from "../audit/audit";
import { installDatabase } from "../db";
import { env } from "../env";
import type { Permission } from "../rbac/permissions";
import { seedBenchData } from "./bench-seed";
import { getDashboard } from "./dashboard";
import { countUsers, recentFailures, signInsPerDay } from "./queries";
import { SIGN_IN_DAYS } from "./schema";

const USERS = Number(process.argv[2] ?? 100_000);
const SIGN_INS = USERS * 2;

async function median(runs: number, fn: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 3; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)];
}

async function throwaway(): Promise<{ handle: DbHandle; drop: () => Promise<void> }> {
  if (!env.DATABASE_URL) {
    const handle = await openDatabase({ dataDir: "memory://" });
    await migrateDatabase(handle);
    return { handle, drop: () => handle.close() };
  }
  const { default: postgres } = await import("postgres");
  const name = `gatehouse_bench_${randomBytes(4).toString("hex")}`;
  const admin = postgres(env.DATABASE_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  const url = new URL(env.DATABASE_URL);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ url: url.toString(), max: 10 });
  await migrateDatabase(handle, { url: url.toString() });
  return {
    handle,
    drop: async () => {
      await handle.close();
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    },
  };
}

const orgActor = (orgId: string): Actor => ({
  kind: "user",
  userId: randomUUID(),
  label: "org-admin",
  isAdmin: false,
  permissions: { system: new Set(), orgs: new Map([[orgId, new Set<Permission>(["users.view", "audit.view"])]]) },
  meta: NO_META,
});

async function benchAuditWrites(db: Database, driver: string) {
  const actor = systemActor("bench");
  const n = 300;
  const row = { actorKind: "system", actorLabel: "bench", action: "bench.write", targetType: "thing", targetId: "1", metadata: { i: 1 } };
  const plain = await median(3, async () => {
    for (let i = 0; i < n; i++) await db.insert(auditEvents).values(row);
  });
  const chained = await median(3, async () => {
    for (let i = 0; i < n; i++) await audit(db, actor, "bench.write", { type: "thing", id: "1" }, null, { metadata: { i: 1 } });
  });
  console.log(`audit write, sequential (${driver}): plain insert ${(plain / n).toFixed(2)} ms/event, chained audit() ${(chained / n).toFixed(2)} ms/event → ×${(chained / plain).toFixed(2)}`);
  if (driver !== "postgres") return;
  const writers = 8;
  const each = 50;
  const start = performance.now();
  await Promise.all(Array.from({ length: writers }, async () => {
    for (let i = 0; i < each; i++) await audit(db, actor, "bench.write", { type: "thing", id: "1" });
  }));
  const chainedMs = performance.now() - start;
  const start2 = performance.now();
  await Promise.all(Array.from({ length: writers }, async () => {
    for (let i = 0; i < each; i++) await db.transaction((tx) => tx.insert(auditEvents).values(row));
  }));
  const plainMs = performance.now() - start2;
  const rate = (ms: number) => Math.round((writers * each * 1000) / ms);
  console.log(`audit write, ${writers} concurrent writers: plain ${rate(plainMs)} events/s, chained ${rate(chainedMs)} events/s → ×${(chainedMs / plainMs).toFixed(2)} time`);
}

async function main() {
  const { handle, drop } = await throwaway();
  try {
    installDatabase(handle);
    const db = handle.db;
    const orgId = randomUUID();
    const seeded = performance.now();
    await seedBenchData(db, { users: USERS, signIns: SIGN_INS, orgId });
    console.log(`seeded ${USERS} users and ${SIGN_INS * 2} audit events on ${handle.driver} in ${((performance.now() - seeded) / 1000).toFixed(1)} s`);

    const baseline = await median(15, () => db.execute(sql`select count(*) from users`));
    const full = await median(15, () => getDashboard(systemActor("bench")));
    const scoped = await median(15, () => getDashboard(orgActor(orgId)));
    const now = new Date();
    const parts = {
      "user counts + MFA": await median(15, () => countUsers(db, "all", now)),
      "sign-ins per day": await median(15, () => signInsPerDay(db, "all", now, SIGN_IN_DAYS)),
      "recent failures": await median(15, () => recentFailures(db, "all", 8)),
    };
    console.log(`baseline  select count(*) from users: ${baseline.toFixed(1)} ms`);
    for (const [name, ms] of Object.entries(parts)) console.log(`  ${name.padEnd(34)} ${ms.toFixed(1)} ms → ×${(ms / baseline).toFixed(2)} baseline`);
    console.log(`dashboard (everything):              ${full.toFixed(1)} ms → ×${(full / baseline).toFixed(2)} baseline`);
    console.log(`dashboard (one org, 10% of users):   ${scoped.toFixed(1)} ms → ×${(scoped / baseline).toFixed(2)} baseline`);
    await benchAuditWrites(db, handle.driver);
  } finally {
    await drop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
