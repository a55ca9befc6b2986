/** API contract: what the routes answer conforms to the published document (schemas, statuses, content types). */
import { randomUUID } from "node:crypto";
import { count, desc } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditEvents, groups, organizations, personalAccessTokens, roles, settings, users } from "@/db/schema";
import { createAttributeDefinition } from "../attributes/definitions";
import { DEFAULT_ORG_ID } from "../bootstrap";
import { getDb } from "../db";
import { createGroup } from "../groups/mutations";
import { actorFor, adminUser } from "../testing/factories";
import { createPersonalAccessToken } from "../tokens/pat";
import { openApiDocument } from "./document";
import { callRoute, type CallOptions, type HttpMethod } from "./route-inventory";
import { responseSchema, validate, type Document } from "./validate";

const doc = JSON.parse(JSON.stringify(openApiDocument())) as Document & Parameters<typeof responseSchema>[0];
type Op = { path: string; method: string; responses: Record<string, unknown>; hasBody: boolean };
const operations: Op[] = Object.entries(doc.paths).flatMap(([path, methods]) =>
  Object.entries(methods as Record<string, { responses: Record<string, unknown>; requestBody?: unknown }>).map(([method, op]) => ({ path, method, responses: op.responses, hasBody: !!op.requestBody })),
);

/** Calls a documented operation and checks the answer against the document; returns the status and body. */
async function conforming(op: Pick<Op, "path" | "method">, params: Record<string, string>, options: CallOptions = {}) {
  const res = await callRoute(op.method.toUpperCase() as HttpMethod, op.path, params, options);
  const where = `${op.method.toUpperCase()} ${op.path} → ${res.status}`;
  expect(res.status, where).toBeLessThan(500);
  const documented = responseSchema(doc, op.path, op.method, res.status);
  expect(documented, `${where} is not a documented status`).not.toBeNull();
  if (res.status === 204) return { status: res.status, body: null };
  const type = res.headers.get("content-type") ?? "";
  expect(type.split(";")[0], where).toBe(documented!.contentType);
  if (!type.includes("json")) return { status: res.status, body: await res.text() };
  const body = await res.json();
  expect(validate(doc, documented!.schema!, body), where).toEqual([]);
  return { status: res.status, body };
}

describe("API contract", () => {
  let token: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    const admin = await adminUser();
    const actor = await actorFor(admin);
    const created = await createPersonalAccessToken(actor, admin.id, { name: "contract" });
    token = created.token;
    ids.user = admin.id;
    ids.token = created.id;
    ids.group = (await createGroup(actor, { name: `g-${randomUUID()}` })).id;
    ids.attribute = (await createAttributeDefinition(actor, { key: `k${randomUUID().slice(0, 8)}`, label: "Cost centre", type: "text" })).id;
    const db = await getDb();
    ids.role = (await db.select({ id: roles.id }).from(roles).limit(1))[0].id;
    ids.audit = String((await db.select({ id: auditEvents.id }).from(auditEvents).orderBy(desc(auditEvents.id)).limit(1))[0].id);
  });

  /** Real ids for the path's parameters, or random ones (a documented 404) where no fixture exists. */
  function paramsFor(path: string): Record<string, string> {
    const base = path.split("/")[1];
    const byBase: Record<string, string | undefined> = { users: ids.user, groups: ids.group, orgs: DEFAULT_ORG_ID, roles: ids.role, "user-attributes": ids.attribute, "audit-events": ids.audit };
    return Object.fromEntries(
      [...path.matchAll(/\{(\w+)\}/g)].map(([, name]) => [name, name === "tokenId" ? ids.token : name === "section" ? "tokens" : name === "id" ? (byBase[base] ?? randomUUID()) : randomUUID()]),
    );
  }

  it("every GET operation answers a documented status with a body that conforms to its schema", async () => {
    const ok: string[] = [];
    for (const op of operations.filter((o) => o.method === "get")) {
      const { status } = await conforming(op, paramsFor(op.path), { token });
      if (status === 200) ok.push(op.path);
    }
    expect(ok).toEqual(expect.arrayContaining(["/users", "/users/{id}", "/users/{id}/tokens", "/users/{id}/tokens/{tokenId}", "/me/tokens", "/groups", "/orgs/{id}", "/roles", "/settings/{section}", "/audit-events", "/openapi.json"]));
  });

  it("the token operations answer as documented: create 201 + Location, rename, exchange, revoke 204", async () => {
    const admin = ids.user;
    const createdRes = await callRoute("POST", "/users/{id}/tokens", { id: admin }, { token, body: { name: "contract-created", scopes: ["users.view"] } });
    expect(createdRes.headers.get("location")).toMatch(new RegExp(`/api/v1/users/${admin}/tokens/[0-9a-f-]{36}$`));
    const created = await conforming({ path: "/users/{id}/tokens", method: "post" }, { id: admin }, { token, body: { name: "contract-2" } });
    expect(created.status).toBe(201);
    const tokenId = (created.body as { id: string }).id;
    expect((await conforming({ path: "/users/{id}/tokens/{tokenId}", method: "patch" }, { id: admin, tokenId }, { token, body: { name: "renamed" } })).status).toBe(200);
    expect((await conforming({ path: "/me/tokens", method: "post" }, {}, { token, body: { name: "mine", expires_in_days: 7 } })).status).toBe(201);
    expect((await conforming({ path: "/auth/token", method: "post" }, {}, { token })).status).toBe(200);
    expect((await conforming({ path: "/auth/token", method: "post" }, {}, { token, body: { scopes: ["users.view"] } })).status).toBe(200);
    expect((await conforming({ path: "/users/{id}/tokens/{tokenId}", method: "delete" }, { id: admin, tokenId }, { token })).status).toBe(204);
    expect((await conforming({ path: "/users/{id}/tokens/{tokenId}", method: "get" }, { id: admin, tokenId }, { token })).status).toBe(404);
    expect((await conforming({ path: "/users/{id}/tokens", method: "post" }, { id: admin }, { token, body: { name: "" } })).status).toBe(422);
    expect((await conforming({ path: "/users/{id}/tokens", method: "get" }, { id: admin }, {})).status).toBe(401);
  });

  it("every write operation answers malformed bodies with a documented status, never 5xx, and creates nothing", async () => {
    const db = await getDb();
    const counts = async () => Promise.all([users, personalAccessTokens, groups, roles, organizations, settings].map(async (t) => Number((await db.select({ n: count() }).from(t))[0].n)));
    const before = await counts();
    const malformed: CallOptions[] = [
      { headers: { "content-type": "application/json" }, body: undefined },
      { body: [] },
      { body: "a string" },
      { body: { __proto__: { polluted: 1 }, constructor: { prototype: { polluted: 1 } } } },
      { body: { name: 12, email: ["x"], user_ids: "all", role_ids: { a: 1 }, scopes: "users.delete", values: 7, password: null, is_admin: "yes" } },
      { body: { name: "x".repeat(100_000) } },
    ];
    const writes = operations.filter((o) => o.method !== "get" && o.hasBody);
    expect(writes.length).toBeGreaterThan(20);
    for (const op of writes) {
      for (const options of malformed) {
        // A documented status below 500 (checked by conforming); some PATCHes ignore unknown fields (a no-op 200).
        const { status } = await conforming(op, paramsFor(op.path), { ...options, token });
        expect(status, `${op.method} ${op.path}`).not.toBe(201);
      }
    }
    expect(await counts()).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
