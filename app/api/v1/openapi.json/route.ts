import { openApiDocument } from "@/lib/openapi/document";

/** GET /api/v1/openapi.json — the OpenAPI 3.1 document, public (it holds no data). Interactive docs: /api/docs. */
export function GET(): Response {
  return new Response(JSON.stringify(openApiDocument()), { headers: { "content-type": "application/json", "cache-control": "public, max-age=300" } });
}
