import { assessmentInputSchema } from "@/lib/engine";
import { engineResponse } from "@/lib/server/engine-pool";
import { shapeQuerySchema } from "@/lib/server/response-shape";
import { route } from "@/lib/server/route";

// Public engine API (contract: docs/assessment-api-v1.md). Pure computation, no auth,
// no cookies: other sites may call it (no same-origin check); generous per-IP rate limit.
// The evaluation runs in the engine worker pool (lib/server/engine-pool.ts), never on this thread;
// `?include=` and `?precision=` shape the answer (contract v1.2); Next.js gzips it when the client accepts that.
export const POST = route(
  { body: assessmentInputSchema, query: shapeQuerySchema, limits: "api", crossOrigin: true },
  ({ body, query }) => engineResponse("evaluate", body, query),
);
