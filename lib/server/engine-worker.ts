// The engine worker's entry (bundled by scripts/build-engine-worker.mjs into generated/engine-worker.mjs
// and run in the worker threads of lib/server/engine-pool.ts): evaluates, shapes the response
// (response-shape.ts) and serialises it, so the web server's thread does none of that work. It does not
// compress: Next.js drops a route handler's own Content-Encoding (send-response.ts) and gzips the
// response itself when the client accepts it. No "server-only" import here: the bundle runs outside Next.js.
import {
  evaluate,
  evaluatePortfolio,
  evaluateUncertainty,
  type AssessmentInput,
  type Evaluation,
  type PortfolioInput,
} from "@/lib/engine";
import { pickFields, shapePortfolio, toJson, type Shape } from "./response-shape";

export type EngineTask = {
  kind: "evaluate" | "portfolio";
  /** Already validated by the route (its zod schema), defaults filled in. */
  input: unknown;
  shape: Shape;
};

/** The response body: UTF-8 JSON. */
export type EngineResult = { body: Uint8Array };

/** One task: the evaluation as response bytes. Also called in-process by tests (same code, no thread). */
export function runEngineTask(task: EngineTask): EngineResult {
  const value =
    task.kind === "evaluate"
      ? pickFields(evaluation(task.input as AssessmentInput, task.shape), task.shape.fields)
      : shapePortfolio(evaluatePortfolio(task.input as PortfolioInput), task.shape.fields);
  return { body: new TextEncoder().encode(toJson(value, task.shape.precision)) };
}

/** evaluate(), with the uncertainty's draws attached only when the request names that field. */
function evaluation(input: AssessmentInput, shape: Shape): Evaluation {
  const e = evaluate(input);
  return shape.fields.includes("uncertainty") ? { ...e, uncertainty: evaluateUncertainty(input) } : e;
}

export default runEngineTask;
