import { afterAll, inject } from "vitest";

// Point the app's Prisma singleton at the throw-away database before any test imports it.
process.env.DATABASE_URL = inject("databaseUrl");
process.env.DATABASE_POOL_MAX = "4";

afterAll(async () => {
  const { db } = await import("@/lib/server/db");
  await db().$disconnect();
});
