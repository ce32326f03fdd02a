import { z } from "zod";
import { checkReadiness } from "@/lib/server/health";
import { route } from "@/lib/server/route";

// Readiness: PostgreSQL answers within a timeout (503 otherwise). Redis down is `degraded`, still 200.
// `?only=db` checks the database alone (proxy.ts uses it before rendering a shared page).
export const dynamic = "force-dynamic";

export const GET = route({ query: z.object({ only: z.enum(["db"]).optional() }) }, async ({ query }) => {
  const report = await checkReadiness(undefined, undefined, { redis: query.only !== "db" });
  return Response.json(report, {
    status: report.status === "ready" ? 200 : 503,
    headers: { "cache-control": "no-store", ...(report.status === "ready" ? {} : { "retry-after": "5" }) },
  });
});
