import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents } from "@/db/schema";
import { systemActor } from "../auth/actor";
import { getDb } from "../db";
import { actorFor, adminUser, createTestOrg, createTestUser, grantOrgRole, grantSystemRole, uniqueName } from "../testing/factories";
import { audit } from "./audit";
import { exportAuditEventsCsv } from "./export";
import { getAuditEvent, listAuditEvents } from "./queries";
import { verifyAuditChainFor } from "./verify";

const codeOf = async (promise: Promise<unknown>) => promise.then(() => "ok", (e: { code?: string }) => e.code);

async function readAll(stream: ReadableStream<Uint8Array>): Promise<string> {
  return new Response(stream).text();
}

/** Two organizations, an event about a member of each, and one system-level event; all tagged for filtering. */
async function world() {
  const tag = uniqueName("act");
  const orgA = await createTestOrg();
  const orgB = await createTestOrg();
  const inA = await createTestUser({ orgId: orgA });
  const inB = await createTestUser({ orgId: orgB });
  const db = await getDb();
  const sys = systemActor("queries-test");
  await audit(db, sys, `${tag}.user`, { type: "user", id: inA.id, label: inA.username });
  await audit(db, sys, `${tag}.user`, { type: "user", id: inB.id, label: inB.username }, null, { outcome: "failure", metadata: { note: "=cmd|' /C calc'!A0" } });
  await audit(db, sys, `${tag}.system`, { type: "settings", id: "login" });
  const orgAuditor = await createTestUser({ orgId: orgA });
  await grantOrgRole(orgAuditor.id, orgA, "org_auditor");
  const sysAuditor = await createTestUser();
  await grantSystemRole(sysAuditor.id, "system_auditor");
  return { tag, orgA, orgB, inA, inB, orgAuditor: await actorFor(orgAuditor), sysAuditor: await actorFor(sysAuditor) };
}

describe("reading the audit log", () => {
  it("shows a System Auditor everything, an Org Auditor only their organization, and nobody else anything", async () => {
    const w = await world();
    const all = await listAuditEvents(w.sysAuditor, { action: `${w.tag}.`, limit: 100 });
    expect(all.total).toBe(3);
    expect(all.data.map((e) => e.target_id)).toEqual(["login", w.inB.id, w.inA.id]); // newest first

    const scoped = await listAuditEvents(w.orgAuditor, { action: `${w.tag}.*`, limit: 100 });
    expect(scoped.data.map((e) => e.target_id)).toEqual([w.inA.id]);
    expect(scoped.data[0].org_id).toBe(w.orgA);
    // Asking for another organization narrows to nothing rather than widening.
    expect((await listAuditEvents(w.orgAuditor, { action: `${w.tag}.`, org_id: w.orgB })).total).toBe(0);
    const otherId = String(all.data[1].id);
    expect(await codeOf(getAuditEvent(w.orgAuditor, otherId))).toBe("not_found");
    expect(await codeOf(getAuditEvent(w.sysAuditor, otherId))).toBe("ok");

    const plain = await actorFor(await createTestUser());
    expect(await codeOf(listAuditEvents(plain, {}))).toBe("forbidden");
    expect(await codeOf(exportAuditEventsCsv(plain, {}))).toBe("forbidden");
    expect(await codeOf(verifyAuditChainFor(w.orgAuditor))).toBe("forbidden");
    expect(await verifyAuditChainFor(w.sysAuditor)).toMatchObject({ ok: true });
  });

  it("filters by actor, action, target, outcome and time range, and validates its parameters", async () => {
    const w = await world();
    const admin = await actorFor(await adminUser());
    const ids = async (query: Record<string, unknown>) => (await listAuditEvents(admin, { action: `${w.tag}.`, ...query })).data.map((e) => e.target_id);
    expect(await ids({ outcome: "failure" })).toEqual([w.inB.id]);
    expect(await ids({ target: w.inA.id })).toEqual([w.inA.id]);
    expect(await ids({ target: w.inB.username.slice(2) })).toEqual([w.inB.id]);
    expect(await ids({ target_type: "settings" })).toEqual(["login"]);
    expect(await ids({ actor: "queries-te" })).toHaveLength(3);
    expect(await ids({ actor: "nobody" })).toHaveLength(0);
    expect(await ids({ action: `${w.tag}.system` })).toEqual(["login"]);
    expect(await ids({ from: "2000-01-01", to: new Date(Date.now() + 60_000).toISOString() })).toHaveLength(3);
    expect(await ids({ to: "2000-01-01" })).toHaveLength(0);
    expect(await ids({ from: "", outcome: "" })).toHaveLength(3); // empty form fields mean "any"
    await expect(listAuditEvents(admin, { outcome: "maybe" })).rejects.toMatchObject({ code: "validation", details: { fieldErrors: { outcome: expect.any(Array) } } });
    await expect(listAuditEvents(admin, { from: "yesterday" })).rejects.toMatchObject({ code: "validation" });
    await expect(listAuditEvents(admin, { limit: 101 })).rejects.toMatchObject({ code: "validation" });
    expect(await codeOf(getAuditEvent(admin, "not-a-number"))).toBe("not_found");
  });

  it("exports CSV within the same scope, neutralises formulas, and records the export", async () => {
    const w = await world();
    const csv = await readAll(await exportAuditEventsCsv(w.sysAuditor, { action: `${w.tag}.` }));
    const lines = csv.trim().split("\r\n");
    expect(lines[0]).toBe("id,occurred_at,actor_kind,actor_id,actor_label,action,outcome,target_type,target_id,target_label,org_id,ip,user_agent,request_id,diff,metadata,prev_hash,hash");
    expect(lines).toHaveLength(4);
    expect(csv).toContain(`"{""note"":""=cmd|' /C calc'!A0""}"`); // JSON cell starts with "{", so no formula

    const scoped = await readAll(await exportAuditEventsCsv(w.orgAuditor, { action: `${w.tag}.` }));
    expect(scoped.trim().split("\r\n")).toHaveLength(2);
    expect(scoped).toContain(w.inA.id);
    expect(scoped).not.toContain(w.inB.id);

    const db = await getDb();
    const exports = await db.select().from(auditEvents).where(eq(auditEvents.action, "audit.export"));
    expect(exports.some((e) => e.actorId === w.orgAuditor.userId && (e.metadata?.filters as Record<string, string>).action === `${w.tag}.`)).toBe(true);
  });

  it("streams large exports in batches, newest first, without missing or repeating a row", async () => {
    const tag = uniqueName("bulk");
    const db = await getDb();
    const sys = systemActor("=evil()");
    await db.transaction(async (tx) => {
      for (let i = 0; i < 1203; i++) await audit(tx, sys, `${tag}.row`, { type: "thing", id: String(i) });
    });
    const csv = await readAll(await exportAuditEventsCsv(await actorFor(await adminUser()), { action: `${tag}.row` }));
    const rows = csv.trim().split("\r\n").slice(1);
    expect(rows).toHaveLength(1203);
    expect(rows[0].split(",")[8]).toBe("1202");
    expect(rows.at(-1)!.split(",")[8]).toBe("0");
    expect(rows[0].split(",")[4]).toBe("'=evil()");
  });
});
