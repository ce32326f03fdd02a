import type { Catalog, PriceTable } from "../catalog";
import type { HybridContext, OptionTco } from "../economics";
import type { Exclusion, Reason } from "../rules";
import { tokensPerDayOfVolume, type Model } from "../model";
import { OPTIONS, type AssumptionKey, type Option } from "../schema";
import { drawValue, distributionsFor, type FigureDistribution, type UserRanges } from "./distributions";
import { sfc32 } from "./prng";

// The draws: every drawn figure perturbed together (correlated groups through one shared latent
// normal each), the model patched by spreading (as whatWouldChange's probes do), and the verdict
// re-run on the engine's own cost path (verdictOf lite: the same month loops and hybrid decision as
// evaluate, TCOs only) with the verdict's cost-independent rules computed once. The verdict and its
// rules are passed in (evaluate.ts owns them and calls this module: no import cycle).

/** The verdict's cost-independent rules as evaluate.ts computes them; the Monte Carlo patches only the hybrid's spill price. */
export type VerdictRules = { hard: Exclusion[]; inherited: Exclusion[]; complianceNotes: Reason[]; ctx: HybridContext };
/** evaluate.ts's verdictOf in its lite form (TCOs and ranking only). */
export type LiteVerdict = (
  m: Model,
  catalog: Catalog,
  rules: VerdictRules,
) => { costs: Record<Option, OptionTco>; excluded: Exclusion[]; recommendation: Option };
export type VerdictEngine = { verdict: LiteVerdict; rules: (m: Model, catalog: Catalog) => VerdictRules };

export type DrawOptions = {
  /** Number of draws (default: catalog uncertainty.draws). */
  draws?: number;
  /** 32-bit seed (default: catalog uncertainty.seed): the same seed, the same draws. */
  seed?: number;
  /** Multiplier on every figure's spread: 0 collapses every range to its value, 2 doubles it (default 1). */
  spread?: number;
  /** The user's own ranges (P10–P90), over the catalog's. */
  ranges?: UserRanges;
};

/** Raw results of the draws, column by column (typed arrays: draw i of figure f at `z[f * n + i]`). */
export type Draws = {
  n: number;
  seed: number;
  spread: number;
  figures: FigureDistribution[];
  /** Latent standard normal of each figure in each draw (the rank the figure's draw takes). */
  z: Float64Array;
  /** TCO of each option (OPTIONS order) in each draw: `tco[k * n + i]`. */
  tco: Float64Array;
  /** Index (OPTIONS order) of the verdict of each draw. */
  verdict: Uint8Array;
  /** Bit k set when option k is usable (not excluded, nor a split that is really a pure option) in the draw. */
  usable: Uint8Array;
  /** The patched model of draw i and its rules (re-built from the stored z; for the charts' bands). */
  modelOf: (i: number) => { model: Model; rules: VerdictRules };
  rules: VerdictRules;
};

function scaleSides(p: PriceTable, sIn: number, sOut: number): PriceTable {
  return {
    ...p,
    inputUsdPerMTok: p.inputUsdPerMTok * sIn,
    cachedInputUsdPerMTok: p.cachedInputUsdPerMTok * sIn,
    outputUsdPerMTok: p.outputUsdPerMTok * sOut,
    tiers: p.tiers.map((t) => ({
      ...t,
      inputUsdPerMTok: t.inputUsdPerMTok * sIn,
      cachedInputUsdPerMTok: t.cachedInputUsdPerMTok * sIn,
      outputUsdPerMTok: t.outputUsdPerMTok * sOut,
    })),
  };
}

