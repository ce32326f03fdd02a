import { PrismaPg } from "@prisma/adapter-pg";
import { describe, expect, it } from "vitest";
import { PrismaClient } from "@/generated/prisma/client";
import { db } from "./db";
import { checkHealth } from "./health";

describe("checkHealth against a real PostgreSQL", () => {
  it("reports ok when the database answers", async () => {
    const report = await checkHealth();
    expect(report).toMatchObject({ status: "ok", db: "ok" });
  });

  it("reports the database unreachable, without throwing, when nothing listens", async () => {
    // Port 1 on loopback: connection refused, the same error a stopped server gives.
    const down = new PrismaClient({
      adapter: new PrismaPg({ connectionString: "postgresql://postgres@127.0.0.1:1/none", connectionTimeoutMillis: 2_000 }),
    });
    try {
      await expect(checkHealth(down)).resolves.toMatchObject({ status: "degraded", db: "unreachable" });
    } finally {
      await down.$disconnect();
    }
  });

  it("sees the committed migrations applied (tables exist)", async () => {
    const rows = await db().$queryRaw<{ table_name: string }[]>`
      SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`;
    const names = rows.map((r) => r.table_name);
    expect(names).toEqual(expect.arrayContaining(["User", "Project", "Revision", "ShareLink", "_prisma_migrations"]));
  });
});
