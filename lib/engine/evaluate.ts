import type { Uncertainty } from "./uncertainty/types";
import { catalog as currentCatalog, figureOf, type Catalog } from "./catalog";
import { hostedSpillOf } from "./economics/spill";
import { breakEven, sensitivity, type BreakEvenPoint, type SensitivityRow } from "./break-even";
import {
  growthSaturation,
  optionCosts,
  optionTcos,
  resolvedGpuSource,
  termTable,
  priceFactor,
  type HybridContext,
  type OptionCost,
  type OptionTco,
  type TermRow,
} from "./economics";
import { heldOverrideText, resolveModel } from "./model";
import type { AssumptionRow, Model, PriceOverride } from "./types";
import {
  confidenceOf,
  conflicts,
  exclusions,
  keyReasons,
  optionLabel,
  score,
  type Conflict,
  type Exclusion,
  type RankedOption,
  type Reason,
} from "./rules";
import { premiumReason } from "./rules/verdict";
import { controlOverruled } from "./rules/control";
import { assessmentInputSchema, type AssessmentInput, type Option, type ParsedAssessmentInput } from "./schema";
import { volumeHolds, whatWouldChange, type VerdictProbe, type WhatWouldChange } from "./what-would-change";
import { capacitySummary, type CapacitySummary } from "./capacity";
import { fmtMs } from "./capacity/choose";
import { volumeCurve, type VolumePoint } from "./volume-curve";
import { headlineOf, type Headline } from "./headline";
import { requirementsOf, roundTargetUp, type Requirements } from "./requirements";

export type { VolumePoint };

export type EconomicsSummary = {
  /** Every rental term and owning for the chosen GPU, USD per GPU-hour in month 1 (owned: all in). */
  gpuTerms: TermRow[];
  /** Price multiples at the end of the horizon vs today (API, hosted open weights, rented GPUs). */
  priceTrends: { api: number; hostedOpen: number; gpu: number; months: number };
  /** Growth that reaches `growth.maxMultiple` within the horizon. */
  growthSaturation: { month: number; multiple: number } | null;
};

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
  /** Contract v1.1: the verdict's TCO minus the cheapest usable option's (0 when it is the cheapest). */
  costPremiumUsd: number;
  /** Contract v1.1: the nearest value of each figure that matters at which the verdict changes. */
  whatWouldChange: WhatWouldChange[];
  /** v1.2: present when no volume from a hundredth to a hundred times the input's changes the verdict (whatWouldChange then has no volume line). */
  volumeHolds?: { from: number; lo: number; hi: number; text: string };
  breakEven: Record<"api" | "hosted-open", BreakEvenPoint>;
  sensitivity: SensitivityRow[];
  economics: EconomicsSummary;
  catalogVersion: string;
  catalogAsOf: string;
  /** Every figure used, with its value, catalog value, source and as-of date. */
  assumptions: AssumptionRow[];
  /** What is being compared: the proprietary model, the open model and the GPU. */
  comparison: {
    apiTier: string;
    apiModel: string;
    hostedModel: string;
    openModel: string;
    gpu: string;
    gpuSource: string;
    gpuTerm: string;
    /** v1.2 */ apiModelId: string;
    /** v1.2: the open model the hosted quote prices. */ hostedModelId: string;
  };
  /** v1.2: every price override, the model it was set on and whether it prices the model in use (held when the model changed). */
  priceOverrides: PriceOverride[];
  /** Steady monthly cost of each option across daily volumes (for the cost-vs-volume chart). */
  volumeCurve: VolumePoint[];
  tokensPerDay: number;
  horizonMonths: number;
  /** Self-hosting capacity: the configuration chosen, the SLO it is sized at, utilization, every option's latency vs the target. */
  capacity: CapacitySummary;
  /**
   * Contract v1.2: how sure the verdict is (evaluate-uncertainty.ts). Never set by evaluate() (it runs no
   * draws); attached by the callers that run the uncertainty: the result page, the PDF, `?include=uncertainty`.
   */
  uncertainty?: Uncertainty;
  /**
   * v1.2: the recommended option misses the p95 target (only when no option meets it, so none is ruled
   * out for it): its p95, the target, and the nearest target it would meet (rounded up: 10 ms below 1 s,
   * 100 ms above). null when the verdict meets the target.
   */
  latencyMiss: { option: Option; ms: number; targetMs: number; metAtMs: number; text: string } | null;
  /** v1.2: every option ruled out and why (`rule` "no-split": a hybrid whose cheapest split is a pure option, not a requirement). */
  exclusions: { option: Option; rule: string; text: string }[];
  /** v1.2: each hard requirement that binds, relaxed on its own (probes), and the cost of each added back from none (waterfall). */
  requirements: Requirements;
  /** v1.2: the verdict against its closest usable rival (TCO margin, cumulative overtaking month, volume crossing, the margin's tornado, captions). */
  headline: Headline;
};

