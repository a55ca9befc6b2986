import "server-only";
import { randomBytes } from "node:crypto";
import http from "node:http";

/**
 * The TCP peer of each request, stamped into a header the client cannot forge.
 *
 * `next start` keeps an X-Forwarded-For header the client sent (it only fills one in when there is none), and route
 * handlers never see the socket. So, once installed, every incoming request gets `x-gatehouse-peer:
 * <process nonce> <socket address>`, overwriting whatever the client put there. The nonce is random per process:
 * a stamp without it (a forged header, or a request that arrived before installation) is ignored.
 */
export const PEER_HEADER = "x-gatehouse-peer";

type PeerState = { nonce: string; installed: boolean };
const state: PeerState = ((globalThis as { __gatehousePeer?: PeerState }).__gatehousePeer ??= {
  nonce: randomBytes(18).toString("base64url"),
  installed: false,
});

/** Idempotent; call once at server start (before the first request) to cover every request. */
export function installPeerAddressStamp(): void {
  if (state.installed) return;
  state.installed = true;
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function stampPeer(this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") {
      const req = args[0] as http.IncomingMessage;
      req.headers[PEER_HEADER] = `${state.nonce} ${req.socket?.remoteAddress ?? ""}`;
    }
    return Reflect.apply(emit, this, [event, ...args]) as boolean;
  } as typeof emit;
}

/** The socket address from a genuine stamp; undefined when the header is missing or forged. */
export function stampedPeer(value: string | null): string | undefined {
  if (!value || !state.installed) return undefined;
  const [nonce, address] = value.split(" ");
  return nonce === state.nonce && address ? address : undefined;
}
