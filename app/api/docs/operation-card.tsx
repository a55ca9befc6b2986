import { SchemaView } from "./schema-view";
import { TryIt } from "./try-it";

type Schema = Record<string, unknown>;
type Parameter = { name: string; in: string; required: boolean; schema: Schema; description?: string };
export type OperationObject = {
  operationId: string;
  summary: string;
  description?: string;
  "x-permission": string;
  parameters: Parameter[];
  requestBody?: { content: Record<string, { schema: Schema }> };
  responses: Record<string, { $ref?: string; description?: string; content?: Record<string, { schema: Schema }> }>;
};

const METHOD_COLORS: Record<string, string> = {
  get: "bg-blue-100 text-blue-800",
  post: "bg-green-100 text-green-800",
  put: "bg-amber-100 text-amber-900",
  patch: "bg-amber-100 text-amber-900",
  delete: "bg-red-100 text-red-800",
};

/** One operation: summary line, then (expanded) permission, parameters, body, responses and "Try it". */
type Props = { method: string; path: string; op: OperationObject; responses: Record<string, { description: string }>; schemas: Record<string, Schema> };

/** A $ref expanded one level, so the body's fields show where they are used. */
const expand = (schema: Schema, schemas: Record<string, Schema>) => (typeof schema.$ref === "string" ? (schemas[schema.$ref.split("/").pop()!] ?? schema) : schema);

export function OperationCard({ method, path, op, responses, schemas }: Props) {
  const body = op.requestBody ? Object.values(op.requestBody.content)[0]?.schema : undefined;
  return (
    <details id={op.operationId} className="group rounded-md border border-zinc-200 bg-white">
      <summary className="flex cursor-pointer items-center gap-3 px-4 py-2.5 focus-visible:outline-2 focus-visible:outline-indigo-600">
        <span className={`w-16 rounded px-2 py-0.5 text-center font-mono text-xs font-semibold uppercase ${METHOD_COLORS[method] ?? ""}`}>{method}</span>
        <code className="font-mono text-sm text-zinc-900">{path}</code>
        <span className="truncate text-sm text-zinc-600">{op.summary}</span>
      </summary>
      <div className="space-y-4 border-t border-zinc-200 px-4 py-4 text-sm">
        {op.description ? <p className="text-zinc-700">{op.description}</p> : null}
        <p className="text-xs">
          Requires: <code className="rounded bg-zinc-100 px-1.5 py-0.5">{op["x-permission"]}</code>
        </p>
        {op.parameters.length ? (
          <section>
            <h4 className="mb-1 text-xs font-semibold tracking-wide text-zinc-500 uppercase">Parameters</h4>
            <SchemaView
              schema={{
                type: "object",
                required: op.parameters.filter((p) => p.required).map((p) => p.name),
                properties: Object.fromEntries(op.parameters.map((p) => [p.name, { ...p.schema, description: `${p.in}${p.description ? ` — ${p.description}` : ""}` }])),
              }}
            />
          </section>
        ) : null}
        {body ? (
          <section>
            <h4 className="mb-1 text-xs font-semibold tracking-wide text-zinc-500 uppercase">Request body (application/json)</h4>
            <SchemaView schema={expand(body, schemas)} />
          </section>
        ) : null}
        <section>
          <h4 className="mb-1 text-xs font-semibold tracking-wide text-zinc-500 uppercase">Responses</h4>
          <ul className="space-y-1">
            {Object.entries(op.responses).map(([status, response]) => {
              const name = response.$ref?.split("/").pop();
              const schema = Object.values(response.content ?? {})[0]?.schema;
              return (
                <li key={status} className="flex gap-3">
                  <span className="w-10 font-mono text-xs font-semibold">{status}</span>
                  <span className="text-xs text-zinc-600">
                    {name ? `${responses[name]?.description ?? name} (problem+json)` : response.description}
                    {schema ? (
                      <>
                        {" — "}
                        <SchemaView schema={schema} />
                      </>
                    ) : null}
                  </span>
                </li>
              );
            })}
          </ul>
        </section>
        <section>
          <h4 className="mb-1 text-xs font-semibold tracking-wide text-zinc-500 uppercase">Try it</h4>
          <TryIt method={method} path={path} pathParams={op.parameters.filter((p) => p.in === "path").map((p) => p.name)} hasBody={!!body} />
        </section>
      </div>
    </details>
  );
}
