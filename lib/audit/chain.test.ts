import { desc, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents } from "@/db/schema";
import { NO_META, systemActor } from "../auth/actor";
import { getDb } from "../db";
import { createTestOrg, createTestUser } from "../testing/factories";
import { audit } from "./audit";
import { canonicalJson, chainHash } from "./chain";
import { verifyAuditChain } from "./verify";

const actor = systemActor("chain-test");

async function writeEvents(count: number, tag = "chain.test"): Promise<number[]> {
  const db = await getDb();
  for (let i = 0; i < count; i++) {
    await audit(db, actor, tag, { type: "thing", id: String(i), label: `thing ${i}` }, { n: { before: i, after: i + 1 } }, { metadata: { i, nested: { b: 1, a: [i] } } });
  }
  const rows = await db.select({ id: auditEvents.id }).from(auditEvents).where(eq(auditEvents.action, tag)).orderBy(auditEvents.id);
  return rows.map((r) => r.id);
}

/** Each scenario tampers with the shared table, so it restores what it changed before the next one. */
async function withTampering(tamper: () => Promise<void>, restore: () => Promise<void>) {
  await tamper();
  try {
    return await verifyAuditChain();
  } finally {
    await restore();
  }
}

describe("the audit hash chain", () => {
  it("links every row to the previous one and verifies end to end", async () => {
    await writeEvents(5);
    const db = await getDb();
    const rows = await db.select().from(auditEvents).orderBy(auditEvents.id);
    for (let i = 1; i < rows.length; i++) {
      expect(rows[i].prevHash).toBe(rows[i - 1].hash);
      expect(rows[i].hash).toBe(chainHash(rows[i].prevHash, rows[i]));
    }
    const report = await verifyAuditChain();
    expect(report).toMatchObject({ ok: true, checked: rows.length, anchor: "genesis", broken: null, last_id: rows.at(-1)!.id, head_hash: rows.at(-1)!.hash });
  });

  it("detects one altered row at that row", async () => {
    const [, target] = await writeEvents(3, "chain.alter");
    const db = await getDb();
    const [original] = await db.select().from(auditEvents).where(eq(auditEvents.id, target));
    for (const change of [{ actorLabel: "someone-else" }, { outcome: "failure" }, { metadata: { i: 99 } }, { occurredAt: new Date(original.occurredAt.getTime() + 1) }]) {
      const report = await withTampering(
        async () => void (await db.update(auditEvents).set(change).where(eq(auditEvents.id, target))),
        async () => void (await putRow(target, original)),
      );
      expect(report).toMatchObject({ ok: false, broken: { id: target, reason: "hash_mismatch" } });
    }
    // Recomputing the altered row's own hash only moves the break to the next row.
    const [, next] = await db.select({ id: auditEvents.id }).from(auditEvents).where(sql`${auditEvents.id} >= ${target}`).orderBy(auditEvents.id).limit(2);
    const report = await withTampering(
      async () => {
        const forged = { ...original, actorLabel: "forger" };
        await db.update(auditEvents).set({ actorLabel: "forger", hash: chainHash(original.prevHash, forged) }).where(eq(auditEvents.id, target));
      },
      async () => void (await putRow(target, original)),
    );
    expect(report).toMatchObject({ ok: false, broken: { id: next.id, reason: "link_mismatch" } });
    expect((await verifyAuditChain()).ok).toBe(true);
  });

  it("detects a deleted row at the row after it", async () => {
    const [, gone, after] = await writeEvents(3, "chain.delete");
    const db = await getDb();
    const [original] = await db.select().from(auditEvents).where(eq(auditEvents.id, gone));
    const report = await withTampering(
      async () => void (await db.delete(auditEvents).where(eq(auditEvents.id, gone))),
      async () => void (await db.execute(sql`insert into audit_events overriding system value select * from json_populate_record(null::audit_events, ${JSON.stringify(toSqlRecord(original))})`)),
    );
    expect(report).toMatchObject({ ok: false, broken: { id: after, reason: "link_mismatch" } });
    expect((await verifyAuditChain()).ok).toBe(true);
  });

  it("detects two rows swapped, at the first of them", async () => {
    const [a, b] = await writeEvents(2, "chain.swap");
    const db = await getDb();
    const swap = async () => {
      const [rowA] = await db.select().from(auditEvents).where(eq(auditEvents.id, a));
      const [rowB] = await db.select().from(auditEvents).where(eq(auditEvents.id, b));
      await putRow(a, rowB);
      await putRow(b, rowA);
    };
    const report = await withTampering(swap, swap);
    expect(report).toMatchObject({ ok: false, broken: { id: a, reason: "link_mismatch" } });
    expect((await verifyAuditChain()).ok).toBe(true);
  });

  it("detects a row written around audit() (no hash) and rows deleted from the start", async () => {
    await writeEvents(2, "chain.misc");
    const db = await getDb();
    const report = await withTampering(
      async () => void (await db.insert(auditEvents).values({ actorKind: "system", action: "chain.forged" })),
      async () => void (await db.delete(auditEvents).where(eq(auditEvents.action, "chain.forged"))),
    );
    expect(report).toMatchObject({ ok: false, broken: { reason: "missing_hash" } });

    const [oldest] = await db.select().from(auditEvents).orderBy(auditEvents.id).limit(1);
    const [second] = await db.select({ id: auditEvents.id }).from(auditEvents).where(sql`${auditEvents.id} > ${oldest.id}`).orderBy(auditEvents.id).limit(1);
    const truncated = await withTampering(
      async () => void (await db.delete(auditEvents).where(eq(auditEvents.id, oldest.id))),
      async () => void (await db.execute(sql`insert into audit_events overriding system value select * from json_populate_record(null::audit_events, ${JSON.stringify(toSqlRecord(oldest))})`)),
    );
    expect(truncated).toMatchObject({ ok: false, broken: { id: second.id, reason: "unanchored_start" } });
    expect((await verifyAuditChain()).ok).toBe(true);
  });

  it("keeps a single order when many writers append at once", async () => {
    const db = await getDb();
    await Promise.all(Array.from({ length: 30 }, (_, i) => audit(db, actor, "chain.concurrent", { type: "thing", id: String(i) })));
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        db.transaction(async (tx) => {
          await audit(tx, actor, "chain.concurrent_tx", { type: "thing", id: `a${i}` });
          await audit(tx, actor, "chain.concurrent_tx", { type: "thing", id: `b${i}` });
        }),
      ),
    );
    const report = await verifyAuditChain();
    expect(report).toMatchObject({ ok: true, broken: null });
    const rows = await db.select({ prevHash: auditEvents.prevHash }).from(auditEvents);
    expect(new Set(rows.map((r) => r.prevHash)).size).toBe(rows.length);
  });

  it("refuses to chain inside a snapshot (repeatable read) transaction, which could fork the chain", async () => {
    const db = await getDb();
    await expect(db.transaction((tx) => audit(tx, actor, "chain.rr", null), { isolationLevel: "repeatable read" })).rejects.toThrow(/READ COMMITTED/);
  });

  it("attributes events about a user to the user's first organization unless one is named", async () => {
    const org = await createTestOrg();
    const user = await createTestUser({ orgId: org });
    const db = await getDb();
    await audit(db, actor, "chain.org", { type: "user", id: user.id, label: user.username });
    await audit(db, actor, "chain.org", { type: "user", id: user.id, label: user.username, orgId: null });
    const rows = await db.select({ orgId: auditEvents.orgId }).from(auditEvents).where(eq(auditEvents.action, "chain.org")).orderBy(desc(auditEvents.id));
    expect(rows.map((r) => r.orgId)).toEqual([null, org]);
    expect(NO_META.ip).toBeNull();
  });

  it("hashes a canonical form: key order never matters", () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: null } })).toBe('{"a":{"c":null,"d":[1,{"x":1,"y":2}]},"b":1}');
  });
});

/** Overwrites every column but the (identity) id: what tampering with a row's content looks like. */
async function putRow(id: number, row: typeof auditEvents.$inferSelect) {
  const { id: _id, ...content } = row;
  const db = await getDb();
  await db.update(auditEvents).set(content).where(eq(auditEvents.id, id));
}

/** A row as json_populate_record wants it (snake_case columns). */
function toSqlRecord(row: typeof auditEvents.$inferSelect) {
  return {
    id: row.id,
    occurred_at: row.occurredAt.toISOString(),
    actor_kind: row.actorKind,
    actor_id: row.actorId,
    actor_label: row.actorLabel,
    action: row.action,
    target_type: row.targetType,
    target_id: row.targetId,
    target_label: row.targetLabel,
    org_id: row.orgId,
    outcome: row.outcome,
    ip: row.ip,
    user_agent: row.userAgent,
    request_id: row.requestId,
    diff: row.diff,
    metadata: row.metadata,
    prev_hash: row.prevHash,
    hash: row.hash,
  };
}
