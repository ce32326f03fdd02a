import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import pino from "pino";
import { env } from "./env";

// Structured JSON logs (one object per line on stdout). Every line written while a request is
// being handled carries its request id (`reqId`), the same value the response sends as
// X-Request-Id. Secrets never reach a log line: cookies, authorization headers, tokens and
// passwords are redacted by path, and e-mail addresses are logged masked (maskEmail).

export type RequestContext = { reqId: string; ip?: string; userId?: string };

// Both kept on globalThis: Next bundles this module more than once (instrumentation, routes,
// pages), and the logger created by one copy must read the request context set by another.
const globalForLog = globalThis as unknown as {
  rentorownLogger?: pino.Logger;
  rentorownRequests?: AsyncLocalStorage<RequestContext>;
};
const storage = (globalForLog.rentorownRequests ??= new AsyncLocalStorage<RequestContext>());

function createLogger(): pino.Logger {
  // Through env() like every other read; when env() itself is failing, log at "info" to report why.
  let level = "info";
  try {
    level = env().LOG_LEVEL;
  } catch {}
  return pino({
    level,
    base: { svc: "rentorown" },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    mixin: () => {
      const ctx = storage.getStore();
      return ctx ? { reqId: ctx.reqId, ...(ctx.userId ? { userId: ctx.userId } : {}) } : {};
    },
    redact: {
      paths: [
        "*.cookie",
        "*.authorization",
        "*.token",
        "*.sessionToken",
        "*.password",
        "*.secret",
        "headers.cookie",
        "headers.authorization",
      ],
      censor: "[redacted]",
    },
  });
}

export function logger(): pino.Logger {
  globalForLog.rentorownLogger ??= createLogger();
  return globalForLog.rentorownLogger;
}

export function runWithRequest<T>(ctx: RequestContext, fn: () => T): T {
  return storage.run(ctx, fn);
}

export function requestContext(): RequestContext | undefined {
  return storage.getStore();
}

/** `an***@example.com`: enough to correlate, not enough to identify. */
export function maskEmail(email: string): string {
  const [local, domain] = email.split("@");
  if (!domain) return "***";
  return `${(local ?? "").slice(0, 2)}***@${domain}`;
}

/** Strips query strings (share tokens, magic-link tokens) from a URL before it is logged. */
export function loggablePath(url: string): string {
  try {
    return new URL(url, "http://x").pathname.replace(/^\/s\/[^/]+/, "/s/[token]");
  } catch {
    return "?";
  }
}

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/** The caller's X-Request-Id when it is a sane token (a proxy's id), else a fresh one. */
export function requestIdFrom(headers: Headers): string {
  const given = headers.get("x-request-id");
  return given && REQUEST_ID.test(given) ? given : crypto.randomUUID();
}
