import { portfolioInputSchema } from "@/lib/engine";
import { engineResponse } from "@/lib/server/engine-pool";
import { portfolioShapeQuerySchema } from "@/lib/server/response-shape";
import { route } from "@/lib/server/route";

// Public portfolio API (contract v1.1 "Portfolio"): several workloads, one deployment plan. Pure
// computation, no cookies (other sites may call it); same wrapper, limits and 400 / 413 shapes as /api/v1/evaluate.
// Evaluated in the engine worker pool; `?include=` selects the fields of each workload's `standalone`
// evaluation (contract v1.2; default: the fields v1/v1.1 name), which bounds the response (documented maximum in the contract).
export const POST = route(
  { body: portfolioInputSchema, query: portfolioShapeQuerySchema, limits: "api", crossOrigin: true },
  ({ body, query }) => engineResponse("portfolio", body, query),
);