const metAt = roundTargetUp;

/** The verdict's latency against the target when it misses it (a hard requirement the closest fit cannot meet). */
function latencyMissOf(m: Model, option: Option): Evaluation["latencyMiss"] {
  const l = m.latency[option];
  if (l.feasible || l.contextExceeded) return null;
  const what = m.input.latency.measure === "first-token" ? "to the first token" : "for the full response";
  const at = metAt(l.ms);
  const fastest = (["api", "hosted-open", "self-hosted"] as const)
    .map((o) => m.latency[o])
    .filter((x) => !x.contextExceeded)
    .reduce((a, b) => (b.ms < a.ms ? b : a), l);
  const faster =
    fastest.option !== option
      ? ` ${optionLabel(fastest.option)}, the fastest option, would meet ${fmtMs(metAt(fastest.ms))}.`
      : "";
  const text = `${optionLabel(option)} misses your p95 target of ${fmtMs(l.targetMs)} (~${fmtMs(l.ms)} ${what} with ${l.model}); no option meets it, so this is the closest fit. A ${fmtMs(at)} target would be met.${faster}`;
  return { option, ms: l.ms, targetMs: l.targetMs, metAtMs: at, text };
}

export type Verdict<C extends OptionTco = OptionCost> = {
  costs: Record<Option, C>;
  excluded: Exclusion[];
  complianceNotes: Reason[];
  ranking: RankedOption[];
  reasons: Reason[];
  recommendation: Option;
};

/**
 * The verdict's cost-independent part: hard rules (with the hybrid's inherited ones), where a hybrid may
 * spill and at what hosted price. whatWouldChange computes it once: its figures (volume, prices, staff,
 * growth, horizon) move costs, never these (what-would-change.test.ts checks it at every probe).
 */
export type VerdictRules = { hard: Exclusion[]; inherited: Exclusion[]; complianceNotes: Reason[]; ctx: HybridContext };

export function verdictRules(m: Model, catalog: Catalog): VerdictRules {
  const { excluded: hard, complianceNotes } = exclusions(m, catalog);
  // The hybrid may spill to the same open model at a hosted provider unless a rule other than frontier quality keeps it off.
  // A spill never goes to a model that cannot read the request (context window), even when the
  // "no option left" relaxation of the context rule keeps that pure option priced.
  const apiReads = !m.latency.api.contextExceeded;
  const hostedBlocked =
    hard.some((e) => e.option === "hosted-open" && e.rule !== "quality") || !!m.latency["hosted-open"].contextExceeded;
  const readable: ("api" | "hosted-open")[] = [
    ...(apiReads ? (["api"] as const) : []),
    ...(hostedBlocked ? [] : (["hosted-open"] as const)),
  ];
  // Nor to one that misses the latency target: with readable targets but none fast enough, nothing can
  // be routed out (an empty list: the hybrid is self-hosting, economics/costs.ts hybridCost).
  const fast = readable.filter((o) => m.latency[o].feasible);
  const spillTargets: ("api" | "hosted-open")[] = fast.length ? fast : readable.length ? [] : ["api"];
  const inherited: Exclusion[] = [];
  // A hybrid inherits the context rule of its external part: its frontier share (or, with no readable
  // spill target, its overflow) would go to an API model that cannot read the request.
  if (
    !apiReads &&
    !hard.some((e) => e.option === "hybrid") &&
    (m.input.capability.frontier === "required" || !readable.length)
  ) {
    inherited.push({
      option: "hybrid",
      rule: "context",
      text: `its ${m.input.capability.frontier === "required" ? "frontier share" : "overflow"} would go to the proprietary API, and ${m.latency.api.text}`,
    });
  }
  // A hybrid inherits the hard rules of its own-GPU part: if the open model cannot run in house
  // (context, latency, capacity), no share of the traffic can either.
  const selfRule = hard.find((e) => e.option === "self-hosted" && e.rule !== "quality"); // quality: the hybrid keeps open weights for the routine share only
  if (selfRule && !hard.some((e) => e.option === "hybrid"))
    inherited.push({ option: "hybrid", rule: selfRule.rule, text: `its own-GPU part is ruled out: ${selfRule.text}` });
  return { hard, inherited, complianceNotes, ctx: { spillTargets, hostedSpill: hostedSpillOf(m, catalog) } };
}

/** Pure options' costs a verdict may take as known (whatWouldChange: the base model's, for options a figure cannot move). */
export type KnownCosts = Partial<Record<"api" | "hosted-open" | "self-hosted", OptionTco>>;

type VerdictOpts = { rules?: VerdictRules; known?: KnownCosts };

