import { catalog as currentCatalog, type Catalog } from "./catalog";
import { steadyMonthlyCurve } from "./economics";
import { verdictOf, verdictRules } from "./evaluate";
import { resolveModel, type Model } from "./model";
import { conflicts } from "./rules";
import {
  assessmentInputSchema,
  OPTIONS,
  type AssessmentInput,
  type Option,
  type ParsedAssessmentInput,
} from "./schema";
import {
  drawValue,
  quantileSorted,
  runDraws,
  summarize,
  type Band,
  type Draws,
  type DrawOptions,
  type Uncertainty,
  type UncertaintyBands,
  type VerdictEngine,
} from "./uncertainty";

export type { Band, Uncertainty, UncertaintyBands };

// The uncertainty of an assessment (contract v1.2): the Monte Carlo of lib/engine/uncertainty run with
// evaluate.ts's own verdict, summarised, with P10–P90 bands for the cumulative-cost and cost-vs-volume charts.

export type UncertaintyOptions = DrawOptions & {
  /** Bands for the charts: the number of draws they use (default 200; 0 = none) and the volume chart's points. */
  bands?: { draws?: number; tokensPerDay?: readonly number[] };
};

const ENGINE: VerdictEngine = { verdict: (m, c, rules) => verdictOf(m, c, { lite: true, rules }), rules: verdictRules };

/** Default number of draws behind the charts' bands (a band is a 10th–90th percentile: 200 draws put ~20 beyond each edge). */
const BAND_DRAWS = 200;

function bandsOf(
  d: Draws,
  catalog: Catalog,
  opts: NonNullable<UncertaintyOptions["bands"]>,
): UncertaintyBands | undefined {
  const k = Math.min(d.n, Math.max(0, Math.floor(opts.draws ?? BAND_DRAWS)));
  if (k <= 0) return undefined;
  const picks = Array.from({ length: k }, (_, j) => Math.floor(((j + 0.5) * d.n) / k));
  const cum: Record<Option, number[][]> = { api: [], "hosted-open": [], "self-hosted": [], hybrid: [] };
  const vol: Record<Option, number[][]> = { api: [], "hosted-open": [], "self-hosted": [], hybrid: [] };
  const xs = opts.tokensPerDay;
  for (const i of picks) {
    const p = d.modelOf(i);
    const v = verdictOf(p.model, catalog, { rules: p.rules });
    for (const o of OPTIONS) {
      let s = 0;
      cum[o].push(v.costs[o].monthlyUsd.map((x) => (s += x)));
    }
    if (xs?.length) {
      const c = steadyMonthlyCurve(p.model, xs, p.rules.ctx.spillTargets);
      for (const o of OPTIONS) vol[o].push(c[o]);
    }
  }
  const band = (series: number[][]): Band => {
    const len = series[0]?.length ?? 0;
    const p10: number[] = [];
    const p90: number[] = [];
    const col = new Float64Array(series.length);
    for (let t = 0; t < len; t++) {
      for (let j = 0; j < series.length; j++) col[j] = series[j]![t]!;
      col.sort();
      p10.push(quantileSorted(col, 0.1));
      p90.push(quantileSorted(col, 0.9));
    }
    return { p10, p90 };
  };
  const out: UncertaintyBands = {
    draws: k,
    cumulative: {
      api: band(cum.api),
      "hosted-open": band(cum["hosted-open"]),
      "self-hosted": band(cum["self-hosted"]),
      hybrid: band(cum.hybrid),
    },
  };
  if (xs?.length)
    out.volume = {
      tokensPerDay: [...xs],
      api: band(vol.api),
      "hosted-open": band(vol["hosted-open"]),
      "self-hosted": band(vol["self-hosted"]),
      hybrid: band(vol.hybrid),
    };
  return out;
}

/** The Monte Carlo of a model already resolved from a parsed input with this catalog. */
export function uncertaintyOfModel(
  m: Model,
  catalog: Catalog = currentCatalog,
  opts: UncertaintyOptions = {},
): Uncertainty {
  const base = verdictOf(m, catalog, { lite: true });
  const d = runDraws(m, catalog, ENGINE, opts);
  const summary = summarize(
    d,
    { verdict: base.recommendation, usable: base.ranking.filter((r) => !r.excluded).map((r) => r.option) },
    catalog.uncertainty.version,
    (f, i) => drawValue(d.figures[f]!, d.z[f * d.n + i]!, d.spread),
  );
  const c = catalog.policy.confidence;
  const found = conflicts(m, base.excluded).length;
  const confidence =
    Math.round(Math.min(c.max, Math.max(c.min, summary.verdictHolds - c.conflictPenalty * found)) * 100) / 100;
  const bands = opts.bands === undefined ? undefined : bandsOf(d, catalog, opts.bands);
  return bands ? { ...summary, confidence, bands } : { ...summary, confidence };
}

/**
 * Pure and deterministic: the same input, catalog and seed give the same answer. Throws only on
 * schema-invalid input. `opts.bands` adds the charts' P10–P90 bands.
 */
export function evaluateUncertainty(
  rawInput: AssessmentInput | ParsedAssessmentInput,
  catalog: Catalog = currentCatalog,
  opts: UncertaintyOptions = {},
): Uncertainty {
  return uncertaintyOfModel(resolveModel(assessmentInputSchema.parse(rawInput), catalog), catalog, opts);
}

/** Exported for the tests and the bench: the raw draws with evaluate's verdict. */
export function drawsOf(m: Model, catalog: Catalog = currentCatalog, opts: DrawOptions = {}): Draws {
  return runDraws(m, catalog, ENGINE, opts);
}
