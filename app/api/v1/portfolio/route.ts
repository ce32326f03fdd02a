import { evaluatePortfolio, portfolioInputSchema } from "@/lib/engine";
import { route } from "@/lib/server/route";

// Public portfolio API (contract v1.1 "Portfolio"): several workloads, one deployment plan. Pure
// computation, same wrapper (and so the same 400 / 413 shapes) as /api/v1/evaluate.
export const POST = route({ body: portfolioInputSchema }, ({ body }) =>
  Response.json(evaluatePortfolio(body), { headers: { "cache-control": "no-store" } }),
);
