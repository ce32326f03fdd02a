import { PrismaPg } from "@prisma/adapter-pg";
import { afterEach, describe, expect, it, vi } from "vitest";
import { PrismaClient } from "@/generated/prisma/client";
import { db } from "./db";
import { checkReadiness, liveness } from "./health";

describe("readiness against a real PostgreSQL", () => {
  it("is ready when the database answers", async () => {
    expect(await checkReadiness()).toMatchObject({ status: "ready", db: "ok" });
  });

  it("reports the database unreachable, without throwing, when nothing listens", async () => {
    // Port 1 on loopback: connection refused, the same error a stopped server gives.
    const down = new PrismaClient({
      adapter: new PrismaPg({
        connectionString: "postgresql://postgres@127.0.0.1:1/none",
        connectionTimeoutMillis: 2_000,
      }),
    });
    try {
      await expect(checkReadiness(down)).resolves.toMatchObject({ status: "unavailable", db: "unreachable" });
    } finally {
      await down.$disconnect();
    }
  });

  it("gives up on a database that never answers after its timeout instead of hanging", async () => {
    const hanging = { $queryRaw: () => new Promise(() => {}) } as unknown as Parameters<typeof checkReadiness>[0];
    const report = await checkReadiness(hanging, 300);
    expect(report).toMatchObject({ status: "unavailable", db: "unreachable" });
  });

  it("liveness never touches the database", () => {
    expect(liveness()).toMatchObject({ status: "ok" });
  });

  it("sees the committed migrations applied (tables exist)", async () => {
    const rows = await db().$queryRaw<{ table_name: string }[]>`
      SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`;
    const names = rows.map((r) => r.table_name);
    expect(names).toEqual(expect.arrayContaining(["User", "Project", "Revision", "ShareLink", "_prisma_migrations"]));
  });
});

describe("readiness with Redis", () => {
  async function freshModules(url: string) {
    vi.stubEnv("REDIS_URL", url);
    vi.resetModules();
    delete (globalThis as { rentorownLimits?: unknown }).rentorownLimits;
    return { health: await import("./health"), limits: await import("./rate-limit") };
  }
  afterEach(() => vi.unstubAllEnvs());

  // Issue #25: Redis down made every instance unready although each keeps serving on in-process
  // limits, so a load balancer drained the whole fleet.
  it("stays ready with Redis unreachable, saying Redis is degraded", async () => {
    const { health, limits } = await freshModules("redis://127.0.0.1:1");
    const report = await health.checkReadiness(undefined, 1_000);
    expect(report).toMatchObject({ status: "ready", db: "ok", redis: "unreachable", degraded: ["redis"] });
    limits.redis()?.disconnect();
  });

  // Issue #25: the first check after start reported Redis unreachable while the connection opened.
  it("reports a working Redis ok on the very first check after start", async () => {
    const { health, limits } = await freshModules(process.env.REDIS_TEST_URL ?? "redis://127.0.0.1:6379");
    const report = await health.checkReadiness(undefined, 1_500);
    expect(report).toMatchObject({ status: "ready", redis: "ok", degraded: [] });
    limits.redis()?.disconnect();
  });
});
