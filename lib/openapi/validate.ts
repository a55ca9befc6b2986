/**
 * A small JSON Schema (2020-12) validator for the subset the document uses — written independently of zod, so the
 * contract tests check responses against the published document, not against the schemas that produced it.
 * Used by the vitest contract tests and the Playwright API specs. No imports: safe anywhere.
 */
type Schema = Record<string, unknown>;
export type Document = { components: { schemas: Record<string, Schema> } };

const FORMATS: Record<string, (v: string) => boolean> = {
  uuid: (v) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v),
  "date-time": (v) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(v) && !Number.isNaN(Date.parse(v)),
  email: (v) => /^[^\s@]+@[^\s@]+$/.test(v),
  uri: (v) => URL.canParse(v),
};

const typeOf = (v: unknown) => (v === null ? "null" : Array.isArray(v) ? "array" : Number.isInteger(v) ? "integer" : typeof v);
const typeMatches = (expected: string, value: unknown) => expected === typeOf(value) || (expected === "number" && typeOf(value) === "integer");

/** Every violation of `schema` by `value`, as "path: problem" lines; [] when it conforms. */
export function validate(doc: Document, schema: Schema, value: unknown, path = "$"): string[] {
  if (typeof schema.$ref === "string") {
    const name = schema.$ref.replace("#/components/schemas/", "");
    const target = doc.components.schemas[name];
    return target ? validate(doc, target, value, path) : [`${path}: unknown $ref ${schema.$ref}`];
  }
  const errors: string[] = [];
  const fail = (problem: string) => errors.push(`${path}: ${problem}`);
  if (schema.anyOf && !(schema.anyOf as Schema[]).some((s) => validate(doc, s, value, path).length === 0)) fail("matches no anyOf branch");
  if (schema.oneOf && (schema.oneOf as Schema[]).filter((s) => validate(doc, s, value, path).length === 0).length !== 1) fail("matches not exactly one oneOf branch");
  for (const sub of (schema.allOf as Schema[] | undefined) ?? []) errors.push(...validate(doc, sub, value, path));
  if ("const" in schema && schema.const !== value) fail(`is not ${JSON.stringify(schema.const)}`);
  if (schema.enum && !(schema.enum as unknown[]).includes(value)) fail(`${JSON.stringify(value)} is not one of the enum`);
  if (typeof schema.type === "string" && !typeMatches(schema.type, value)) return [...errors, `${path}: is ${typeOf(value)}, not ${schema.type}`];

  if (typeof value === "string") {
    if (typeof schema.minLength === "number" && value.length < schema.minLength) fail("too short");
    if (typeof schema.maxLength === "number" && value.length > schema.maxLength) fail("too long");
    if (typeof schema.pattern === "string" && !new RegExp(schema.pattern, "u").test(value)) fail(`does not match ${schema.pattern}`);
    const format = FORMATS[schema.format as string];
    if (format && !format(value)) fail(`is not a ${schema.format}`);
  }
  if (typeof value === "number") {
    if (typeof schema.minimum === "number" && value < schema.minimum) fail(`< ${schema.minimum}`);
    if (typeof schema.maximum === "number" && value > schema.maximum) fail(`> ${schema.maximum}`);
  }
  if (Array.isArray(value)) {
    if (typeof schema.minItems === "number" && value.length < schema.minItems) fail("too few items");
    if (typeof schema.maxItems === "number" && value.length > schema.maxItems) fail("too many items");
    if (schema.items) value.forEach((item, i) => errors.push(...validate(doc, schema.items as Schema, item, `${path}[${i}]`)));
  }
  if (typeOf(value) === "object") {
    const record = value as Record<string, unknown>;
    const properties = (schema.properties as Record<string, Schema> | undefined) ?? {};
    for (const key of (schema.required as string[] | undefined) ?? []) if (!(key in record)) fail(`misses required "${key}"`);
    for (const [key, child] of Object.entries(record)) {
      if (properties[key]) errors.push(...validate(doc, properties[key], child, `${path}.${key}`));
      else if (schema.additionalProperties === false) fail(`has undocumented "${key}"`);
      else if (schema.additionalProperties && typeof schema.additionalProperties === "object") errors.push(...validate(doc, schema.additionalProperties as Schema, child, `${path}.${key}`));
    }
  }
  return errors;
}

/** The schema an operation documents for a status (and its content type), or null when none is documented. */
export function responseSchema(doc: Document & { paths: Record<string, Record<string, unknown>>; components: { responses?: Record<string, unknown> } }, path: string, method: string, status: number) {
  const operation = doc.paths[path]?.[method] as { responses: Record<string, { $ref?: string; content?: Record<string, { schema: Schema }> }> } | undefined;
  let response = operation?.responses[String(status)];
  if (response?.$ref) response = doc.components.responses?.[response.$ref.split("/").pop()!] as typeof response;
  if (!response) return null;
  const [contentType, media] = Object.entries(response.content ?? {})[0] ?? [];
  return { contentType: contentType ?? null, schema: media?.schema ?? null };
}
