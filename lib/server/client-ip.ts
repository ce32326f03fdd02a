import "server-only";
import http from "node:http";
import { env } from "./env";

// The client's address for per-IP limits. Next.js sets X-Forwarded-For to the socket's peer only
// when the request has none, and every reverse proxy appends the address it saw. With
// TRUSTED_PROXY_HOPS = n (default 1) the client is the n-th entry from the right: the one
// the outermost trusted proxy appended. Entries further left were written by the client and are
// ignored. TRUSTED_PROXY_HOPS=0 (no proxy, the instance is exposed directly): the client is the
// socket's address — at start the server replaces whatever X-Forwarded-For a request brings
// with its socket's peer (installSocketAddressAsClient), so a client cannot choose its address.
export function clientIp(headers: Headers): string {
  const hops = Math.max(1, env().TRUSTED_PROXY_HOPS);
  const chain = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  if (chain.length === 0) return "unknown";
  const ip = chain[Math.max(0, chain.length - hops)]!;
  return ip.replace(/^::ffff:/, "");
}

const PATCHED = Symbol.for("rentorown.socketAddressAsClient");

/**
 * TRUSTED_PROXY_HOPS=0: every HTTP request's X-Forwarded-For becomes its socket's peer address
 * before Next.js (which only fills the header in when it is absent) or the app reads it. Installed
 * once per process at start (instrumentation.ts → startup.ts).
 */
export function installSocketAddressAsClient(): void {
  const proto = http.Server.prototype as unknown as Record<symbol, boolean> & {
    emit: (event: string | symbol, ...args: unknown[]) => boolean;
  };
  if (proto[PATCHED]) return;
  proto[PATCHED] = true;
  const emit = proto.emit;
  proto.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") {
      const req = args[0] as http.IncomingMessage;
      req.headers["x-forwarded-for"] = (req.socket.remoteAddress ?? "unknown").replace(/^::ffff:/, "");
    }
    return emit.call(this, event, ...args);
  };
}
