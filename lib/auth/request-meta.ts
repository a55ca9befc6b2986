import "server-only";
import { randomUUID } from "node:crypto";
import { isIP } from "node:net";
import { env } from "../env";
import type { RequestMeta } from "./actor";

type HeaderBag = Headers | Record<string, string | string[] | undefined>;

function header(headers: HeaderBag, name: string): string | null {
  if (headers instanceof Headers) return headers.get(name);
  const value = headers[name] ?? headers[name.toLowerCase()];
  return Array.isArray(value) ? value.join(", ") : (value ?? null);
}

/**
 * The client address: X-Forwarded-For read from the right, skipping the entries our own proxies appended
 * (TRUST_PROXY_HOPS). `next start` fills the header with the socket address when the client sent none.
 */
export function clientIp(headers: HeaderBag): string | null {
  const chain = (header(headers, "x-forwarded-for") ?? "")
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
  const candidate = chain[Math.max(0, chain.length - 1 - env.TRUST_PROXY_HOPS)];
  if (!candidate) return null;
  const bare = candidate.replace(/^::ffff:/, "");
  return isIP(bare) ? bare : null;
}

export function requestMeta(headers: HeaderBag, requestId: string = randomUUID()): RequestMeta {
  return { ip: clientIp(headers), userAgent: header(headers, "user-agent")?.slice(0, 512) ?? null, requestId };
}
