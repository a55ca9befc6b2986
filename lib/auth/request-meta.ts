import "server-only";
import { randomUUID } from "node:crypto";
import { isIP } from "node:net";
import { env } from "../env";
import type { RequestMeta } from "./actor";
import { installPeerAddressStamp, PEER_HEADER, stampedPeer } from "./peer-address";

type HeaderBag = Headers | Record<string, string | string[] | undefined>;

// Loaded by every request that needs a client address; startup should also install it so the first request is covered.
installPeerAddressStamp();

function header(headers: HeaderBag, name: string): string | null {
  if (headers instanceof Headers) return headers.get(name);
  const value = headers[name] ?? headers[name.toLowerCase()];
  return Array.isArray(value) ? value.join(", ") : (value ?? null);
}

const normalise = (candidate: string | undefined): string | null => {
  const bare = candidate?.replace(/^::ffff:/, "");
  return bare && isIP(bare) ? bare : null;
};

/**
 * The client address. With the peer stamp (peer-address.ts) the chain is X-Forwarded-For plus the real TCP peer, and
 * the address is read TRUST_PROXY_HOPS entries from the right: 0 hops → the socket peer itself, so a spoofed
 * X-Forwarded-For changes nothing; N hops → the entry our N-th proxy appended. Without a stamp (never in `next start`
 * once installed) the rightmost trusted X-Forwarded-For entry is used. Anything unparseable is null, which the
 * limiters treat as one shared bucket (fail closed).
 */
export function clientIp(headers: HeaderBag, hops: number = env.TRUST_PROXY_HOPS): string | null {
  const chain = (header(headers, "x-forwarded-for") ?? "")
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
  const peer = stampedPeer(header(headers, PEER_HEADER));
  if (peer !== undefined) return normalise([...chain, peer][chain.length - Math.min(hops, chain.length)]);
  return normalise(chain[chain.length - Math.max(1, hops)]);
}

export function requestMeta(headers: HeaderBag, requestId: string = randomUUID()): RequestMeta {
  return { ip: clientIp(headers), userAgent: header(headers, "user-agent")?.slice(0, 512) ?? null, requestId };
}
