import { describe, expect, it } from "vitest";
import { DEFAULT_ORG_ID } from "../bootstrap";
import { actorFor, adminUser, createTestUser, uniqueName } from "../testing/factories";
import { createPersonalAccessToken } from "../tokens/pat";
import { builtinRoleId, callRoute } from "./test-helpers";

async function adminToken() {
  const admin = await adminUser();
  return (await createPersonalAccessToken(await actorFor(admin), admin.id, { name: "rest" })).token;
}

describe("REST /api/v1 groups, orgs, roles", () => {
  it("creates with 201 + Location, lists as {data,total,page,limit}, updates with PATCH and deletes with 204", async () => {
    const token = await adminToken();
    const name = uniqueName("Rest");
    const created = await callRoute("groups", "POST", { path: "/api/v1/groups", token, body: { name, description: "via REST" } });
    expect(created.status).toBe(201);
    const group = await created.json();
    expect(created.headers.get("location")).toBe(`http://localhost:3000/api/v1/groups/${group.id}`);
    expect(group).toMatchObject({ name, description: "via REST", org_id: DEFAULT_ORG_ID, member_count: 0 });

    const list = await callRoute("groups", "GET", { path: `/api/v1/groups?q=${name}&limit=5`, token });
    expect(await list.json()).toEqual({ data: [group], total: 1, page: 1, limit: 5 });
    const patched = await callRoute("groups/[id]", "PATCH", { path: `/api/v1/groups/${group.id}`, token, params: { id: group.id }, body: { name: `${name}-2` } });
    expect((await patched.json()).name).toBe(`${name}-2`);

    const user = await createTestUser();
    const added = await callRoute("groups/[id]/members", "POST", { path: "", token, params: { id: group.id }, body: { user_ids: [user.id] } });
    expect(await added.json()).toEqual({ added: [user.id] });
    const mine = await callRoute("users/[id]/groups", "GET", { path: "", token, params: { id: user.id } });
    expect((await mine.json()).data.map((g: { id: string }) => g.id)).toEqual([group.id]);
    const removed = await callRoute("users/[id]/groups", "DELETE", { path: "", token, params: { id: user.id }, body: { group_ids: [group.id] } });
    expect(removed.status).toBe(204);
    expect(await removed.text()).toBe("");

    const deleted = await callRoute("groups/[id]", "DELETE", { path: "", token, params: { id: group.id } });
    expect(deleted.status).toBe(204);
    const gone = await callRoute("groups/[id]", "GET", { path: "", token, params: { id: group.id } });
    expect(gone.status).toBe(404);
    expect(gone.headers.get("content-type")).toBe("application/problem+json");
    expect(await gone.json()).toMatchObject({ status: 404, code: "not_found" });
  });

  it("answers 409 for duplicates and built-ins, 422 naming fields, 400 for bodies that are not JSON", async () => {
    const token = await adminToken();
    const dup = await callRoute("orgs", "POST", { path: "", token, body: { name: "default" } });
    expect(dup.status).toBe(409);
    const builtin = await builtinRoleId("system_admin");
    expect((await callRoute("roles/[id]", "DELETE", { path: "", token, params: { id: builtin } })).status).toBe(409);
    expect((await callRoute("orgs/[id]", "DELETE", { path: "", token, params: { id: DEFAULT_ORG_ID } })).status).toBe(409);
    const invalid = await callRoute("roles", "POST", { path: "", token, body: { scope: "org", name: "x", permissions: ["settings.manage"] } });
    expect(invalid.status).toBe(422);
    expect(await invalid.json()).toMatchObject({ code: "validation", errors: { permissions: expect.any(Array) } });
    expect((await callRoute("groups", "POST", { path: "", token, body: "{nope" })).status).toBe(400);
    const noIds = await callRoute("groups/[id]/members", "POST", { path: "", token, params: { id: "x" }, body: { users: [] } });
    expect(noIds.status).toBe(422);
  });

  it("assigns system and org roles with PUT/POST/DELETE /users/{id}/roles and explains them in effective-permissions", async () => {
    const token = await adminToken();
    const user = await createTestUser();
    const [auditor, orgAuditor] = [await builtinRoleId("system_auditor"), await builtinRoleId("org_auditor")];
    const put = await callRoute("users/[id]/roles", "PUT", {
      path: "",
      token,
      params: { id: user.id },
      body: { system_role_ids: [auditor], org_roles: [{ org_id: DEFAULT_ORG_ID, role_ids: [orgAuditor] }] },
    });
    expect(put.status).toBe(200);
    expect(await put.json()).toMatchObject({ user_id: user.id, system_roles: [{ name: "System Auditor" }], org_roles: [{ org_id: DEFAULT_ORG_ID, roles: [{ name: "Org Auditor" }] }] });
    const access = await (await callRoute("users/[id]/effective-permissions", "GET", { path: "", token, params: { id: user.id } })).json();
    const audit = access.permissions.find((p: { permission: string }) => p.permission === "audit.view");
    expect(audit.grants.map((g: { path: string }) => g.path).sort()).toEqual(["org role Org Auditor in org Default", "system role System Auditor"]);
    const del = await callRoute("users/[id]/roles", "DELETE", { path: "", token, params: { id: user.id }, body: { system_role_ids: [auditor] } });
    expect((await del.json()).system_roles).toEqual([]);
  });
});
