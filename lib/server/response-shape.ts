import { z } from "zod";
import type { Evaluation, PortfolioEvaluation } from "@/lib/engine";

// Lean API responses (contract v1.2, docs/assessment-api-v1.md "Response shaping"): which top-level
// fields of an Evaluation a response carries (`?include=`) and how precisely numbers are written
// (`?precision=`). Pure and dependency-free beyond zod: it runs inside the engine worker
// (lib/server/engine-worker.ts) as well as in the route handlers' query validation.

/** Every top-level field of an Evaluation (a field the engine adds fails the type check until it is listed). */
export const EVALUATION_FIELDS = [
  "recommendation",
  "recommendationLabel",
  "confidence",
  "ranking",
  "reasons",
  "keyReasons",
  "conflicts",
  "costs",
  "costPremiumUsd",
  "whatWouldChange",
  "breakEven",
  "sensitivity",
  "economics",
  "catalogVersion",
  "catalogAsOf",
  "assumptions",
  "comparison",
  "priceOverrides",
  "volumeCurve",
  "tokensPerDay",
  "horizonMonths",
  "capacity",
  "volumeHolds",
  "latencyMiss",
  "headline",
  "exclusions",
  "requirements",
  "uncertainty",
] as const satisfies ReadonlyArray<keyof Evaluation>;
export type EvaluationField = (typeof EVALUATION_FIELDS)[number];
// Compile-time check the other way: every key of Evaluation is listed above.
type Unlisted = Exclude<keyof Evaluation, EvaluationField>;
const everyFieldListed: [Unlisted] extends [never] ? true : Unlisted = true;
void everyFieldListed;

/**
 * The default set: every field contract v1/v1.1 names, plus the small labels a client shows next to
 * them. Left out unless asked for: `assumptions`, `capacity`, `volumeCurve`, `economics` (two thirds
 * of the bytes; what the result page's tables and charts draw).
 */
export const DEFAULT_FIELDS: readonly EvaluationField[] = [
  "recommendation",
  "recommendationLabel",
  "confidence",
  "ranking",
  "reasons",
  "keyReasons",
  "conflicts",
  "costs",
  "costPremiumUsd",
  "whatWouldChange",
  "breakEven",
  "sensitivity",
  "catalogVersion",
  "catalogAsOf",
  "comparison",
  "priceOverrides",
  "tokensPerDay",
  "horizonMonths",
  "volumeHolds",
  "latencyMiss",
  "headline",
  "exclusions",
  "requirements",
];

/**
 * Only when named: `uncertainty` is not part of evaluate()'s answer; the worker runs the draws
 * (evaluateUncertainty, seconds of CPU) only for a request that asks for it. Not in `all`, so
 * `?include=all&precision=full` stays evaluate()'s JSON byte for byte.
 */
export const OPT_IN_FIELDS: readonly EvaluationField[] = ["uncertainty"];

/** Always present, whatever `include` says: the verdict and the data it was computed from. */
const ALWAYS: readonly EvaluationField[] = ["recommendation", "catalogVersion"];

/**
 * A portfolio's `standalone` evaluations by default: exactly the fields contract v1/v1.1 name (no
 * labels, no v1.2 additions), ×20 workloads; what keeps the response under its documented maximum
 * as the Evaluation grows. `include=` asks for more, as on /api/v1/evaluate.
 */
export const PORTFOLIO_DEFAULT_FIELDS: readonly EvaluationField[] = [
  "recommendation",
  "confidence",
  "ranking",
  "reasons",
  "conflicts",
  "costs",
  "costPremiumUsd",
  "whatWouldChange",
  "breakEven",
  "sensitivity",
  "catalogVersion",
  "comparison",
];

export type Precision = "rounded" | "full";
export type Shape = { fields: readonly EvaluationField[]; precision: Precision };
export const DEFAULT_SHAPE: Shape = { fields: DEFAULT_FIELDS, precision: "rounded" };

const includeToken = z.enum(["default", "all", ...EVALUATION_FIELDS]);

