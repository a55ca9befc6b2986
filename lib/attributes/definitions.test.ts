import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { attributeDefinitions, auditEvents, userAttributes } from "@/db/schema";
import { getDb } from "../db";
import { actorFor, adminUser, createTestOrg, createTestUser, grantOrgRole, grantSystemRole, uniqueName } from "../testing/factories";
import {
  createAttributeDefinition,
  deleteAttributeDefinition,
  getAttributeDefinition,
  listAttributeDefinitions,
  updateAttributeDefinition,
} from "./definitions";
import { setUserAttributes } from "./values";

const codeOf = async (promise: Promise<unknown>) => promise.then(() => "ok", (e: { code?: string }) => e.code);
const admin = async () => actorFor(await adminUser());
const newKey = () => uniqueName("attr_");
const countRows = async () => (await (await getDb()).select().from(attributeDefinitions)).length;

describe("attribute definitions", () => {
  it("are created, read, listed, updated and deleted, each change audited with its diff", async () => {
    const actor = await admin();
    const key = newKey();
    const created = await createAttributeDefinition(actor, { key, label: "Cost centre", type: "select", options: ["A", "B"], position: 3 });
    expect(created).toMatchObject({ key, label: "Cost centre", type: "select", options: ["A", "B"], required: false, user_editable: false, position: 3 });
    expect(await getAttributeDefinition(actor, created.id)).toEqual(created);
    expect((await listAttributeDefinitions(actor, { q: key })).data).toEqual([created]);

    const updated = await updateAttributeDefinition(actor, created.id, { label: "Cost center", options: ["A", "B", "C"], user_editable: true });
    expect(updated).toMatchObject({ key, label: "Cost center", options: ["A", "B", "C"], user_editable: true, position: 3 });

    await deleteAttributeDefinition(actor, created.id);
    expect(await codeOf(getAttributeDefinition(actor, created.id))).toBe("not_found");

    const db = await getDb();
    const events = await db.select().from(auditEvents).where(eq(auditEvents.targetId, created.id)).orderBy(auditEvents.id);
    expect(events.map((e) => e.action)).toEqual(["user_attribute.create", "user_attribute.update", "user_attribute.delete"]);
    expect(events[0].diff).toMatchObject({ key: { after: key }, type: { after: "select" } });
    expect(events[1].diff).toEqual({
      label: { before: "Cost centre", after: "Cost center" },
      options: { before: ["A", "B"], after: ["A", "B", "C"] },
      user_editable: { before: false, after: true },
    });
    expect(events[2].diff).toMatchObject({ key: { before: key } });
  });

  it("answer 409 for a duplicate key and leave the first definition alone", async () => {
    const actor = await admin();
    const key = newKey();
    await createAttributeDefinition(actor, { key, label: "First", type: "text" });
    const before = await countRows();
    await expect(createAttributeDefinition(actor, { key, label: "Second", type: "number" })).rejects.toMatchObject({ code: "conflict" });
    expect(await countRows()).toBe(before);
    const raced = newKey();
    const results = await Promise.all([1, 2].map((n) => codeOf(createAttributeDefinition(actor, { key: raced, label: `Race ${n}`, type: "text" }))));
    expect(results.sort()).toEqual(["conflict", "ok"]);
  });

  it("validate key, label and options", async () => {
    const actor = await admin();
    const bad = [
      [{ key: "Department", label: "x", type: "text" }, "key"],
      [{ key: "1dept", label: "x", type: "text" }, "key"],
      [{ key: "a".repeat(64), label: "x", type: "text" }, "key"],
      [{ key: newKey(), label: "", type: "text" }, "label"],
      [{ key: newKey(), label: "x".repeat(101), type: "text" }, "label"],
      [{ key: newKey(), label: "x", type: "colour" }, "type"],
      [{ key: newKey(), label: "x", type: "select" }, "options"],
      [{ key: newKey(), label: "x", type: "select", options: [] }, "options"],
      [{ key: newKey(), label: "x", type: "select", options: ["a", "a"] }, "options"],
      [{ key: newKey(), label: "x", type: "select", options: Array.from({ length: 101 }, (_, i) => `o${i}`) }, "options"],
      [{ key: newKey(), label: "x", type: "text", options: ["a"] }, "options"],
    ] as const;
    const before = await countRows();
    for (const [input, field] of bad) {
      await expect(createAttributeDefinition(actor, input as never)).rejects.toMatchObject({
        code: "validation",
        details: { fieldErrors: { [field]: expect.any(Array) } },
      });
    }
    expect(await countRows()).toBe(before);
    expect(await codeOf(createAttributeDefinition(actor, { key: "a".repeat(63), label: "x", type: "text" }))).toBe("ok");
  });

  it("keep key and type fixed after creation (422 naming the field), but accept them unchanged", async () => {
    const actor = await admin();
    const key = newKey();
    const created = await createAttributeDefinition(actor, { key, label: "Floor", type: "number" });
    await expect(updateAttributeDefinition(actor, created.id, { key: newKey() })).rejects.toMatchObject({ code: "validation", details: { fieldErrors: { key: expect.any(Array) } } });
    await expect(updateAttributeDefinition(actor, created.id, { type: "text" })).rejects.toMatchObject({ code: "validation", details: { fieldErrors: { type: expect.any(Array) } } });
    await expect(updateAttributeDefinition(actor, created.id, { options: ["x"] })).rejects.toMatchObject({ details: { fieldErrors: { options: expect.any(Array) } } });
    expect(await getAttributeDefinition(actor, created.id)).toMatchObject({ key, type: "number", options: [] });
    expect(await updateAttributeDefinition(actor, created.id, { key, type: "number", label: "Floor no." })).toMatchObject({ label: "Floor no." });
  });

  it("answer 404 for unknown and malformed ids", async () => {
    const actor = await admin();
    const unknown = "00000000-0000-4000-8000-000000000000";
    expect(await codeOf(getAttributeDefinition(actor, unknown))).toBe("not_found");
    expect(await codeOf(getAttributeDefinition(actor, "nope"))).toBe("not_found");
    expect(await codeOf(updateAttributeDefinition(actor, unknown, { label: "x" }))).toBe("not_found");
    expect(await codeOf(deleteAttributeDefinition(actor, unknown))).toBe("not_found");
    expect(await codeOf(deleteAttributeDefinition(actor, "nope"))).toBe("not_found");
  });

  it("are written only with user_attributes.manage: a plain user and a System Auditor get 403 and nothing changes", async () => {
    const created = await createAttributeDefinition(await admin(), { key: newKey(), label: "Badge", type: "text" });
    const plain = await actorFor(await createTestUser());
    const auditorUser = await createTestUser();
    await grantSystemRole(auditorUser.id, "system_auditor");
    const auditor = await actorFor(auditorUser);
    const orgAdminUser = await createTestUser();
    await grantOrgRole(orgAdminUser.id, await createTestOrg(), "org_admin");
    const orgAdmin = await actorFor(orgAdminUser);

    const before = await countRows();
    for (const actor of [plain, auditor, orgAdmin]) {
      expect(await codeOf(createAttributeDefinition(actor, { key: newKey(), label: "x", type: "text" }))).toBe("forbidden");
      expect(await codeOf(updateAttributeDefinition(actor, created.id, { label: "Hacked" }))).toBe("forbidden");
      expect(await codeOf(deleteAttributeDefinition(actor, created.id))).toBe("forbidden");
    }
    expect(await countRows()).toBe(before);
    expect(await getAttributeDefinition(await admin(), created.id)).toMatchObject({ label: "Badge" });

    // Reading needs users.view (somewhere) or user_attributes.manage.
    expect(await codeOf(listAttributeDefinitions(plain))).toBe("forbidden");
    expect(await codeOf(getAttributeDefinition(plain, created.id))).toBe("forbidden");
    expect(await codeOf(listAttributeDefinitions(auditor))).toBe("ok");
    expect(await codeOf(listAttributeDefinitions(orgAdmin))).toBe("ok");
  });

  it("take every user's value with them when deleted", async () => {
    const actor = await admin();
    const created = await createAttributeDefinition(actor, { key: newKey(), label: "Desk", type: "text" });
    const alice = await createTestUser();
    await setUserAttributes(actor, alice.id, { [created.key]: "4.12" }, "admin");
    const db = await getDb();
    const valueOf = () => db.select().from(userAttributes).where(and(eq(userAttributes.userId, alice.id), eq(userAttributes.attributeId, created.id)));
    expect(await valueOf()).toHaveLength(1);
    await deleteAttributeDefinition(actor, created.id);
    expect(await valueOf()).toHaveLength(0);
    const [event] = await db.select().from(auditEvents).where(and(eq(auditEvents.targetId, created.id), eq(auditEvents.action, "user_attribute.delete")));
    expect(event.metadata).toEqual({ values_removed: 1 });
  });

  it("list in position order, paginated", async () => {
    const actor = await admin();
    const tag = newKey();
    await createAttributeDefinition(actor, { key: `${tag}_c`, label: "C", type: "text", position: 1 });
    await createAttributeDefinition(actor, { key: `${tag}_a`, label: "A", type: "text", position: 2 });
    await createAttributeDefinition(actor, { key: `${tag}_b`, label: "B", type: "text", position: 1 });
    const page = await listAttributeDefinitions(actor, { q: tag, limit: 2 });
    expect(page).toMatchObject({ total: 3, page: 1, limit: 2 });
    expect(page.data.map((d) => d.key)).toEqual([`${tag}_b`, `${tag}_c`]);
    expect((await listAttributeDefinitions(actor, { q: tag, limit: 2, page: 2 })).data.map((d) => d.key)).toEqual([`${tag}_a`]);
    expect(await codeOf(listAttributeDefinitions(actor, { limit: 101 }))).toBe("validation");
  });
});