/**
 * The verdict alone: hard rules, every option's cost (the hybrid optimised under the rules), scores
 * with cost binding. `evaluate` and `whatWouldChange` (which re-runs it at each probe, with the rules
 * computed once and the costs a figure cannot move reused) share it. `lite`: the ranking without
 * reasons, on the options' TCOs alone (optionTcos: no series, breakdowns or texts).
 */
export function verdictOf(m: Model, catalog: Catalog, opts: VerdictOpts & { lite: true }): Verdict<OptionTco>;
export function verdictOf(
  m: Model,
  catalog: Catalog,
  opts?: VerdictOpts & { lite?: false; known?: Partial<Record<"api" | "hosted-open" | "self-hosted", OptionCost>> },
): Verdict;
export function verdictOf(m: Model, catalog: Catalog, opts: VerdictOpts & { lite?: boolean } = {}): Verdict<OptionTco> {
  const { hard, inherited, complianceNotes, ctx } = opts.rules ?? verdictRules(m, catalog);
  const minShare = figureOf(catalog, "economics.hybrid.minShare").value;
  const costs: Record<Option, OptionTco> = opts.lite
    ? optionTcos(m, ctx, minShare, opts.known)
    : optionCosts(m, ctx, minShare, opts.known as Partial<Record<"api" | "hosted-open" | "self-hosted", OptionCost>>);
  const excluded = [...hard, ...inherited];
  const pure = excluded.some((e) => e.option === "hybrid") ? null : costs.hybrid.split?.pure;
  // Text read on demand (verdict probes never read it, nor get it).
  if (pure)
    excluded.push(
      opts.lite
        ? { option: "hybrid", rule: "no-split", text: "" }
        : {
            option: "hybrid",
            rule: "no-split",
            get text() {
              return costs.hybrid.split!.text!;
            },
          },
    );
  const { ranking, reasons } = score(m, catalog, costs, excluded, opts);
  return { costs, excluded, complianceNotes, ranking, reasons, recommendation: ranking[0]!.option };
}

/** whatWouldChange's verdict: the lite verdict, with the cost-independent rules computed once per search. */
export const liteVerdict: VerdictProbe<VerdictRules> = {
  verdict: (m, c, hints) => verdictOf(m, c, { lite: true, ...hints }),
  rules: verdictRules,
};

/** Pure and deterministic: same input and catalog, same Evaluation. Throws only on schema-invalid input. */
export function evaluate(
  rawInput: AssessmentInput | ParsedAssessmentInput,
  catalog: Catalog = currentCatalog,
): Evaluation {
  return evaluateModel(resolveModel(assessmentInputSchema.parse(rawInput), catalog), catalog);
}

/**
 * The evaluation of a model already resolved from a parsed input with this catalog (`resolveModel`):
 * what evaluate does after parsing and resolving. The portfolio resolves each workload once and passes
 * the model here and to its own pricing.
 */
