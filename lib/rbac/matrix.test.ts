/**
 * T8 authorization matrix, generated: every route file under the RBAC folders of app/api/v1 (found on disk, so a new
 * route without a policy fails) × every actor × every target, each answer compared with the one policy table.
 * Route handlers are loaded from their files by path — the real `api()` wrapper, PAT resolution and domain code.
 */
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { ACTORS, POLICY, expectedStatus, type ActorKey, type TargetKey } from "./matrix-policy";
import { ROUTES, buildWorld, cellFor, type World } from "./matrix-world";
import { rbacState } from "./test-helpers";

const API_ROOT = path.resolve(__dirname, "../../app/api/v1");
const OWNED = [/^groups(\/|$)/, /^orgs(\/|$)/, /^roles(\/|$)/, /^users\/\[id\]\/(groups|roles|effective-permissions|mfa)$/];
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
const TARGETS: TargetKey[] = ["self", "sameOrg", "otherOrg", "superAdmin", "builtin"];

type Handler = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

function routeFiles(dir = API_ROOT): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return routeFiles(full);
    return name === "route.ts" ? [full] : [];
  });
}

async function inventory(): Promise<Map<string, Handler>> {
  const routes = new Map<string, Handler>();
  for (const file of routeFiles()) {
    const folder = path.relative(API_ROOT, path.dirname(file)).split(path.sep).join("/");
    if (!OWNED.some((re) => re.test(folder))) continue;
    const mod = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
    for (const method of METHODS) if (typeof mod[method] === "function") routes.set(`${method} ${folder}`, mod[method] as Handler);
  }
  return routes;
}

describe("T8 authorization matrix", () => {
  let world: World;
  let routes: Map<string, Handler>;
  beforeAll(async () => {
    world = await buildWorld();
    routes = await inventory();
  });

  it("has one policy and one request recipe for every route method, and nothing stale", () => {
    expect([...routes.keys()].sort()).toEqual(Object.keys(POLICY).sort());
    expect(Object.keys(ROUTES).sort()).toEqual(Object.keys(POLICY).sort());
  });

  it("answers every (route, actor, target) cell exactly as the policy says, changing nothing when it refuses", async () => {
    const mismatches: string[] = [];
    let cells = 0;
    for (const [key, handler] of routes) {
      const [method] = key.split(" ");
      for (const actor of Object.keys(ACTORS) as ActorKey[]) {
        for (const target of TARGETS) {
          cells++;
          const expected = expectedStatus(POLICY[key], actor, target);
          const cell = cellFor(world, actor, target);
          const spec = ROUTES[key];
          await spec.setup?.(cell);
          const request = await spec.request(cell);
          const before = expected >= 400 ? await rbacState() : null;
          const token = world.tokens[actor];
          const res = await handler(
            new NextRequest(`http://localhost:3000${request.path}`, {
              method,
              headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(request.body !== undefined ? { "content-type": "application/json" } : {}) },
              body: request.body !== undefined ? JSON.stringify(request.body) : undefined,
            }),
            { params: Promise.resolve(request.params) },
          );
          const where = `${key} as ${actor} on ${target}`;
          if (res.status !== expected) mismatches.push(`${where}: expected ${expected}, got ${res.status} ${(await res.text()).slice(0, 160)}`);
          else if (before) {
            const after = await rbacState();
            if (res.headers.get("content-type") !== "application/problem+json") mismatches.push(`${where}: not problem+json`);
            if (after.sum !== before.sum) mismatches.push(`${where}: refused but changed the database`);
            if (expected === 403 && after.denied !== before.denied + 1) mismatches.push(`${where}: 403 without an access.denied audit event`);
          }
          await spec.restore?.(cell);
        }
      }
    }
    expect(cells).toBe(Object.keys(POLICY).length * Object.keys(ACTORS).length * TARGETS.length);
    expect(mismatches).toEqual([]);
  }, 600_000);
});
