import type { Metadata } from "next";
import { openApiDocument } from "@/lib/openapi/document";
import { BearerTokenProvider } from "./bearer-token";
import { OperationCard, type OperationObject } from "./operation-card";
import { SchemaView } from "./schema-view";

export const metadata: Metadata = { title: "API reference" };

/** /api/docs — the OpenAPI document, rendered here from the same object /api/v1/openapi.json serves (no CDN, no fetch). */
export default function ApiDocsPage() {
  const doc = openApiDocument();
  const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods as Record<string, OperationObject & { tags: string[] }>).map(([method, op]) => ({ path, method, op })),
  );
  const tags = doc.tags.map((t) => t.name);
  return (
    <BearerTokenProvider>
      <main className="mx-auto max-w-5xl space-y-8 px-6 py-8">
        <header className="space-y-2">
          <h1 className="text-2xl font-semibold text-zinc-900">
            {doc.info.title} <span className="text-base font-normal text-zinc-500">v{doc.info.version} · OpenAPI {doc.openapi}</span>
          </h1>
          <p className="max-w-3xl text-sm text-zinc-600">{doc.info.description}</p>
          <p className="text-sm">
            Base URL <code className="rounded bg-zinc-100 px-1.5">/api/v1</code> ·{" "}
            <a className="text-indigo-700 underline" href="/api/v1/openapi.json">
              openapi.json
            </a>{" "}
            ·{" "}
            <a className="text-indigo-700 underline" href="/.well-known/jwks.json">
              JWKS
            </a>
          </p>
          <nav aria-label="Sections" className="flex flex-wrap gap-2 pt-2 text-sm">
            {tags.map((tag) => (
              <a key={tag} href={`#tag-${tag.replace(/\W+/g, "-")}`} className="rounded-md border border-zinc-200 px-2 py-1 hover:bg-zinc-50">
                {tag}
              </a>
            ))}
            <a href="#schemas" className="rounded-md border border-zinc-200 px-2 py-1 hover:bg-zinc-50">
              Schemas
            </a>
          </nav>
        </header>
        {tags.map((tag) => (
          <section key={tag} id={`tag-${tag.replace(/\W+/g, "-")}`} aria-labelledby={`h-${tag.replace(/\W+/g, "-")}`} className="space-y-2">
            <h2 id={`h-${tag.replace(/\W+/g, "-")}`} className="text-lg font-semibold text-zinc-900">
              {tag}
            </h2>
            {operations
              .filter(({ op }) => op.tags.includes(tag))
              .map(({ path, method, op }) => (
                <OperationCard key={op.operationId} path={path} method={method} op={op} responses={doc.components.responses} schemas={doc.components.schemas} />
              ))}
          </section>
        ))}
        <section id="schemas" aria-labelledby="h-schemas" className="space-y-3">
          <h2 id="h-schemas" className="text-lg font-semibold text-zinc-900">
            Schemas
          </h2>
          {Object.entries(doc.components.schemas).map(([name, schema]) => (
            <details key={name} id={`schema-${name}`} className="rounded-md border border-zinc-200 bg-white px-4 py-2">
              <summary className="cursor-pointer font-mono text-sm text-zinc-900">{name}</summary>
              <div className="pt-2">
                <SchemaView schema={schema} />
              </div>
            </details>
          ))}
        </section>
      </main>
    </BearerTokenProvider>
  );
}
