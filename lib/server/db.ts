import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";
import { env, requireDatabaseUrl } from "./env";

// One client per process, created on first use (so `next build` needs no database) and kept on
// globalThis so hot reloads in development do not open a new pool each time.
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

function createClient(): PrismaClient {
  const max = env().DATABASE_POOL_MAX;
  const adapter = new PrismaPg({
    connectionString: requireDatabaseUrl(),
    max,
    // Fail fast when the server is down instead of hanging a request (health answers 503).
    connectionTimeoutMillis: 5_000,
  });
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
