import { assessmentInputSchema, evaluate } from "@/lib/engine";
import { route } from "@/lib/server/route";

// Public engine API (contract: docs/assessment-api-v1.md). Pure computation, no auth,
// no cookies: other sites may call it (no same-origin check); generous per-IP rate limit.
export const POST = route({ body: assessmentInputSchema, limits: "api", crossOrigin: true }, ({ body }) =>
  Response.json(evaluate(body), { headers: { "cache-control": "no-store" } }),
);
