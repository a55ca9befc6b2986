import { z } from "zod";
import type { Named } from "./operation";

export type JsonSchema = Record<string, unknown>;
type Io = "input" | "output";

const COMPONENT_PREFIX = "#/components/schemas/";

/**
 * Tidies zod's JSON Schema for an OpenAPI 3.1 document: no per-schema `$schema`/`$id`, and UUID fields keep
 * `format: uuid` without zod's version-specific pattern (ids like the built-in 00000000-…-0004 are valid ids), and
 * integers without the implicit ±2^53 bounds.
 */
function tidy(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(tidy);
  if (!value || typeof value !== "object") return value;
  const out: JsonSchema = {};
  for (const [key, child] of Object.entries(value)) {
    if (key === "$schema" || key === "$id") continue;
    if (key === "pattern" && (value as JsonSchema).format === "uuid") continue;
    // z.number().int() bounds itself to the safe integers: true, but noise in a document.
    if ((key === "minimum" || key === "maximum") && Math.abs(child as number) === Number.MAX_SAFE_INTEGER) continue;
    out[key] = tidy(child);
  }
  return out;
}

const convert = (schema: z.ZodType, io: Io) => tidy(z.toJSONSchema(schema, { target: "draft-2020-12", io, unrepresentable: "any" })) as JsonSchema;

/**
 * Components from named schemas: requests as the client sends them (io "input": defaults optional, before
 * transforms), responses as the server writes them (io "output"). A schema named twice must be the same schema.
 */
export function componentSchemas(requests: Named[], responses: Named[]): Record<string, JsonSchema> {
  const out: Record<string, JsonSchema> = {};
  const seen = new Map<string, z.ZodType>();
  for (const [list, io] of [[requests, "input"], [responses, "output"]] as const) {
    const registry = z.registry<{ id: string }>();
    for (const { name, schema } of list) {
      const known = seen.get(name);
      if (known && known !== schema) throw new Error(`OpenAPI component "${name}" names two different schemas`);
      if (known) continue;
      seen.set(name, schema);
      registry.add(schema, { id: name });
    }
    const { schemas } = z.toJSONSchema(registry, { target: "draft-2020-12", io, unrepresentable: "any", uri: (id) => `${COMPONENT_PREFIX}${id}` });
    for (const [name, schema] of Object.entries(schemas)) out[name] = tidy(schema) as JsonSchema;
  }
  return out;
}

export const ref = (name: string) => ({ $ref: `${COMPONENT_PREFIX}${name}` });

/** Query parameters from an object schema: one per property, with its JSON Schema. */
export function queryParameters(schema: z.ZodObject): JsonSchema[] {
  const json = convert(schema, "input") as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    in: "query",
    required: json.required?.includes(name) ?? false,
    schema: property,
    ...(typeof property.description === "string" && { description: property.description }),
  }));
}
