/**
 * The /api/v1 route inventory, read from the file system (app/api/v1/**\/route.ts) — for tests only: the OpenAPI
 * completeness test and the "every route" revocation tests. Modules are imported by computed path at run time.
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { NextRequest } from "next/server";

export const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

const API_DIR = fileURLToPath(new URL("../../app/api/v1", import.meta.url));

/** A route file and its path template relative to /api/v1, e.g. `/users/{id}/tokens`. */
export type RouteFile = { file: string; path: string };

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return walk(full);
    return /^route\.(ts|tsx|js|mjs)$/.test(entry.name) ? [full] : [];
  });
}

const segmentToTemplate = (segment: string) => segment.replace(/^\[(?:\.\.\.)?([^\]]+)\]$/, "{$1}");

export function listRouteFiles(): RouteFile[] {
  return walk(API_DIR)
    .map((file) => {
      const segments = path.relative(API_DIR, path.dirname(file)).split(path.sep).filter(Boolean);
      const kept = segments.filter((s) => !/^\(.*\)$/.test(s)).map(segmentToTemplate);
      return { file, path: `/${kept.join("/")}` };
    })
    .sort((a, b) => a.path.localeCompare(b.path));
}

type RouteHandler = ((req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>) & { spec?: { permission: string } };
export type RouteModule = Partial<Record<HttpMethod, RouteHandler>>;

export async function loadRouteModule(route: RouteFile): Promise<RouteModule> {
  return (await import(/* @vite-ignore */ pathToFileURL(route.file).href)) as RouteModule;
}

/** Every exported method of every route file. */
export async function listOperations(): Promise<{ route: RouteFile; method: HttpMethod; handler: RouteHandler }[]> {
  const out = [];
  for (const route of listRouteFiles()) {
    const mod = await loadRouteModule(route);
    for (const method of HTTP_METHODS) {
      const handler = mod[method];
      if (typeof handler === "function") out.push({ route, method, handler });
    }
  }
  return out;
}

/** `/users/{id}` with `{ id: "x" }` → `/users/x`. */
export const fillPath = (template: string, params: Record<string, string>) => template.replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? "");

export const paramNames = (template: string) => [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);

export type CallOptions = { token?: string; body?: unknown; query?: Record<string, string>; headers?: Record<string, string> };

/** Calls a route handler the way Next does: a NextRequest on http://localhost:3000/api/v1/… and its params. */
export async function callHandler(handler: RouteHandler, method: HttpMethod, template: string, params: Record<string, string>, options: CallOptions = {}) {
  const url = new URL(`http://localhost:3000/api/v1${fillPath(template, params)}`);
  for (const [k, v] of Object.entries(options.query ?? {})) url.searchParams.set(k, v);
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: string | undefined;
  if (options.body !== undefined) {
    headers["content-type"] ??= "application/json";
    body = JSON.stringify(options.body);
  }
  return handler(new NextRequest(url, { method, headers, body }), { params: Promise.resolve(params) });
}

/** Loads the route at `template` and calls one method of it. */
export async function callRoute(method: HttpMethod, template: string, params: Record<string, string>, options: CallOptions = {}) {
  const route = listRouteFiles().find((r) => r.path === template);
  if (!route) throw new Error(`no route file for ${template}`);
  const handler = (await loadRouteModule(route))[method];
  if (!handler) throw new Error(`${template} has no ${method}`);
  return callHandler(handler, method, template, params, options);
}
