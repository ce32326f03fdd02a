import "server-only";
import type { PrismaClient } from "@/generated/prisma/client";
import { db } from "./db";

export type HealthReport = { status: "ok" | "degraded"; db: "ok" | "unreachable"; latencyMs: number };

/** Pings the database with a trivial query; never throws (a down database is a status, not a crash). */
export async function checkHealth(client: Pick<PrismaClient, "$queryRaw"> = db()): Promise<HealthReport> {
  const started = performance.now();
  try {
    await client.$queryRaw`SELECT 1`;
    return { status: "ok", db: "ok", latencyMs: Math.round(performance.now() - started) };
  } catch {
    return { status: "degraded", db: "unreachable", latencyMs: Math.round(performance.now() - started) };
  }
}
