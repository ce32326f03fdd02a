import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";
import { env, requireDatabaseUrl } from "./env";
import { logger } from "./log";

// One client per process, created on first use (so `next build` needs no database) and kept on
// globalThis so hot reloads in development do not open a new pool each time.
//
// Failure behaviour: connecting gives up after DATABASE_CONNECT_TIMEOUT_MS; PostgreSQL cancels
// any statement running longer than DATABASE_STATEMENT_TIMEOUT_MS, and the client gives up on
// a connection that answers nothing (blackholed) shortly after. Broken connections are dropped
// from the pool, so the app recovers by itself when the server is back. Such errors are
// recognised by isDatabaseUnavailable() and answered 503 by the route wrapper.
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

function createClient(): PrismaClient {
  const e = env();
  const max = e.DATABASE_POOL_MAX;
  const adapter = new PrismaPg(
    {
      connectionString: requireDatabaseUrl(),
      max,
      connectionTimeoutMillis: e.DATABASE_CONNECT_TIMEOUT_MS,
      statement_timeout: e.DATABASE_STATEMENT_TIMEOUT_MS,
      query_timeout: e.DATABASE_STATEMENT_TIMEOUT_MS + 1_000,
      idleTimeoutMillis: 30_000,
      keepAlive: true,
    },
    {
      onPoolError: (err) => logger().warn({ err: err.message }, "database pool error"),
      onConnectionError: (err) => logger().warn({ err: err.message }, "database connection error"),
    },
  );
  return new PrismaClient({
    adapter,
    // With a pool of one (embedded dev database) transactions may queue behind each other.
    transactionOptions: max === 1 ? { maxWait: 10_000, timeout: 15_000 } : { maxWait: 5_000, timeout: 10_000 },
  });
}

export function db(): PrismaClient {
  globalForPrisma.prisma ??= createClient();
  return globalForPrisma.prisma;
}

const UNAVAILABLE_PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2028"]);
// SQLSTATE classes: 08 connection exception, 53 insufficient resources, 57 operator intervention
// (57014 = statement timeout / cancel, 57P01 = admin shutdown).
const UNAVAILABLE_SQLSTATE = /^(08|53|57)/;
const UNAVAILABLE_MESSAGE =
  /ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|EPIPE|Connection terminated|timeout exceeded when trying to connect|Query read timeout|statement timeout|canceling statement|DatabaseNotReachable|ConnectionClosed|SocketTimeout|TooManyConnections|Can't reach database|server closed the connection|terminating connection|Connection refused|Timed out fetching a new connection/i;

/** True when `error` means the database cannot be reached or answered too slowly (→ 503). */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 5) return false;
  const e = error as {
    name?: unknown;
    code?: unknown;
    message?: unknown;
    cause?: unknown;
    meta?: unknown;
    errorCode?: unknown;
  };
  if (e.name === "PrismaClientInitializationError" || e.name === "PrismaClientRustPanicError") return true;
  const code = typeof e.code === "string" ? e.code : typeof e.errorCode === "string" ? e.errorCode : undefined;
  if (code && (UNAVAILABLE_PRISMA_CODES.has(code) || (/^[0-9A-Z]{5}$/.test(code) && UNAVAILABLE_SQLSTATE.test(code))))
    return true;
  if (typeof e.message === "string" && UNAVAILABLE_MESSAGE.test(e.message)) return true;
  if (e.meta && typeof e.meta === "object") {
    const meta = e.meta as { driverAdapterError?: unknown; code?: unknown };
    if (isDatabaseUnavailable(meta.driverAdapterError, depth + 1)) return true;
    if (typeof meta.code === "string" && UNAVAILABLE_SQLSTATE.test(meta.code)) return true;
  }
  return isDatabaseUnavailable(e.cause, depth + 1);
}
