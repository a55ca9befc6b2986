import { publishedJwks } from "@/lib/jwt/keys";

/** Read from the database on every request, never prerendered at build. */
export const dynamic = "force-dynamic";

/** The public keys that verify Gatehouse API JWTs: the active key, and retired ones until their tokens have expired. */
export async function GET(): Promise<Response> {
  return new Response(JSON.stringify(await publishedJwks()), {
    headers: { "content-type": "application/jwk-set+json", "cache-control": "public, max-age=60" },
  });
}
