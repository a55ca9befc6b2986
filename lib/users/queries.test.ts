import { describe, expect, it } from "vitest";
import { AppError } from "../errors";
import { actorFor, adminUser, createTestOrg, createTestUser, grantOrgRole, grantSystemRole, uniqueName } from "../testing/factories";
import { getUser, listUsers } from "./queries";

const codeOf = async (promise: Promise<unknown>) => promise.then(() => "ok", (e: AppError) => e.code);

describe("listUsers", () => {
  it("paginates on the server and reports the total", async () => {
    const admin = await actorFor(await adminUser());
    const tag = uniqueName("page");
    for (let i = 0; i < 5; i++) await createTestUser({ username: `${tag}${i}`, name: `Paged ${tag} ${i}` });
    const first = await listUsers(admin, { q: tag, limit: "2", page: "1", sort: "username" });
    expect(first).toMatchObject({ total: 5, page: 1, limit: 2 });
    expect(first.data.map((u) => u.username)).toEqual([`${tag}0`, `${tag}1`]);
    const last = await listUsers(admin, { q: tag, limit: 2, page: 3, sort: "username" });
    expect(last.data.map((u) => u.username)).toEqual([`${tag}4`]);
    const descending = await listUsers(admin, { q: tag, sort: "-username" });
    expect(descending.data[0].username).toBe(`${tag}4`);
  });

  it("searches name, username and email, treating % and _ literally", async () => {
    const admin = await actorFor(await adminUser());
    const user = await createTestUser({ name: "Zelda Quux", username: uniqueName("zq") });
    expect((await listUsers(admin, { q: "zelda qu" })).data.map((u) => u.id)).toEqual([user.id]);
    expect((await listUsers(admin, { q: user.email.toUpperCase() })).data.map((u) => u.id)).toEqual([user.id]);
    expect((await listUsers(admin, { q: "%" })).total).toBe(0);
    expect((await listUsers(admin, { q: "_" })).total).toBe(0);
  });

  it("rejects a limit over 100 and other bad parameters with a validation error naming the field", async () => {
    const admin = await actorFor(await adminUser());
    await expect(listUsers(admin, { limit: 101 })).rejects.toMatchObject({ code: "validation", details: { fieldErrors: { limit: expect.any(Array) } } });
    await expect(listUsers(admin, { page: 0 })).rejects.toMatchObject({ code: "validation" });
    await expect(listUsers(admin, { sort: "password_hash" })).rejects.toMatchObject({ code: "validation" });
  });

  it("never exposes a password hash or other secret", async () => {
    const admin = await actorFor(await adminUser());
    const json = JSON.stringify(await listUsers(admin, { limit: 100 }));
    expect(json).not.toMatch(/password_hash|passwordHash|\$argon2|failed_login_count/);
  });

  it("forbids a user without users.view, and shows an Org Admin only their organization's users", async () => {
    const plain = await actorFor(await createTestUser());
    expect(await codeOf(listUsers(plain, {}))).toBe("forbidden");

    const orgA = await createTestOrg();
    const orgB = await createTestOrg();
    const inA = await createTestUser({ orgId: orgA });
    const inB = await createTestUser({ orgId: orgB });
    const orgAdmin = await createTestUser({ orgId: orgA });
    await grantOrgRole(orgAdmin.id, orgA, "org_admin");
    const actor = await actorFor(orgAdmin);
    const ids = (await listUsers(actor, { limit: 100 })).data.map((u) => u.id);
    expect(ids).toContain(inA.id);
    expect(ids).not.toContain(inB.id);
    expect(await codeOf(getUser(actor, inA.id))).toBe("ok");
    expect(await codeOf(getUser(actor, inB.id))).toBe("not_found");
  });

  it("lets a System Auditor read every user", async () => {
    const auditor = await createTestUser();
    await grantSystemRole(auditor.id, "system_auditor");
    const other = await createTestUser({ orgId: await createTestOrg() });
    expect(await codeOf(getUser(await actorFor(auditor), other.id))).toBe("ok");
  });
});

describe("getUser", () => {
  it("returns the DTO, and not_found for unknown or malformed ids", async () => {
    const admin = await actorFor(await adminUser());
    const user = await createTestUser({ dateExpired: new Date(Date.now() - 1000) });
    expect(await getUser(admin, user.id)).toMatchObject({ id: user.id, status: "expired", is_active: true, auth_source: "internal", mfa_policy: "disabled" });
    expect(await codeOf(getUser(admin, "00000000-0000-0000-0000-000000000000"))).toBe("not_found");
    expect(await codeOf(getUser(admin, "not-a-uuid"))).toBe("not_found");
  });
});

describe("built-in ids", () => {
  it("accepts the Default organization's fixed id as a filter", async () => {
    const admin = await actorFor(await adminUser());
    const page = await listUsers(admin, { org_id: "00000000-0000-0000-0000-000000000002" });
    expect(page.total).toBeGreaterThan(0);
  });
});
