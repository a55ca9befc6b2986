import { z } from "zod";
import { componentSchemas, queryParameters, ref, type JsonSchema } from "./json-schema";
import { named, type Named, type Operation } from "./operation";
import { auditOperations } from "./operations/audit";
import { authSourceOperations } from "./operations/auth-sources";
import { groupOperations } from "./operations/groups";
import { meOperations } from "./operations/me";
import { mfaOperations } from "./operations/mfa";
import { orgOperations } from "./operations/orgs";
import { roleOperations } from "./operations/roles";
import { sessionOperations } from "./operations/sessions";
import { settingsOperations } from "./operations/settings";
import { tokenOperations } from "./operations/tokens";
import { userOperations } from "./operations/users";
import { problemSchema } from "./schemas";

const metaOperations: Operation[] = [
  {
    method: "get", path: "/openapi.json", tag: "Meta", permission: "public", summary: "This document",
    description: "OpenAPI 3.1, generated from the same zod schemas that validate requests. Interactive docs: /api/docs.",
    success: { status: 200, schema: named("OpenApiDocument", z.record(z.string(), z.unknown())) },
  },
];

/** Every /api/v1 operation. A route file without an entry here fails lib/openapi/openapi.test.ts. */
export const OPERATIONS: readonly Operation[] = [
  ...tokenOperations,
  ...meOperations,
  ...userOperations,
  ...sessionOperations,
  ...mfaOperations,
  ...groupOperations,
  ...orgOperations,
  ...roleOperations,
  ...settingsOperations,
  ...auditOperations,
  ...authSourceOperations,
  ...metaOperations,
];

const problem = (description: string, headers?: JsonSchema) => ({ description, ...(headers && { headers }), content: { "application/problem+json": { schema: ref("Problem") } } });

const STANDARD_RESPONSES = {
  BadRequest: problem("The body is not JSON, or too large."),
  Unauthenticated: problem("No credentials, or a token that is malformed, unknown, expired or revoked — or a token in the URL."),
  Forbidden: problem("The caller lacks the permission (or the token its scope)."),
  NotFound: problem("No such resource, or one the caller cannot see."),
  ValidationFailed: problem("Invalid input; `errors` names each field."),
  RateLimited: problem("Too many requests for this token.", { "Retry-After": { description: "Seconds to wait.", schema: { type: "integer" } } }),
};

const standard = (name: keyof typeof STANDARD_RESPONSES) => ({ $ref: `#/components/responses/${name}` });

export const operationId = (op: Pick<Operation, "method" | "path">) =>
  op.method +
  op.path
    .split("/")
    .filter(Boolean)
    .map((s) => s.replace(/^\{(\w+)\}$/, "by_$1").replace(/[^A-Za-z0-9]+(.)?/g, (_, c: string | undefined) => (c ?? "").toUpperCase()))
    .map((s) => s[0].toUpperCase() + s.slice(1))
    .join("");

function responsesFor(op: Operation): Record<string, unknown> {
  const { status, schema, description, contentType = "application/json" } = op.success;
  const success =
    status === 204
      ? { description: description ?? "Done." }
      : {
          description: description ?? (status === 201 ? "Created; `Location` names the new resource." : "OK."),
          ...(status === 201 && { headers: { Location: { schema: { type: "string", format: "uri" } } } }),
          content: { [contentType]: { schema: ref(schema!.name) } },
        };
  const out: Record<string, unknown> = { [status]: success };
  if (op.permission !== "public") {
    out["401"] = standard("Unauthenticated");
    out["403"] = standard("Forbidden");
    out["429"] = standard("RateLimited");
  }
  if (op.path.includes("{")) out["404"] = standard("NotFound");
  if (op.body) out["400"] = standard("BadRequest");
  if (op.body || op.query) out["422"] = standard("ValidationFailed");
  for (const error of op.errors ?? []) out[error.status] = problem(error.description);
  return out;
}

function operationObject(op: Operation) {
  const pathParams = [...op.path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({
    name,
    in: "path",
    required: true,
    schema: name === "section" ? { type: "string" } : { type: "string", format: "uuid" },
  }));
  return {
    operationId: operationId(op),
    summary: op.summary,
    ...(op.description && { description: op.description }),
    tags: [op.tag],
    "x-permission": op.permission,
    ...(op.permission === "public" && { security: [] }),
    parameters: [...pathParams, ...(op.query ? queryParameters(op.query) : [])],
    ...(op.body && { requestBody: { required: op.method !== "post" || op.path !== "/auth/token", content: { "application/json": { schema: ref(op.body.name) } } } }),
    responses: responsesFor(op),
  };
}

function build() {
  const requests = OPERATIONS.flatMap((op) => (op.body ? [op.body] : []));
  const responses: Named[] = [named("Problem", problemSchema), ...OPERATIONS.flatMap((op) => (op.success.schema ? [op.success.schema] : []))];
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of OPERATIONS) (paths[op.path] ??= {})[op.method] = operationObject(op);
  return {
    openapi: "3.1.0",
    info: {
      title: "Gatehouse API",
      version: "1",
      description:
        "Send `Authorization: Bearer <token>`: a Personal Access Token (`gth_pat_…`), or a 15-minute ES256 JWT from " +
        "`POST /auth/token` (keys at `/.well-known/jwks.json`). Tokens in the URL are refused. Each token has a per-minute " +
        "request limit (429 with Retry-After). Errors are RFC 9457 problem+json. Each operation's `x-permission` names " +
        "the permission it requires (`authenticated`: any caller).",
    },
    servers: [{ url: "/api/v1" }],
    security: [{ bearerAuth: [] }],
    tags: [...new Set(OPERATIONS.map((op) => op.tag))].map((name) => ({ name })),
    paths,
    components: {
      securitySchemes: { bearerAuth: { type: "http", scheme: "bearer", bearerFormat: "PAT (gth_pat_…) or JWT" } },
      schemas: componentSchemas(requests, responses),
      responses: STANDARD_RESPONSES,
    },
  };
}

export type OpenApiDocument = ReturnType<typeof build>;
let cached: OpenApiDocument | undefined;

/** The OpenAPI 3.1 document of /api/v1, built once from OPERATIONS and the domain's zod schemas. */
export const openApiDocument = (): OpenApiDocument => (cached ??= build());
