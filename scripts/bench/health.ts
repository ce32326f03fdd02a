// Times the readiness check (one round trip through Prisma to PostgreSQL) on a throw-away database.
import { createMigratedDatabase, dropDatabase } from "../../test/databases";
import { measure, report } from "./_stats";

const { name, url } = await createMigratedDatabase("rentorown_bench");
process.env.DATABASE_URL = url;
try {
  const { checkReadiness } = await import("../../lib/server/health");
  const { db } = await import("../../lib/server/db");
  const s = await measure(async () => {
    const r = await checkReadiness();
    if (r.db !== "ok") throw new Error("database unreachable during benchmark");
  }, 500);
  report("checkReadiness (SELECT 1 via Prisma)", s);
  await db().$disconnect();
} finally {
  await dropDatabase(name);
}
