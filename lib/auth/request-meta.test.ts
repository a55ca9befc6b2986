import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PEER_HEADER, stampedPeer } from "./peer-address";
import { clientIp, requestMeta } from "./request-meta";

/** A real HTTP server: what its handler computes as the client address, for requests with forged headers (T13c). */
let server: http.Server;
let port: number;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    res.setHeader("content-type", "application/json");
    const hops = Number(new URL(req.url ?? "/", "http://x").searchParams.get("hops") ?? 0);
    res.end(JSON.stringify({ ip: clientIp(req.headers, hops), meta: requestMeta(req.headers) }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function ipSeenBy(headers: Record<string, string>, hops = 0): Promise<string | null> {
  const response = await fetch(`http://127.0.0.1:${port}/?hops=${hops}`, { headers });
  return ((await response.json()) as { ip: string | null }).ip;
}

describe("clientIp", () => {
  it("uses the TCP peer, whatever X-Forwarded-For a client sends (TRUST_PROXY_HOPS=0)", async () => {
    expect(await ipSeenBy({})).toBe("127.0.0.1");
    const seen = new Set<string | null>();
    for (let i = 0; i < 50; i++) seen.add(await ipSeenBy({ "x-forwarded-for": `203.0.113.${i}, 198.51.100.${i}` }));
    expect([...seen]).toEqual(["127.0.0.1"]);
    expect(await ipSeenBy({ "x-forwarded-for": "garbage, also garbage" })).toBe("127.0.0.1");
  });

  it("behind N trusted proxies, takes the entry the N-th proxy appended (the client cannot push it out of place)", async () => {
    // One proxy appended the real client 198.51.100.20; the client had forged 203.0.113.1 in front of it.
    expect(await ipSeenBy({ "x-forwarded-for": "203.0.113.1, 198.51.100.20" }, 1)).toBe("198.51.100.20");
    expect(await ipSeenBy({ "x-forwarded-for": "203.0.113.1, 198.51.100.20, 10.0.0.2" }, 2)).toBe("198.51.100.20");
  });

  it("ignores a forged peer stamp", async () => {
    expect(await ipSeenBy({ [PEER_HEADER]: "not-the-nonce 203.0.113.9" })).toBe("127.0.0.1");
    expect(stampedPeer("not-the-nonce 203.0.113.9")).toBeUndefined();
  });

  it("reads X-Forwarded-For from the right when there is no stamp, and fails closed on garbage", () => {
    expect(clientIp({ "x-forwarded-for": "198.51.100.1, 203.0.113.7" })).toBe("203.0.113.7");
    expect(clientIp({ "x-forwarded-for": "::ffff:203.0.113.8" })).toBe("203.0.113.8");
    expect(clientIp({ "x-forwarded-for": "not-an-ip" })).toBeNull();
    expect(clientIp({})).toBeNull();
  });
});
