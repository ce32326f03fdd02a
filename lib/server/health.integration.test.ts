import { describe, expect, it } from "vitest";
import { checkHealth } from "./health";
import { db } from "./db";

describe("checkHealth against a real PostgreSQL", () => {
  it("reports ok when the database answers", async () => {
    const report = await checkHealth();
    expect(report).toMatchObject({ status: "ok", db: "ok" });
  });

  it("sees the committed migrations applied (tables exist)", async () => {
    const rows = await db().$queryRaw<{ table_name: string }[]>`
      SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`;
    const names = rows.map((r) => r.table_name);
    expect(names).toEqual(expect.arrayContaining(["User", "Project", "Revision", "ShareLink", "_prisma_migrations"]));
  });
});
