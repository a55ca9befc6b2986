import { describe, expect, it } from "vitest";
import { openApiDocument } from "./document";
import { callRoute, listOperations, listRouteFiles, paramNames, type HttpMethod } from "./route-inventory";

type Doc = ReturnType<typeof openApiDocument>;
type OperationObject = { operationId: string; "x-permission": string; parameters: { name: string; in: string }[]; responses: Record<string, unknown> };
const operationOf = (doc: Doc, path: string, method: string) => (doc.paths[path] as Record<string, OperationObject> | undefined)?.[method];

/** What the file system has that the document lacks (or states differently). */
function undocumented(found: { path: string; method: HttpMethod; permission: string }[], doc: Doc): string[] {
  return found.flatMap(({ path, method, permission }) => {
    const op = operationOf(doc, path, method.toLowerCase());
    if (!op) return [`${method} ${path} is not in the document`];
    if (op["x-permission"] !== permission) return [`${method} ${path}: route says ${permission}, document says ${op["x-permission"]}`];
    return [];
  });
}

async function routesOnDisk() {
  return (await listOperations()).map(({ route, method, handler }) => ({ path: route.path, method, permission: handler.spec?.permission ?? "public" }));
}

describe("the OpenAPI document", () => {
  it("documents every route file under app/api/v1, with the permission its api() spec states", async () => {
    const doc = openApiDocument();
    const found = await routesOnDisk();
    expect(listRouteFiles().length).toBeGreaterThan(20);
    expect(undocumented(found, doc)).toEqual([]);
  });

  it("fails for a route file that is missing, or whose permission drifted", async () => {
    const doc = openApiDocument();
    const found = await routesOnDisk();
    const extra = [...found, { path: "/widgets", method: "GET" as const, permission: "users.view" }];
    expect(undocumented(extra, doc)).toEqual(["GET /widgets is not in the document"]);
    const drifted = found.map((r) => (r.path === "/users" && r.method === "GET" ? { ...r, permission: "users.delete" } : r));
    expect(undocumented(drifted, doc)).toEqual(["GET /users: route says users.delete, document says users.view"]);
  });

  it("documents nothing that has no route file", async () => {
    const doc = openApiDocument();
    const found = new Set((await routesOnDisk()).map((r) => `${r.method.toLowerCase()} ${r.path}`));
    const documented = Object.entries(doc.paths).flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m} ${path}`));
    expect(documented.filter((d) => !found.has(d))).toEqual([]);
  });

  it("is well-formed OpenAPI 3.1: unique operation ids, declared path parameters, resolvable $refs, a 2xx for each", () => {
    const doc = openApiDocument();
    expect(doc.openapi).toBe("3.1.0");
    const ids = new Set<string>();
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(methods as Record<string, OperationObject>)) {
        expect(ids.has(op.operationId), op.operationId).toBe(false);
        ids.add(op.operationId);
        const declared = op.parameters.filter((p) => p.in === "path").map((p) => p.name);
        expect(declared, `${method} ${path}`).toEqual(paramNames(path));
        expect(Object.keys(op.responses).some((s) => s.startsWith("2")), `${method} ${path}`).toBe(true);
      }
    }
    const text = JSON.stringify(doc);
    for (const [, kind, name] of text.matchAll(/"#\/components\/(schemas|responses)\/([^"]+)"/g)) {
      expect((doc.components as Record<string, Record<string, unknown>>)[kind][name], `${kind}/${name}`).toBeDefined();
    }
    expect(doc.components.schemas.CreateTokenInput).toMatchObject({ additionalProperties: false, required: ["name"] });
  });

  it("is served at GET /api/v1/openapi.json without credentials", async () => {
    const res = await callRoute("GET", "/openapi.json", {});
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/json");
    expect(await res.json()).toEqual(JSON.parse(JSON.stringify(openApiDocument())));
  });
});
