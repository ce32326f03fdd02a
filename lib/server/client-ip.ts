import "server-only";
import { env } from "./env";

// The client's address for per-IP limits. Next.js sets X-Forwarded-For to the socket's peer only
// when the request has none, and every reverse proxy appends the address it saw. With
// TRUSTED_PROXY_HOPS = n (default 1) the client is the n-th entry from the right: the one
// the outermost trusted proxy appended. Entries further left were written by the client and are
// ignored. Run the app behind a proxy in production: directly exposed, a client can choose its
// X-Forwarded-For (the per-user and per-address limits still hold).
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