/**
 * `?include=default,assumptions` / `?include=all` / `?include=recommendation,costs`, and
 * `?precision=rounded|full`; unknown names are a 400 with the zod issue like any bad input.
 * `defaults` is what no `include` (or `default`) means on the route.
 */
function shapeQuery(defaults: readonly EvaluationField[]) {
  return z
    .object({
      include: z
        .string()
        .max(1000)
        .optional()
        .transform((v, ctx) => {
          if (v === undefined) return undefined;
          const tokens = v
            .split(",")
            .map((t) => t.trim())
            .filter(Boolean);
          const out: Array<z.infer<typeof includeToken>> = [];
          for (const t of tokens) {
            const parsed = includeToken.safeParse(t);
            if (!parsed.success) {
              ctx.addIssue({
                code: "custom",
                message: `Unknown field "${t.slice(0, 40)}"; use default, all or any of: ${EVALUATION_FIELDS.join(", ")}`,
              });
              return z.NEVER;
            }
            out.push(parsed.data);
          }
          return out;
        }),
      precision: z.enum(["rounded", "full"]).default("rounded"),
    })
    .transform(({ include, precision }): Shape => ({ fields: resolveFields(include, defaults), precision }));
}

/** `POST /api/v1/evaluate`'s query. */
export const shapeQuerySchema = shapeQuery(DEFAULT_FIELDS);
/** `POST /api/v1/portfolio`'s query: the same names, applied to each workload's `standalone`. */
export const portfolioShapeQuerySchema = shapeQuery(PORTFOLIO_DEFAULT_FIELDS);

/** The fields `include` names, in one fixed order (so equal sets give equal cache keys). */
export function resolveFields(
  include: ReadonlyArray<"default" | "all" | EvaluationField> | undefined,
  defaults: readonly EvaluationField[] = DEFAULT_FIELDS,
): readonly EvaluationField[] {
  if (!include || include.length === 0) return defaults;
  const wanted = new Set<EvaluationField>(ALWAYS);
  for (const t of include) {
    if (t === "all") EVALUATION_FIELDS.filter((f) => !OPT_IN_FIELDS.includes(f)).forEach((f) => wanted.add(f));
    else if (t === "default") defaults.forEach((f) => wanted.add(f));
    else wanted.add(t);
  }
  return EVALUATION_FIELDS.filter((f) => wanted.has(f));
}

/** The Evaluation with only `fields`, in the Evaluation's own key order (so `all` is byte for byte the Evaluation). */
export function pickFields(e: Evaluation, fields: readonly EvaluationField[]): Partial<Evaluation> {
  const wanted = new Set<string>(fields);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(e)) if (wanted.has(k)) out[k] = v;
  return out as Partial<Evaluation>;
}

/** A portfolio whose workloads' `standalone` evaluations carry only `fields`; the plan is never cut. */
export function shapePortfolio(p: PortfolioEvaluation, fields: readonly EvaluationField[]): PortfolioEvaluation {
  return {
    ...p,
    workloads: p.workloads.map((w) => ({ ...w, standalone: pickFields(w.standalone, fields) as Evaluation })),
  };
}

/**
 * The contract's numbers at the precision a reader can use: amounts of 1 or more to 2 decimals (cents,
 * for USD), smaller magnitudes (shares, prices per token, confidence) to 4 significant digits.
 * Integers are untouched. A sum (tcoUsd) and its rounded parts may then differ by a few cents.
 */
export function roundNumber(x: number): number {
  if (Number.isInteger(x) || !Number.isFinite(x)) return x;
  if (Math.abs(x) >= 1) return Math.round(x * 100) / 100;
  return Number(x.toPrecision(4));
}

const roundingReplacer = (_key: string, value: unknown) => (typeof value === "number" ? roundNumber(value) : value);

/** JSON text of `value` at `precision`. */
export function toJson(value: unknown, precision: Precision): string {
  return precision === "full" ? JSON.stringify(value) : JSON.stringify(value, roundingReplacer);
}
