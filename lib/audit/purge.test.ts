import { asc, count, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, settings } from "@/db/schema";
import { systemActor } from "../auth/actor";
import { getDb } from "../db";
import { audit } from "./audit";
import { purgeAuditEvents } from "./purge";
import { verifyAuditChain } from "./verify";

const actor = systemActor("purge-test");
const DAY = 86_400_000;

async function write(action: string, n: number) {
  const db = await getDb();
  for (let i = 0; i < n; i++) await audit(db, actor, action, { type: "thing", id: String(i) }, null, { metadata: { i } });
}

async function countOf(action: string) {
  const db = await getDb();
  const [{ n }] = await db.select({ n: count() }).from(auditEvents).where(eq(auditEvents.action, action));
  return n;
}

/** Events can't be back-dated without breaking their hash, so the purge is run "in the future" instead. */
async function asOf(boundary: Date, retentionDays: number) {
  return new Date(boundary.getTime() + retentionDays * DAY);
}

describe("audit retention", () => {
  it("deletes events older than audit.retention_days, records the purge, and the chain still verifies", async () => {
    await write("purge.old", 5);
    await new Promise((r) => setTimeout(r, 5));
    const boundary = new Date();
    await new Promise((r) => setTimeout(r, 5));
    await write("purge.recent", 3);

    const nothing = await purgeAuditEvents(new Date());
    expect(nothing).toMatchObject({ deleted: 0, skipped: false });
    expect(await countOf("purge.old")).toBe(5);

    const result = await purgeAuditEvents(await asOf(boundary, 365));
    expect(result.deleted).toBeGreaterThanOrEqual(5);
    expect(await countOf("purge.old")).toBe(0);
    expect(await countOf("purge.recent")).toBe(3);

    const db = await getDb();
    const [record] = await db.select().from(auditEvents).where(eq(auditEvents.action, "audit.purge"));
    const [oldest] = await db.select().from(auditEvents).orderBy(asc(auditEvents.id)).limit(1);
    expect(record.metadata).toMatchObject({ retention_days: 365, deleted: result.deleted, deleted_through_id: result.deleted_through_id });
    expect(oldest.prevHash).toBe(record.metadata!.chain_anchor);
    expect(await verifyAuditChain()).toMatchObject({ ok: true, anchor: "purge", first_id: oldest.id });

    // Deleting from the start outside a purge is still detected.
    await db.delete(auditEvents).where(eq(auditEvents.id, oldest.id));
    expect(await verifyAuditChain()).toMatchObject({ ok: false, broken: { reason: "unanchored_start" } });
  });

  it("follows the configured retention, keeps the newest row, and chains successive purges", async () => {
    const db = await getDb();
    await db.update(settings).set({ value: { retention_days: 30 } }).where(eq(settings.key, "audit"));
    await write("purge.first", 2);
    const first = await purgeAuditEvents(new Date(Date.now() + 31 * DAY));
    expect(first.deleted).toBeGreaterThan(0);
    expect(await countOf("purge.first")).toBe(1); // everything is past retention: the newest row stays as the link
    await write("purge.second", 2);
    const second = await purgeAuditEvents(new Date(Date.now() + 31 * DAY));
    expect(second.deleted).toBeGreaterThan(0);
    expect(await countOf("audit.purge")).toBe(1);
    expect(await verifyAuditChain()).toMatchObject({ ok: true, anchor: "purge" });
    const [{ total }] = await db.select({ total: sql<number>`count(*)`.mapWith(Number) }).from(auditEvents);
    expect(total).toBe(2); // the purge record and the newest row before it
  });
});
