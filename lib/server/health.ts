import "server-only";
import type { PrismaClient } from "@/generated/prisma/client";
import { db } from "./db";
import { env } from "./env";
import { redis, redisReady } from "./rate-limit";

// Liveness (/api/health): the process answers; it never touches a dependency, so an orchestrator
// does not restart healthy instances because PostgreSQL blinked.
// Readiness (/api/ready): PostgreSQL answers within a timeout, so a load balancer stops routing to
// an instance that cannot serve. Redis is reported but is no readiness dependency: without it each
// instance limits on its own in-process counters and keeps serving, so a Redis outage must not
// drain the whole fleet (issue #25); the body says `degraded: ["redis"]`. Neither ever throws or hangs.

export const READY_TIMEOUT_MS = 2_000;

export type Check = "ok" | "unreachable" | "not_configured";
export type ReadinessReport = {
  status: "ready" | "unavailable";
  db: Check;
  redis: Check;
  degraded: Array<"redis">;
  latencyMs: number;
};

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
    p.then(
      (v) => (clearTimeout(t), resolve(v)),
      (e) => (clearTimeout(t), reject(e)),
    );
  });
}

async function probe(fn: () => Promise<unknown>, timeoutMs: number): Promise<Check> {
  try {
    await withTimeout(fn(), timeoutMs);
    return "ok";
  } catch {
    return "unreachable";
  }
}

export async function checkReadiness(
  client: Pick<PrismaClient, "$queryRaw"> = db(),
  timeoutMs = READY_TIMEOUT_MS,
  include = { redis: true },
): Promise<ReadinessReport> {
  const started = performance.now();
  const r = include.redis && env().REDIS_URL ? redis() : undefined;
  const [dbCheck, redisCheck] = await Promise.all([
    probe(() => client.$queryRaw`SELECT 1`, timeoutMs),
    // A connection still opening is waited for (the first check after start), not counted as down.
    r
      ? probe(async () => (await redisReady(timeoutMs), r.ping()), timeoutMs)
      : Promise.resolve<Check>("not_configured"),
  ]);
  return {
    status: dbCheck === "ok" ? "ready" : "unavailable",
    db: dbCheck,
    redis: redisCheck,
    degraded: redisCheck === "unreachable" ? ["redis"] : [],
    latencyMs: Math.round(performance.now() - started),
  };
}

export function liveness() {
  return { status: "ok" as const, uptimeSeconds: Math.round(process.uptime()) };
}
