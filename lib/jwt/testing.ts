/** Test helpers for the JWT tests: exchange a PAT through the real route, read the real JWKS route. */
import { pathToFileURL, fileURLToPath } from "node:url";
import { callRoute } from "../openapi/route-inventory";
import type { AccessTokenDto } from "./schema";

export async function exchange(pat: string, body?: unknown): Promise<{ status: number; body: AccessTokenDto & { detail?: string } }> {
  const res = await callRoute("POST", "/auth/token", {}, { token: pat, body });
  return { status: res.status, body: await res.json() };
}

/** GET /.well-known/jwks.json, through its route handler (outside /api/v1, so loaded by path). */
export async function fetchJwks(): Promise<{ keys: Record<string, unknown>[] }> {
  const file = fileURLToPath(new URL("../../app/.well-known/jwks.json/route.ts", import.meta.url));
  const { GET } = (await import(/* @vite-ignore */ pathToFileURL(file).href)) as { GET: () => Promise<Response> };
  const res = await GET();
  if (res.headers.get("content-type") !== "application/jwk-set+json") throw new Error("JWKS content type");
  return res.json();
}

/** The payload of a compact JWT, decoded without verifying (for assertions on claims). */
export const claimsOf = (jwt: string) => JSON.parse(Buffer.from(jwt.split(".")[1], "base64url").toString("utf8")) as Record<string, unknown>;
export const headerOf = (jwt: string) => JSON.parse(Buffer.from(jwt.split(".")[0], "base64url").toString("utf8")) as Record<string, unknown>;
