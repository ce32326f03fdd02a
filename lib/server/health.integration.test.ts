import { PrismaPg } from "@prisma/adapter-pg";
import { describe, expect, it } from "vitest";
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
      adapter: new PrismaPg({ connectionString: "postgresql://postgres@127.0.0.1:1/none", connectionTimeoutMillis: 2_000 }),
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
  it("reports Redis unreachable (not ready) when REDIS_URL points at nothing, and ok when it answers", async () => {
    const { vi } = await import("vitest");
    for (const [url, expected] of [
      ["redis://127.0.0.1:1", "unreachable"],
      [process.env.REDIS_TEST_URL ?? "redis://127.0.0.1:6379", "ok"],
    ] as const) {
      vi.stubEnv("REDIS_URL", url);
      vi.resetModules();
      delete (globalThis as { rentorownLimits?: unknown }).rentorownLimits;
      const health = await import("./health");
      const limits = await import("./rate-limit");
      if (expected === "ok") await limits.redisReady();
      const report = await health.checkReadiness(undefined, 1_000);
      expect(report.redis).toBe(expected);
      expect(report.status).toBe(expected === "ok" ? "ready" : "unavailable");
      limits.redis()?.disconnect();
    }
    vi.unstubAllEnvs();
  });
});
