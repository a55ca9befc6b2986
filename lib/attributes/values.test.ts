import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, userAttributes } from "@/db/schema";
import { getDb } from "../db";
import { actorFor, adminUser, createTestUser, grantSystemRole, uniqueName } from "../testing/factories";
import { createAttributeDefinition, updateAttributeDefinition } from "./definitions";
import { getOwnAttributes, getUserAttributes, setUserAttributes } from "./values";

const codeOf = async (promise: Promise<unknown>) => promise.then(() => "ok", (e: { code?: string }) => e.code);
const admin = async () => actorFor(await adminUser());

/** A fresh set of definitions: one of each type, with unique keys. */
async function defineAll() {
  const actor = await admin();
  const tag = uniqueName("t");
  const make = (suffix: string, input: Omit<Parameters<typeof createAttributeDefinition>[1], "key">) =>
    createAttributeDefinition(actor, { key: `${tag}_${suffix}`, ...input });
  return {
    department: await make("department", { label: "Department", type: "text", user_editable: true }),
    floor: await make("floor", { label: "Floor", type: "number" }),
    remote: await make("remote", { label: "Remote", type: "boolean", user_editable: true }),
    started: await make("started", { label: "Start date", type: "date", required: true }),
    site: await make("site", { label: "Site", type: "select", options: ["Berlin", "Paris"], user_editable: true }),
  };
}

async function storedValues(userId: string) {
  const db = await getDb();
  const rows = await db.select().from(userAttributes).where(eq(userAttributes.userId, userId));
  return new Map(rows.map((r) => [r.attributeId, r.value]));
}