export function evaluateModel(m: Model, catalog: Catalog = currentCatalog): Evaluation {
  const input = m.input;
  const rules = verdictRules(m, catalog);
  const v = verdictOf(m, catalog, { rules });
  const { costs, excluded, complianceNotes, ranking, reasons, recommendation } = v;
  const found = conflicts(m, excluded);
  const be = breakEven(m, costs);
  const tpd = m.tokensPerDay;
  const hardRules: Reason[] = excluded
    .filter((e) => e.rule !== "no-split")
    .map((e): Reason => ({
      factor: e.rule,
      kind: "rule",
      favours: "self-hosted" as Option,
      weight: 1,
      text: `${optionLabel(e.option)} is ruled out: ${e.text}`,
    }));
  const dedupedRules = hardRules.filter((r, i) => hardRules.findIndex((x) => x.text === r.text) === i);
  const premium = premiumReason(m, costs, ranking, reasons, catalog);
  // Full control asked for and overruled by the API verdict: said plainly, with what control costs (lowers confidence as a conflict).
  const overruled = controlOverruled(m, catalog, costs, ranking, excluded);
  if (overruled) found.push(overruled.conflict);
  const gpu = resolvedGpuSource(input);
  const notes: Reason[] = [];
  // capacity: which open model × GPU self-hosting runs and why; the API model priced when the tier default cannot serve the workload.
  notes.push({ factor: "capacity", kind: "note", favours: "self-hosted", weight: 0, text: m.capacity.why });
  if (m.apiSwitch) notes.push({ factor: "apiModel", kind: "note", favours: "api", weight: 0, text: m.apiSwitch });
  if (m.contextDecided)
    notes.push({ factor: "contextWindow", kind: "note", favours: recommendation, weight: 0, text: m.contextDecided });
  for (const o of m.priceOverrides)
    if (!o.applied)
      notes.push({ factor: "override", kind: "note", favours: o.option, weight: 0, text: heldOverrideText(o) });
  if (gpu.forced && (recommendation === "self-hosted" || recommendation === "hybrid"))
    notes.push({ factor: "gpuSource", favours: recommendation, weight: 0, text: gpu.forced });
  const sat = growthSaturation(m);
  if (sat) {
    notes.push({
      factor: "growth",
      favours: recommendation,
      weight: 0,
      text: `At ${input.volume.monthlyGrowthPct}% a month your volume would pass ${sat.multiple}× today's by month ${sat.month}; RentOrOwn holds it there (growth saturates) rather than price an unbounded curve. Re-run the assessment as the product grows.`,
    });
  }
  const horizon = input.strategy.horizonMonths;
  const miss = latencyMissOf(m, recommendation);
  const missReason: Reason[] = miss
    ? [{ factor: "latencyMiss", kind: "note", favours: recommendation, weight: 0, text: miss.text }]
    : [];
  // The verdict's reasons: hard rules first, then the premium it costs, factors favouring the verdict (heaviest first), then the rest.
  const ordered = [
    ...dedupedRules.map((r) => ({ ...r, favours: recommendation })),
    ...missReason,
    ...(premium.reason ? [premium.reason] : []),
    ...(overruled ? [overruled.reason] : []),
    ...notes,
    ...complianceNotes,
    ...reasons.filter((r) => r.favours === recommendation).sort((a, b) => b.weight - a.weight),
    ...reasons.filter((r) => r.favours !== recommendation).sort((a, b) => b.weight - a.weight),
  ];
  const last = Math.max(0, horizon - 1);
  const curve = volumeCurve(m, catalog, tpd, be, rules.ctx.spillTargets);
  const headline = headlineOf(
    m,
    catalog,
    { recommendation, ranking, costs, horizonMonths: horizon, tokensPerDay: tpd },
    curve.map((p) => p.tokensPerDay),
    rules.ctx.spillTargets,
    (mm) => verdictOf(mm, catalog, { lite: true, rules }).costs,
  );
  // Ruled out by a hard rule (not a degenerate split, which volume or prices can undo).
  const wwc = whatWouldChange(
    m,
    catalog,
    liteVerdict,
    recommendation,
    [...new Set(excluded.filter((x) => x.rule !== "no-split").map((x) => x.option))],
    costs,
  );
  const holds = volumeHolds(m, recommendation, wwc);
  return {
    recommendation,
    recommendationLabel: optionLabel(recommendation),
    // A verdict that misses a stated requirement counts it as one more conflict and is never above the policy's base confidence.
    confidence: miss
      ? Math.min(catalog.policy.confidence.base, confidenceOf(catalog, ranking, found.length + 1))
      : confidenceOf(catalog, ranking, found.length),
    ranking,
    reasons: ordered,
    keyReasons: [...missReason, ...keyReasons(reasons, ranking)],
    conflicts: found,
    costs,
    costPremiumUsd: premium.costPremiumUsd,
    whatWouldChange: wwc,
    ...(holds ? { volumeHolds: holds } : {}),
    breakEven: be,
    sensitivity: sensitivity(m, catalog, { "self-hosted": costs["self-hosted"].monthlyUsd, api: costs.api.monthlyUsd }),
    economics: {
      gpuTerms: termTable(m, catalog),
      priceTrends: {
        api: priceFactor(m, "api", last),
        hostedOpen: priceFactor(m, "hosted-open", last),
        gpu: priceFactor(m, "gpu", last),
        months: horizon,
      },
      growthSaturation: sat,
    },
    catalogVersion: catalog.catalogVersion,
    catalogAsOf: catalog.asOf,
    assumptions: m.rows,
    comparison: {
      apiTier: m.apiTier,
      apiModel: m.apiModelLabel,
      hostedModel: m.hostedModelLabel,
      openModel: m.openModelLabel,
      gpu: m.gpuLabel,
      gpuSource: gpu.source,
      gpuTerm: gpu.term,
      apiModelId: m.apiRef.id,
      hostedModelId: m.hostedQuote.modelId,
    },
    priceOverrides: m.priceOverrides,
    // The hybrid at each volume collapses to the same pure options as the horizon decision (where it may spill).
    volumeCurve: curve,
    tokensPerDay: tpd,
    horizonMonths: horizon,
    capacity: capacitySummary(m),
    latencyMiss: miss,
    exclusions: excluded.map((x) => ({ option: x.option, rule: x.rule, text: x.text })),
    headline,
    requirements: requirementsOf(m, { recommendation, costs, ranking }, (relaxed) => {
      const mm = resolveModel(relaxed, catalog);
      return verdictOf(mm, catalog, { lite: true });
    }),
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
export function listAssumptions(
  rawInput: AssessmentInput | ParsedAssessmentInput = REFERENCE_INPUT,
  catalog: Catalog = currentCatalog,
): AssumptionRow[] {
  return resolveModel(assessmentInputSchema.parse(rawInput), catalog).rows;
}
