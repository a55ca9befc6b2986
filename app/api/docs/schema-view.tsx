type Schema = Record<string, unknown>;

const refName = (ref: string) => ref.split("/").pop()!;

/** A one-line type: "string (uuid)", "integer 1–100", "User[]", "a | b", "null"… */
export function typeLabel(schema: Schema): string {
  if (typeof schema.$ref === "string") return refName(schema.$ref);
  if (Array.isArray(schema.anyOf)) return (schema.anyOf as Schema[]).map(typeLabel).join(" | ");
  if (Array.isArray(schema.enum)) return (schema.enum as unknown[]).map((v) => JSON.stringify(v)).join(" | ");
  if ("const" in schema) return JSON.stringify(schema.const);
  if (schema.type === "array") return `${typeLabel((schema.items as Schema) ?? {})}[]`;
  const type = typeof schema.type === "string" ? schema.type : "any";
  const format = typeof schema.format === "string" ? ` (${schema.format})` : "";
  const range = schema.minimum !== undefined || schema.maximum !== undefined ? ` ${schema.minimum ?? ""}–${schema.maximum ?? ""}` : "";
  const length = schema.maxLength !== undefined ? ` ≤ ${schema.maxLength} chars` : "";
  return `${type}${format}${range}${length}`;
}

function TypeCell({ schema }: { schema: Schema }) {
  if (typeof schema.$ref === "string") {
    return (
      <a href={`#schema-${refName(schema.$ref)}`} className="text-indigo-700 underline">
        {refName(schema.$ref)}
      </a>
    );
  }
  if (schema.type === "array" && typeof (schema.items as Schema | undefined)?.$ref === "string") {
    return (
      <>
        <TypeCell schema={schema.items as Schema} />
        []
      </>
    );
  }
  return <span className="font-mono text-xs">{typeLabel(schema)}</span>;
}

/** An object schema as a field table; anything else as its type. */
export function SchemaView({ schema }: { schema: Schema }) {
  const properties = schema.properties as Record<string, Schema> | undefined;
  if (!properties) {
    const branches = (schema.anyOf ?? schema.oneOf) as Schema[] | undefined;
    if (branches?.some((b) => b.properties)) return <div className="space-y-2">{branches.map((b, i) => <SchemaView key={i} schema={b} />)}</div>;
    return <TypeCell schema={schema} />;
  }
  const required = new Set((schema.required as string[] | undefined) ?? []);
  return (
    <table className="w-full text-left text-xs">
      <tbody className="divide-y divide-zinc-100">
        {Object.entries(properties).map(([name, property]) => (
          <tr key={name}>
            <td className="py-1 pr-3 align-top font-mono whitespace-nowrap text-zinc-900">
              {name}
              {required.has(name) ? <span className="text-red-600" title="required">*</span> : null}
            </td>
            <td className="py-1 pr-3 align-top">
              <TypeCell schema={property} />
            </td>
            <td className="py-1 align-top text-zinc-500">{typeof property.description === "string" ? property.description : null}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
