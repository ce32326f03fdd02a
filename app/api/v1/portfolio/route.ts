import { evaluatePortfolio, portfolioInputSchema } from "@/lib/engine";
import { route } from "@/lib/server/route";

// Public portfolio API (contract v1.1 "Portfolio"): several workloads, one deployment plan. Pure
// computation, no cookies (other sites may call it); same wrapper, limits and 400 / 413 shapes as /api/v1/evaluate.
export const POST = route({ body: portfolioInputSchema, limits: "api", crossOrigin: true }, ({ body }) =>
  Response.json(evaluatePortfolio(body), { headers: { "cache-control": "no-store" } }),
);