describe("user attribute values", () => {
  it("are listed for every definition (null when unset) and set by an admin, converted by type and audited", async () => {
    const d = await defineAll();
    const actor = await admin();
    const user = await createTestUser();
    const initial = await getUserAttributes(actor, user.id);
    expect(initial.find((a) => a.key === d.floor.key)).toEqual({ key: d.floor.key, label: "Floor", type: "number", options: [], required: false, user_editable: false, value: null });

    const result = await setUserAttributes(
      actor,
      user.id,
      { [d.department.key]: " Sales ", [d.floor.key]: "3", [d.remote.key]: false, [d.started.key]: "2024-02-29", [d.site.key]: "Paris" },
      "admin",
    );
    const byKey = Object.fromEntries(result.map((a) => [a.key, a.value]));
    expect(byKey).toMatchObject({ [d.department.key]: "Sales", [d.floor.key]: 3, [d.remote.key]: false, [d.started.key]: "2024-02-29", [d.site.key]: "Paris" });
    expect(await getUserAttributes(actor, user.id)).toEqual(result);

    await setUserAttributes(actor, user.id, { [d.floor.key]: 4, [d.department.key]: "" }, "admin");
    const stored = await storedValues(user.id);
    expect(stored.get(d.floor.id)).toBe(4);
    expect(stored.has(d.department.id)).toBe(false);

    const db = await getDb();
    const events = await db.select().from(auditEvents).where(and(eq(auditEvents.action, "user.attributes_update"), eq(auditEvents.targetId, user.id))).orderBy(auditEvents.id);
    expect(events).toHaveLength(2);
    expect(events[1].diff).toEqual({ [d.floor.key]: { before: 3, after: 4 }, [d.department.key]: { before: "Sales", after: null } });
    expect(events[1].metadata).toEqual({ via: "admin" });
  });

  it("refuse invalid values per type, naming the key, and change nothing", async () => {
    const d = await defineAll();
    const actor = await admin();
    const user = await createTestUser();
    await setUserAttributes(actor, user.id, { [d.started.key]: "2020-01-01", [d.floor.key]: 1 }, "admin");
    const before = await storedValues(user.id);
    const bad = { [d.floor.key]: "many", [d.remote.key]: "yes", [d.started.key]: "2023-02-30", [d.site.key]: "London", [d.department.key]: "x".repeat(1001) };
    const error = await setUserAttributes(actor, user.id, bad, "admin").catch((e) => e);
    expect(error).toMatchObject({ code: "validation" });
    expect(Object.keys(error.details.fieldErrors).sort()).toEqual(Object.keys(bad).map((k) => `values.${k}`).sort());
    // One bad value stops the whole request: the valid one is not written either.
    expect(await codeOf(setUserAttributes(actor, user.id, { [d.floor.key]: 9, [d.site.key]: "London" }, "admin"))).toBe("validation");
    expect(await storedValues(user.id)).toEqual(before);
  });

  it("never let a required attribute be cleared", async () => {
    const d = await defineAll();
    const actor = await admin();
    const user = await createTestUser();
    await setUserAttributes(actor, user.id, { [d.started.key]: "2021-06-01" }, "admin");
    for (const empty of [null, ""]) {
      await expect(setUserAttributes(actor, user.id, { [d.started.key]: empty }, "admin")).rejects.toMatchObject({
        code: "validation",
        details: { fieldErrors: { [`values.${d.started.key}`]: ["This attribute is required."] } },
      });
    }
    expect((await storedValues(user.id)).get(d.started.id)).toBe("2021-06-01");
  });

  it("refuse unknown keys", async () => {
    await defineAll();
    const user = await createTestUser();
    await expect(setUserAttributes(await admin(), user.id, { no_such_attribute: "x" }, "admin")).rejects.toMatchObject({
      code: "validation",
      details: { fieldErrors: { "values.no_such_attribute": ["Unknown attribute."] } },
    });
    expect(await storedValues(user.id)).toEqual(new Map());
  });

  it("via self: only the user themself, only user-editable attributes, even in a crafted request", async () => {
    const d = await defineAll();
    const user = await createTestUser();
    await setUserAttributes(await admin(), user.id, { [d.floor.key]: 2 }, "admin");
    const self = await actorFor(user);

    const result = await setUserAttributes(self, user.id, { [d.department.key]: "Research", [d.site.key]: "Berlin" }, "self");
    expect(result.every((a) => a.user_editable)).toBe(true);
    expect(result.find((a) => a.key === d.department.key)?.value).toBe("Research");

    // The crafted request: a non-editable key alongside an editable one. Nothing at all is written.
    await expect(setUserAttributes(self, user.id, { [d.floor.key]: 99, [d.department.key]: "Ops" }, "self")).rejects.toMatchObject({
      code: "validation",
      details: { fieldErrors: { [`values.${d.floor.key}`]: expect.any(Array) } },
    });
    const stored = await storedValues(user.id);
    expect(stored.get(d.floor.id)).toBe(2);
    expect(stored.get(d.department.id)).toBe("Research");

    // Someone else's attributes, even editable ones, are not "self".
    const other = await createTestUser();
    expect(await codeOf(setUserAttributes(self, other.id, { [d.department.key]: "x" }, "self"))).toBe("forbidden");
    expect(await storedValues(other.id)).toEqual(new Map());

    const own = await getOwnAttributes(self);
    expect(own.map((a) => a.key)).not.toContain(d.floor.key);
    expect(own.find((a) => a.key === d.site.key)?.value).toBe("Berlin");
  });

  it("via admin: any attribute regardless of user_editable, but only with user_attributes.manage", async () => {
    const d = await defineAll();
    const user = await createTestUser();
    const plain = await actorFor(await createTestUser());
    const auditorUser = await createTestUser();
    await grantSystemRole(auditorUser.id, "system_auditor");
    const auditor = await actorFor(auditorUser);
    for (const actor of [plain, auditor]) {
      expect(await codeOf(setUserAttributes(actor, user.id, { [d.floor.key]: 5 }, "admin"))).toBe("forbidden");
      expect(await codeOf(getUserAttributes(actor, user.id))).toBe("forbidden");
    }
    // Their own user id through "admin" is still an admin change.
    expect(await codeOf(setUserAttributes(await actorFor(user), user.id, { [d.floor.key]: 5 }, "admin"))).toBe("forbidden");
    expect(await storedValues(user.id)).toEqual(new Map());

    const managerUser = await createTestUser();
    await grantSystemRole(managerUser.id, "system_admin");
    const manager = await actorFor(managerUser);
    await setUserAttributes(manager, user.id, { [d.floor.key]: 5 }, "admin");
    expect((await storedValues(user.id)).get(d.floor.id)).toBe(5);
  });

  it("answer 404 for an unknown user", async () => {
    const actor = await admin();
    expect(await codeOf(getUserAttributes(actor, "00000000-0000-4000-8000-000000000000"))).toBe("not_found");
    expect(await codeOf(getUserAttributes(actor, "not-a-uuid"))).toBe("not_found");
    expect(await codeOf(setUserAttributes(actor, "00000000-0000-4000-8000-000000000000", {}, "admin"))).toBe("not_found");
  });

  it("accept an unchanged value whose select option was removed since, and write no audit event for no change", async () => {
    const actor = await admin();
    const site = await createAttributeDefinition(actor, { key: uniqueName("site_"), label: "Site", type: "select", options: ["Old", "New"] });
    const user = await createTestUser();
    await setUserAttributes(actor, user.id, { [site.key]: "Old" }, "admin");
    await updateAttributeDefinition(actor, site.id, { options: ["New"] });
    const db = await getDb();
    const count = async () => (await db.select().from(auditEvents).where(and(eq(auditEvents.action, "user.attributes_update"), eq(auditEvents.targetId, user.id)))).length;
    const before = await count();
    expect(await codeOf(setUserAttributes(actor, user.id, { [site.key]: "Old" }, "admin"))).toBe("ok");
    expect(await count()).toBe(before);
    expect(await codeOf(setUserAttributes(actor, user.id, { [site.key]: "Older" }, "admin"))).toBe("validation");
  });

  it("refuse a body that is not an object of values", async () => {
    const user = await createTestUser();
    await expect(setUserAttributes(await admin(), user.id, ["x"] as never, "admin")).rejects.toMatchObject({ code: "validation" });
  });
});
