import { assessmentInputSchema, evaluate } from "@/lib/engine";
import { route } from "@/lib/server/route";

// Public engine API (contract: shared/contracts/assessment-api-v1.md). Pure computation, no auth.
export const POST = route({ body: assessmentInputSchema }, ({ body }) =>
  Response.json(evaluate(body), { headers: { "cache-control": "no-store" } }),
);
