import type { z } from "zod";
import type { Permission } from "../rbac/permissions";

export type Method = "get" | "post" | "put" | "patch" | "delete";

/**
 * One documented /api/v1 operation. `permission` must equal the route's `api({ permission })` (a test holds them
 * equal); "public" marks routes outside api() that take no credentials.
 */
export type Operation = {
  method: Method;
  /** Relative to /api/v1, with `{param}` segments exactly as the route folders name them. */
  path: string;
  permission: Permission | "authenticated" | "public";
  summary: string;
  description?: string;
  tag: string;
  query?: z.ZodObject;
  body?: Named;
  /** The success answer; no schema for 204. JSON unless `contentType` says otherwise. */
  success: { status: 200 | 201 | 204; schema?: Named; description?: string; contentType?: string };
  /** Error statuses beyond the standard ones (401/403/404/422/429 are added where they apply). */
  errors?: { status: 400 | 409 | 413; description: string }[];
};

/** A schema with the component name it is published under. */
export type Named = { name: string; schema: z.ZodType };

export const named = (name: string, schema: z.ZodType): Named => ({ name, schema });
