import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, groups } from "@/db/schema";
import { DEFAULT_ORG_ID } from "../bootstrap";
import { getDb } from "../db";
import { codeOf, makeGroup, rbacChecksum } from "../rbac/test-helpers";
import { actorFor, adminUser, createTestOrg, createTestUser, grantOrgRole, grantSystemRole, uniqueName } from "../testing/factories";
import { createGroup, deleteGroup, updateGroup } from "./mutations";
import { getGroup, listGroups } from "./queries";

const admin = async () => actorFor(await adminUser());

describe("groups", () => {
  it("are created, listed, read, renamed, described and deleted, each change audited with a diff", async () => {
    const actor = await admin();
    const name = uniqueName("Engineering");
    const group = await createGroup(actor, { name, description: "Builders" });
    expect(group).toMatchObject({ name, description: "Builders", org_id: DEFAULT_ORG_ID, org_name: "Default", member_count: 0 });
    expect(await getGroup(actor, group.id)).toEqual(group);
    expect((await listGroups(actor, { q: name })).data.map((g) => g.id)).toEqual([group.id]);

    const renamed = await updateGroup(actor, group.id, { name: `${name}-2`, description: "Makers" });
    expect(renamed).toMatchObject({ name: `${name}-2`, description: "Makers" });
    await deleteGroup(actor, group.id);
    expect(await codeOf(getGroup(actor, group.id))).toBe("not_found");

    const db = await getDb();
    const events = await db.select().from(auditEvents).where(and(eq(auditEvents.targetType, "group"), eq(auditEvents.targetId, group.id)));
    expect(events.map((e) => e.action)).toEqual(["group.create", "group.update", "group.delete"]);
    expect(events[1].diff).toEqual({ name: { before: name, after: `${name}-2` }, description: { before: "Builders", after: "Makers" } });
  });

  it("paginates and sorts on the server", async () => {
    const actor = await admin();
    const org = await createTestOrg();
    for (const n of ["c", "a", "b"]) await createGroup(actor, { org_id: org, name: `g-${n}` });
    const first = await listGroups(actor, { org_id: org, limit: 2 });
    expect(first).toMatchObject({ total: 3, page: 1, limit: 2 });
    expect(first.data.map((g) => g.name)).toEqual(["g-a", "g-b"]);
    expect((await listGroups(actor, { org_id: org, limit: 2, page: 2 })).data.map((g) => g.name)).toEqual(["g-c"]);
    expect((await listGroups(actor, { org_id: org, sort: "-name" })).data[0].name).toBe("g-c");
    expect(await codeOf(listGroups(actor, { limit: 101 }))).toBe("validation");
  });

  it("have names unique per organization, ignoring case (409), but the same name may exist in another organization", async () => {
    const actor = await admin();
    const [a, b] = [await createTestOrg(), await createTestOrg()];
    const first = await createGroup(actor, { org_id: a, name: "Ops" });
    expect(await codeOf(createGroup(actor, { org_id: a, name: "OPS" }))).toBe("conflict");
    expect(await codeOf(createGroup(actor, { org_id: b, name: "ops" }))).toBe("ok");
    const other = await createGroup(actor, { org_id: a, name: "Dev" });
    expect(await codeOf(updateGroup(actor, other.id, { name: "ops" }))).toBe("conflict");
    expect(await codeOf(updateGroup(actor, first.id, { name: "OPS" }))).toBe("ok");
    const racing = await Promise.all([createGroup(actor, { org_id: b, name: "Race" }), createGroup(actor, { org_id: b, name: "race" })].map(codeOf));
    expect(racing.sort()).toEqual(["conflict", "ok"]);
  });

  it("answer 404 for unknown and malformed ids and 422 for bad input", async () => {
    const actor = await admin();
    for (const id of ["nope", "00000000-0000-0000-0000-00000000dead", "' or 1=1 --"]) {
      expect(await codeOf(getGroup(actor, id))).toBe("not_found");
      expect(await codeOf(updateGroup(actor, id, { name: "x" }))).toBe("not_found");
      expect(await codeOf(deleteGroup(actor, id))).toBe("not_found");
    }
    expect(await codeOf(createGroup(actor, { name: "" }))).toBe("validation");
    expect(await codeOf(createGroup(actor, { name: "x", org_id: "00000000-0000-0000-0000-00000000dead" }))).toBe("validation");
  });

  it("keep an Org Admin inside their organization: B's groups are invisible (404) and unchanged", async () => {
    const [a, b] = [await createTestOrg(), await createTestOrg()];
    const orgAdmin = await createTestUser({ orgId: a });
    await grantOrgRole(orgAdmin.id, a, "org_admin");
    const actor = await actorFor(orgAdmin);
    const mine = await createGroup(actor, { org_id: a, name: "Mine" });
    const theirs = await makeGroup(b, "Theirs");
    expect(await codeOf(createGroup(actor, { org_id: b, name: "Intruder" }))).toBe("forbidden");
    expect(await codeOf(createGroup(actor, { name: "In Default" }))).toBe("forbidden");
    const before = await rbacChecksum();
    expect(await codeOf(getGroup(actor, theirs.id))).toBe("not_found");
    expect(await codeOf(updateGroup(actor, theirs.id, { name: "Hijacked" }))).toBe("not_found");
    expect(await codeOf(deleteGroup(actor, theirs.id))).toBe("not_found");
    expect(await rbacChecksum()).toBe(before);
    const listed = (await listGroups(actor, { limit: 100 })).data.map((g) => g.id);
    expect(listed).toContain(mine.id);
    expect(listed).not.toContain(theirs.id);
    expect((await listGroups(actor, { org_id: b })).total).toBe(0);
  });

  it("are read-only for a System Auditor and invisible to a plain user", async () => {
    const auditor = await createTestUser();
    await grantSystemRole(auditor.id, "system_auditor");
    const actor = await actorFor(auditor);
    const group = await makeGroup(DEFAULT_ORG_ID);
    expect(await codeOf(getGroup(actor, group.id))).toBe("ok");
    const before = await rbacChecksum();
    expect(await codeOf(createGroup(actor, { name: uniqueName() }))).toBe("forbidden");
    expect(await codeOf(updateGroup(actor, group.id, { name: "x" }))).toBe("forbidden");
    expect(await codeOf(deleteGroup(actor, group.id))).toBe("forbidden");
    expect(await rbacChecksum()).toBe(before);

    const plain = await actorFor(await createTestUser());
    expect(await codeOf(listGroups(plain, {}))).toBe("forbidden");
    expect(await codeOf(getGroup(plain, group.id))).toBe("forbidden");
    const db = await getDb();
    expect(await db.select().from(groups).where(eq(groups.id, group.id))).toHaveLength(1);
  });
});