/** Builds the patcher of one model: figure values in, patched model (and the rules' spill price) out. */
function patcher(m: Model, figures: FigureDistribution[], rules: VerdictRules) {
  const valueKeys: { f: number; key: AssumptionKey }[] = [];
  let hostedIn = -1;
  let hostedOut = -1;
  let rpd = -1;
  let growth = -1;
  figures.forEach((d, f) => {
    if (d.key === "volume.requestsPerDay") rpd = f;
    else if (d.key === "volume.monthlyGrowthPct") growth = f;
    else {
      valueKeys.push({ f, key: d.key });
      if (d.key === "hostedOpen.inputUsdPerMTok") hostedIn = f;
      if (d.key === "hostedOpen.outputUsdPerMTok") hostedOut = f;
    }
  });
  const baseIn = m.values["hostedOpen.inputUsdPerMTok"];
  const baseOut = m.values["hostedOpen.outputUsdPerMTok"];
  const spill = rules.ctx.hostedSpill;
  return (x: Float64Array): { model: Model; rules: VerdictRules } => {
    const values = { ...m.values };
    for (const { f, key } of valueKeys) values[key] = x[f]!;
    const model = { ...m, values } as Model;
    let r = rules;
    if (hostedIn >= 0 || hostedOut >= 0) {
      // Hosted prices move as the market's: the paired model's table and the hybrid's spill (the fleet's own open weights, hosted) alike.
      const sIn = hostedIn >= 0 && baseIn > 0 ? x[hostedIn]! / baseIn : 1;
      const sOut = hostedOut >= 0 && baseOut > 0 ? x[hostedOut]! / baseOut : 1;
      model.hostedPrice = scaleSides(m.hostedPrice, sIn, sOut);
      if (spill)
        r = { ...rules, ctx: { ...rules.ctx, hostedSpill: { ...spill, price: scaleSides(spill.price, sIn, sOut) } } };
    }
    if (rpd >= 0 || growth >= 0) {
      const volume = { ...m.input.volume };
      if (rpd >= 0) volume.requestsPerDay = x[rpd]!;
      if (growth >= 0) volume.monthlyGrowthPct = x[growth]!;
      model.input = { ...m.input, volume };
      model.tokensPerDay = tokensPerDayOfVolume(volume);
    }
    return { model, rules: r };
  };
}

/** The Monte Carlo over a resolved model: `n` draws of every figure's distribution, each re-priced and re-ranked. */
export function runDraws(m: Model, catalog: Catalog, engine: VerdictEngine, opts: DrawOptions = {}): Draws {
  const method = catalog.uncertainty;
  const n = Math.max(1, Math.floor(opts.draws ?? method.draws));
  const seed = (opts.seed ?? method.seed) >>> 0;
  const spread = opts.spread ?? 1;
  const figures = distributionsFor(m, catalog, opts.ranges);
  const F = figures.length;
  const G = method.groups.length;
  // Gaussian copula by one latent factor per group: z = √ρ·shared + √(1−ρ)·own, pairwise correlation ρ.
  const load = method.groups.map((g) => Math.sqrt(g.correlation));
  const rng = sfc32(seed);
  const z = new Float64Array(F * n);
  const shared = new Float64Array(G);
  for (let i = 0; i < n; i++) {
    for (let g = 0; g < G; g++) shared[g] = rng.normal();
    for (let f = 0; f < F; f++) {
      const own = rng.normal();
      const g = figures[f]!.group;
      z[f * n + i] = g < 0 ? own : load[g]! * shared[g]! + Math.sqrt(1 - load[g]! * load[g]!) * own;
    }
  }
  const rules = engine.rules(m, catalog);
  const patch = patcher(m, figures, rules);
  const x = new Float64Array(F);
  const modelAt = (i: number) => {
    for (let f = 0; f < F; f++) x[f] = drawValue(figures[f]!, z[f * n + i]!, spread);
    return patch(x);
  };
  const tco = new Float64Array(OPTIONS.length * n);
  const verdict = new Uint8Array(n);
  const usable = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const p = modelAt(i);
    const v = engine.verdict(p.model, catalog, p.rules);
    let bits = 0;
    for (let k = 0; k < OPTIONS.length; k++) {
      const o = OPTIONS[k]!;
      tco[k * n + i] = (v.costs[o] as OptionTco).tcoUsd;
      if (!v.excluded.some((e) => e.option === o)) bits |= 1 << k;
    }
    usable[i] = bits;
    verdict[i] = OPTIONS.indexOf(v.recommendation);
  }
  return { n, seed, spread, figures, z, tco, verdict, usable, modelOf: modelAt, rules };
}

export type { Option };
