import { catalog as currentCatalog, type Catalog } from "./catalog";
import { optionCost, steadyMonthlyUsd, tokensPerDayOf, type OptionCost } from "./costs";
import { BREAK_EVEN_RANGE, breakEven, sensitivity, type BreakEvenPoint, type SensitivityRow } from "./break-even";
import { resolveModel, type AssumptionRow } from "./model";
import { confidenceOf, conflicts, exclusions, keyReasons, optionLabel, score, type Conflict, type RankedOption, type Reason } from "./rules";
import { assessmentInputSchema, OPTIONS, type AssessmentInput, type Option, type ParsedAssessmentInput } from "./schema";

export type VolumePoint = { tokensPerDay: number } & Record<Option, number>;

export type Evaluation = {
  recommendation: Option;
  recommendationLabel: string;
  confidence: number;
  ranking: RankedOption[];
  reasons: Reason[];
  /** The few factors that most separate the verdict from the runner-up (for the verdict card). */
  keyReasons: Reason[];
  conflicts: Conflict[];
  costs: Record<Option, OptionCost>;
  breakEven: Record<"api" | "hosted-open", BreakEvenPoint>;
  sensitivity: SensitivityRow[];
  catalogVersion: string;
  catalogAsOf: string;
  /** Every figure used, with its value, catalog value, source and as-of date. */
  assumptions: AssumptionRow[];
  /** What is being compared: the proprietary model, the open model and the GPU. */
  comparison: { apiTier: string; apiModel: string; hostedModel: string; openModel: string; gpu: string; gpuSource: string };
  /** Steady monthly cost of each option across daily volumes (for the cost-vs-volume chart). */
  volumeCurve: VolumePoint[];
  tokensPerDay: number;
  horizonMonths: number;
};

function volumeCurve(m: ReturnType<typeof resolveModel>, tpd: number, be: Record<"api" | "hosted-open", BreakEvenPoint>): VolumePoint[] {
  const marks = [tpd, be.api.tokensPerDay, be["hosted-open"].tokensPerDay].filter((x): x is number => !!x && x > 0);
  const lo = Math.max(BREAK_EVEN_RANGE.minTokensPerDay, Math.min(...marks.map((x) => x / 30), tpd > 0 ? tpd / 30 : 1e4));
  const hi = Math.min(BREAK_EVEN_RANGE.maxTokensPerDay, Math.max(...marks.map((x) => x * 10), 1e7));
  const n = 41;
  const step = Math.log(hi / lo) / (n - 1);
  const points: VolumePoint[] = [];
  for (let i = 0; i < n; i++) {
    const x = lo * Math.exp(step * i);
    points.push({
      tokensPerDay: x,
      api: steadyMonthlyUsd(m, "api", x),
      "hosted-open": steadyMonthlyUsd(m, "hosted-open", x),
      "self-hosted": steadyMonthlyUsd(m, "self-hosted", x),
      hybrid: steadyMonthlyUsd(m, "hybrid", x),
    });
  }
  return points;
}

/** Pure and deterministic: same input and catalog, same Evaluation. Throws only on schema-invalid input. */
export function evaluate(rawInput: AssessmentInput | ParsedAssessmentInput, catalog: Catalog = currentCatalog): Evaluation {
  const input = assessmentInputSchema.parse(rawInput);
  const m = resolveModel(input, catalog);
  const costs = Object.fromEntries(OPTIONS.map((o) => [o, optionCost(m, o)])) as Record<Option, OptionCost>;
  const { excluded, complianceNotes } = exclusions(m, catalog);
  const { ranking, reasons } = score(m, catalog, costs, excluded);
  const found = conflicts(m, excluded);
  const be = breakEven(m, costs);
  const recommendation = ranking[0]!.option;
  const tpd = tokensPerDayOf(m);
  const hardRules: Reason[] = excluded.map((e) => ({ factor: `rule:${e.rule}`, favours: "self-hosted" as Option, weight: 1, text: `${optionLabel(e.option)} is ruled out: ${e.text}` }));
  const dedupedRules = hardRules.filter((r, i) => hardRules.findIndex((x) => x.text === r.text) === i);
  // The verdict's reasons: hard rules first, then factors favouring the verdict (heaviest first), then the rest.
  const ordered = [
    ...dedupedRules.map((r) => ({ ...r, favours: recommendation })),
    ...complianceNotes,
    ...reasons.filter((r) => r.favours === recommendation).sort((a, b) => b.weight - a.weight),
    ...reasons.filter((r) => r.favours !== recommendation).sort((a, b) => b.weight - a.weight),
  ];
  return {
    recommendation,
    recommendationLabel: optionLabel(recommendation),
    confidence: confidenceOf(catalog, ranking, found.length),
    ranking,
    reasons: ordered,
    keyReasons: keyReasons(reasons, ranking),
    conflicts: found,
    costs,
    breakEven: be,
    sensitivity: sensitivity(m, catalog),
    catalogVersion: catalog.catalogVersion,
    catalogAsOf: catalog.asOf,
    assumptions: m.rows,
    comparison: {
      apiTier: m.apiTier,
      apiModel: m.apiModelLabel,
      hostedModel: m.hostedModelLabel,
      openModel: m.openModelLabel,
      gpu: m.gpuLabel,
      gpuSource: input.deployment.gpuSource,
    },
    volumeCurve: volumeCurve(m, tpd, be),
    tokensPerDay: tpd,
    horizonMonths: input.strategy.horizonMonths,
  };
}

/**
 * A representative input for listing figures when no assessment is given: a mid-tier workload at the
 * research notes' 3:1 input:output ratio (§3.1) on the catalog defaults (H100 from a GPU cloud).
 */
export const REFERENCE_INPUT: AssessmentInput = {
  volume: { requestsPerDay: 10_000, inputTokensPerRequest: 750, outputTokensPerRequest: 250 },
  data: { sensitivity: "internal" },
  team: { mlOpsMaturity: "basic" },
  latency: { p95TargetMs: 2_000 },
  capability: { frontier: "helpful" },
};

/**
 * Every figure the engine would use for this input (the assumptions panel, the /catalog page and the
 * PDF): value after overrides, catalog value, low/high spread, unit, source and as-of date. Without an
 * input, the figures for REFERENCE_INPUT.
 */
export function listAssumptions(rawInput: AssessmentInput | ParsedAssessmentInput = REFERENCE_INPUT, catalog: Catalog = currentCatalog): AssumptionRow[] {
  return resolveModel(assessmentInputSchema.parse(rawInput), catalog).rows;
}
