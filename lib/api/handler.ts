import "server-only";
import { randomUUID } from "node:crypto";
import type { NextRequest } from "next/server";
import { auditDenied } from "../audit/denied";
import type { Actor } from "../auth/actor";
import { getActor } from "../auth/current";
import { requestMeta } from "../auth/request-meta";
import { env } from "../env";
import { AppError, badRequest, unauthenticated } from "../errors";
import type { Permission } from "../rbac/permissions";
import { enforceTokenRateLimit, refuseTokenInQuery, resolveBearer } from "./bearer";
import { problemResponse } from "./problem";

const MAX_BODY_BYTES = 1_000_000;

export type ApiContext<P> = {
  req: NextRequest;
  actor: Actor;
  params: P;
  query: Record<string, string>;
  json(): Promise<unknown>;
};

export type ApiSpec = {
  /**
   * What the route requires, stated where it is declared (the OpenAPI document's x-permission — a test holds the
   * two equal — and the authorization matrix). The domain function enforces it.
   */
  permission: Permission | "authenticated";
};

/** A route handler made by api(), carrying its spec for the OpenAPI completeness test. */
export type ApiRoute<P> = ((req: NextRequest, context: { params: Promise<P> }) => Promise<Response>) & { spec: ApiSpec };

/** Same-origin browsers may use their session cookie; everything else must send a Bearer token. */
function isSameOrigin(req: NextRequest): boolean {
  const origin = req.headers.get("origin");
  if (origin) return origin === new URL(env.APP_URL).origin;
  return req.headers.get("sec-fetch-site") === "same-origin";
}

async function resolveActor(req: NextRequest, requestId: string): Promise<Actor> {
  refuseTokenInQuery(req.nextUrl.searchParams);
  const meta = requestMeta(req.headers, requestId);
  const authorization = req.headers.get("authorization");
  if (authorization) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    const actor = match ? await resolveBearer(match[1], meta) : null;
    if (!actor) throw unauthenticated("The token is missing, malformed, expired or revoked.");
    return actor;
  }
  if (isSameOrigin(req)) {
    const actor = await getActor();
    if (actor) return { ...actor, meta };
  }
  throw unauthenticated();
}

async function readJson(req: NextRequest): Promise<unknown> {
  const type = req.headers.get("content-type") ?? "";
  if (!/^application\/([\w.+-]*\+)?json\b/i.test(type)) throw badRequest("Send the body as application/json.");
  const text = await req.text();
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) throw badRequest("The body is too large.");
  try {
    return JSON.parse(text);
  } catch {
    throw badRequest("The body is not valid JSON.");
  }
}

/**
 * The route-handler adapter: resolves the actor (Bearer PAT or JWT, or a same-origin session cookie), applies the
 * per-token rate limit, hands the request to the handler, and maps errors to problem+json. It holds no business rule.
 */
export function api<P = Record<string, string>>(spec: ApiSpec, handler: (ctx: ApiContext<P>) => Promise<Response>): ApiRoute<P> {
  const route = async (req: NextRequest, context: { params: Promise<P> }): Promise<Response> => {
    const requestId = randomUUID();
    let actor: Actor | undefined;
    try {
      actor = await resolveActor(req, requestId);
      const limit = await enforceTokenRateLimit(actor);
      const params = await context.params;
      const query = Object.fromEntries(req.nextUrl.searchParams);
      const response = await handler({ req, actor, params, query, json: () => readJson(req) });
      response.headers.set("x-request-id", requestId);
      if (limit) response.headers.set("ratelimit-remaining", String(limit.remaining));
      return response;
    } catch (error) {
      if (actor && error instanceof AppError && error.code === "forbidden") await auditDenied(actor, { method: req.method, path: req.nextUrl.pathname });
      return problemResponse(error, requestId);
    }
  };
  return Object.assign(route, { spec });
}
