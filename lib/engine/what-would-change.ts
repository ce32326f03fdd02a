import type { Catalog } from "./catalog";
import { resolvedGpuSource, type OptionTco } from "./economics";
import { resolveModel } from "./model";
import type { Model } from "./types";
import { tokensPerDayOfVolume } from "./units";
import type { AssumptionKey, Option, ParsedAssessmentInput } from "./schema";
import { formatPct, formatTokens, formatUsd } from "./text";
import { OPTIONS } from "./enums";
import { OPTION_LABELS } from "./vocabulary";

// What would change the verdict (contract v1.1 `whatWouldChange`): for the volume and each figure that
// matters, the nearest value inside its plausible range at which the verdict changes, everything else
// held. Found by scanning a few points out from the value in use on each side, then bisecting on the
// verdict; `to` is the first value (to the tolerance) that gives `becomes`, so re-evaluating there
// reproduces it.

export type WhatWouldChange = { assumption: string; from: number; to: number; becomes: Option; text: string };

type Probe = {
  assumption: string;
  from: number;
  lo: number;
  hi: number;
  scale: "log" | "linear" | "int";
  apply: (input: ParsedAssessmentInput, x: number) => ParsedAssessmentInput;
  /** The same change on the resolved model (fast path for the scan; the reported flip is re-checked through `apply`). */
  patch: (m: Model, x: number) => Model;
  say: (to: number, from: number, becomes: string) => string;
  /** Scan interior points too when the range end keeps the verdict (volume: the verdict need not move one way with it). */
  grid?: boolean;
};

/** The volumes whatWouldChange searches: a hundredth to a hundred times the input's requests a day (within 1 and 1e10). */
export function volumeSearchRange(requestsPerDay: number): { lo: number; hi: number } {
  return { lo: Math.max(1, requestsPerDay / 100), hi: Math.min(1e10, requestsPerDay * 100) };
}

/**
 * Said when no volume in the searched range changes the verdict (Evaluation.volumeHolds, v1.2): the volume
 * is always searched, so an answer without a volume line says it held, and over which range.
 */
export function volumeHolds(
  m: Model,
  base: Option,
  found: readonly WhatWouldChange[],
): { from: number; lo: number; hi: number; text: string } | undefined {
  const from = m.input.volume.requestsPerDay;
  if (!(from > 0) || found.some((w) => w.assumption === "volume.requestsPerDay")) return undefined;
  const { lo, hi } = volumeSearchRange(from);
  return {
    from,
    lo,
    hi,
    text: `No volume from ${formatTokens(lo)} to ${formatTokens(hi)} requests a day (a hundredth to a hundred times your ${formatTokens(from)}) changes the verdict: ${OPTION_LABELS[base]} stays the answer across that range.`,
  };
}

const withAssumption = (
  input: ParsedAssessmentInput,
  patch: Partial<Record<AssumptionKey, number>>,
): ParsedAssessmentInput => ({
  ...input,
  assumptions: { ...(input.assumptions ?? {}), ...patch },
});

/** The model with another input (volume, growth, horizon): tokens per day follow the volume. */
function withInput(m: Model, input: ParsedAssessmentInput): Model {
  const out = { ...m, input } as Model & { tokensPerDay?: number };
  if ("tokensPerDay" in m) out.tokensPerDay = tokensPerDayOfVolume(input.volume);
  return out;
}

const r2 = (x: number) => (Math.abs(x) >= 100 ? Math.round(x) : Math.round(x * 100) / 100);
const num = (x: number) => (Math.abs(x) >= 1e4 ? formatTokens(x) : `${r2(x)}`);

/** Options each figure can move: a probe is skipped when every option it moves is ruled out by a hard rule. */
const MOVES: Record<string, Option[]> = {
  "api.outputUsdPerMTok": ["api", "hybrid"],
  "api.priceDeclinePerYear": ["api", "hybrid"],
  "hybrid.frontierRoutedShare": ["hybrid"],
};
const OWN_GPU: Option[] = ["self-hosted", "hybrid"];
/**
 * Pure options whose cost a figure cannot move: a probe reuses the base model's cost for them instead of
 * re-costing (what-would-change.test.ts checks every claim against a fresh computation). Volume, growth
 * and horizon move every option; GPU rate and engineer cost also move hosted open weights' fine-tuning.
 */
type Priced = "api" | "hosted-open" | "self-hosted";
export const KEEPS: Record<string, Priced[]> = {
  "api.outputUsdPerMTok": ["hosted-open", "self-hosted"],
  "api.priceDeclinePerYear": ["hosted-open", "self-hosted"],
  "hybrid.frontierRoutedShare": ["api", "hosted-open", "self-hosted"],
  "selfHosted.tokensPerSecondPerReplica": ["api", "hosted-open"],
  "selfHosted.targetUtilization": ["api", "hosted-open"],
  "people.ftePer100Gpus": ["api", "hosted-open"],
  "owned.serverPriceUsd": ["api", "hosted-open"],
  "gpu.usdPerHour": ["api"],
  "people.loadedEngineerUsdPerYear": ["api"],
};
/** Probes whose figure changes what resolveModel chooses, so a flip there is confirmed by a full re-resolve. */
const RESOLVES = new Set([
  "volume.requestsPerDay",
  "volume.monthlyGrowthPct",
  "strategy.horizonMonths",
  "gpu.usdPerHour",
  "owned.serverPriceUsd",
]);

/** Exported for the tests (what-would-change.test.ts). */
export function probes(m: Model): Probe[] {
  const input = m.input;
  const v = m.values;
  const row = (k: AssumptionKey) => m.rows.find((r) => r.key === k)!;
  const out: Probe[] = [];
  const rpd = input.volume.requestsPerDay;
  if (rpd > 0) {
    out.push({
      assumption: "volume.requestsPerDay",
      from: rpd,
      ...volumeSearchRange(rpd),
      scale: "log",
      grid: true,
      apply: (i, x) => ({ ...i, volume: { ...i.volume, requestsPerDay: x } }),
      patch: (mm, x) => withInput(mm, { ...mm.input, volume: { ...mm.input.volume, requestsPerDay: x } }),
      say: (to, from, b) =>
        `If your volume ${to > from ? "passes" : "falls below"} ${formatTokens(to)} requests a day (now ${formatTokens(from)}), ${b} wins.`,
    });
  }
  const apiIn = v["api.inputUsdPerMTok"];
  const apiCached = v["api.cachedInputUsdPerMTok"];
  const apiOut = v["api.outputUsdPerMTok"];
  if (apiOut > 0) {
    out.push({
      assumption: "api.outputUsdPerMTok",
      from: apiOut,
      lo: apiOut * 0.1,
      hi: apiOut * 3,
      scale: "log",
      apply: (i, x) => {
        const s = x / apiOut;
        return withAssumption(i, {
          "api.inputUsdPerMTok": apiIn * s,
          "api.cachedInputUsdPerMTok": apiCached * s,
          "api.outputUsdPerMTok": x,
        });
      },
      patch: (mm, x) => {
        const s = x / apiOut;
        // An override replaces the list price and its context tiers (as resolveModel does).
        return {
          ...mm,
          apiPrice: {
            inputUsdPerMTok: apiIn * s,
            cachedInputUsdPerMTok: apiCached * s,
            outputUsdPerMTok: x,
            tiers: [],
          },
        };
      },
      say: (to, from, b) =>
        `If ${m.apiModelLabel}'s prices ${to < from ? "fall" : "rise"} ${formatPct(Math.abs(1 - to / from), 0)} (output ${formatUsd(to)} instead of ${formatUsd(from)} per million tokens, input and cached input alike), ${b} wins.`,
    });
  }
  const range = (k: AssumptionKey, label: string, fmt: (x: number) => string, widen = 1) => {
    const r = row(k);
    const from = v[k];
    const scale = r.catalogValue ? from / r.catalogValue : 1;
    const lo = Math.min(from, r.low * scale) / widen;
    const hi = Math.max(from, r.high * scale) * widen;
    if (!(hi > lo)) return;
    out.push({
      assumption: k,
      from,
      lo,
      hi,
      scale: lo > 0 ? "log" : "linear",
      apply: (i, x) => withAssumption(i, { [k]: x }),
      patch: (mm, x) => ({ ...mm, values: { ...mm.values, [k]: x }, input: withAssumption(mm.input, { [k]: x }) }),
      say: (to, f, b) => `If ${label} ${to > f ? "rises" : "falls"} to ${fmt(to)} (now ${fmt(f)}), ${b} wins.`,
    });
  };
  const owned = resolvedGpuSource(input).source === "owned" && input.assumptions?.["gpu.usdPerHour"] === undefined;
  if (owned) range("owned.serverPriceUsd", `an 8-GPU ${m.gpuLabel} server's price`, formatUsd, 1.5);
  else range("gpu.usdPerHour", `the ${m.gpuLabel} rate`, (x) => `${formatUsd(x)} per GPU-hour`, 1.5);
  range(
    "selfHosted.tokensPerSecondPerReplica",
    "the throughput of one replica under your latency target",
    (x) => `${num(x)} tokens/s`,
  );
  range("selfHosted.targetUtilization", "the GPU utilization you plan for", (x) => formatPct(x, 0));
  range("people.loadedEngineerUsdPerYear", "an engineer's loaded cost", (x) => `${formatUsd(x)} a year`);
  range("people.ftePer100Gpus", "the operations staff per 100 GPUs", (x) => `${r2(x)} FTE`);
  range("api.priceDeclinePerYear", "the yearly API price decline", (x) => formatPct(x, 0));
  if (input.capability.frontier === "required")
    range("hybrid.frontierRoutedShare", "the share of requests that need the frontier model", (x) => formatPct(x, 0));
  const g = input.volume.monthlyGrowthPct;
  out.push({
    assumption: "volume.monthlyGrowthPct",
    from: g,
    lo: 0,
    hi: Math.max(30, g),
    scale: "linear",
    apply: (i, x) => ({ ...i, volume: { ...i.volume, monthlyGrowthPct: x } }),
    patch: (mm, x) => withInput(mm, { ...mm.input, volume: { ...mm.input.volume, monthlyGrowthPct: x } }),
    say: (to, f, b) => `If volume grows ${r2(to)}% a month (now ${r2(f)}%), ${b} wins.`,
  });
  const h = input.strategy.horizonMonths;
  out.push({
    assumption: "strategy.horizonMonths",
    from: h,
    lo: 6,
    hi: 60,
    scale: "int",
    apply: (i, x) => ({ ...i, strategy: { ...i.strategy, horizonMonths: Math.round(x) } }),
    patch: (mm, x) => withInput(mm, { ...mm.input, strategy: { ...mm.input.strategy, horizonMonths: Math.round(x) } }),
    say: (to, f, b) => `Over a ${Math.round(to)}-month horizon (now ${f}), ${b} wins.`,
  });
  return out;
}

type ModelVerdict = (m: Model) => Option;
/** Bisection tolerance, as a share of the figure's plausible range. */
const TOLERANCE = 1e-3;

/**
 * Nearest flip on one side, cheap enough to run on every evaluation: the verdict at the end of the
 * range first (the figures move costs one way, so a flip inside shows there), then the nearest of
 * 1/8, 1/4, 1/2 of the way that already flips (by binary search over the three), then bisection between it
 * and the last point that did not.
 */
type Bracket = {
  /** Where the bracket started (the last scan point that kept the verdict). */
  near: number;
  /** The flip is beyond this value (the bracket's end that keeps the verdict). */
  lower: () => number;
  done: () => boolean;
  /** One bisection step. */
  step: () => void;
  result: () => { to: number; becomes: Option };
};

function flipTowards(m: Model, p: Probe, end: number, base: Option, verdict: ModelVerdict): Bracket | null {
  if (end === p.from) return null;
  // Memoised per probe: a point the scan already priced is never priced again.
  const seen = new Map<number, Option>();
  const ev = (x: number) => {
    const k = p.scale === "int" ? Math.round(x) : x;
    let o = seen.get(k);
    if (o === undefined) seen.set(k, (o = verdict(p.patch(m, k))));
    return o;
  };
  // Bisection stops at a relative tolerance of TOLERANCE of the figure's range (log or linear), at most 7 steps.
  const width = (a: number, b: number) =>
    p.scale === "log" && a > 0 && b > 0
      ? Math.abs(Math.log(b / a)) / Math.log(p.hi / p.lo)
      : Math.abs(b - a) / Math.max(p.hi - p.lo, 1e-9);
  const mix = (a: number, b: number, t: number) =>
    p.scale === "log" && a > 0 && b > 0 ? a * (b / a) ** t : a + (b - a) * t;
  let ob = ev(end);
  let a = p.from;
  let b = end;
  if (ob === base) {
    // The end keeps the verdict; with `grid`, a flip may still lie inside (another option wins in between): a quarter, half and three quarters of the way.
    if (!p.grid) return null;
    let inside = false;
    for (const t of [1 / 4, 1 / 2, 3 / 4]) {
      const x = mix(p.from, end, t);
      const o = ev(x);
      if (o !== base) {
        b = x;
        ob = o;
        inside = true;
        break;
      }
      a = x;
    }
    if (!inside) return null;
    return bisector(p, a, b, ob, base, ev, width, mix);
  }
  // The scan points' bracket, found by binary search over them: 1/4 first, then 1/8 or 1/2 (two verdicts,
  // the same bracket as trying 1/8, 1/4, 1/2 in turn whenever the verdict changes once along the way).
  const at = (t: number) => {
    const x = mix(p.from, end, t);
    const o = ev(x);
    if (o !== base) {
      b = x;
      ob = o;
      return true;
    }
    a = x;
    return false;
  };
  if (at(1 / 4)) at(1 / 8);
  else at(1 / 2);
  return bisector(p, a, b, ob, base, ev, width, mix);
}

/**
 * The scan brackets the flip in (a, b]; bisection narrows it one step at a time (the caller steps the
 * side that can still hold the nearest flip), at most 7 steps, to TOLERANCE of the range.
 */
function bisector(
  p: Probe,
  a: number,
  b: number,
  ob: Option,
  base: Option,
  ev: (x: number) => Option,
  width: (a: number, b: number) => number,
  mix: (a: number, b: number, t: number) => number,
): Bracket {
  let steps = 0;
  const br: Bracket = {
    near: a,
    lower: () => a,
    done: () => steps >= 7 || (p.scale === "int" && Math.abs(b - a) <= 1) || width(a, b) <= TOLERANCE,
    step: () => {
      steps++;
      const mid = mix(a, b, 0.5);
      const om = ev(mid);
      if (om === base) a = mid;
      else {
        b = mid;
        ob = om;
      }
    },
    result: () => ({ to: p.scale === "int" ? Math.round(b) : b, becomes: ob }),
  };
  return br;
}

/** What a probe is given besides the model: the rules computed once and the costs its figure cannot move. */
export type ProbeHints<R> = { rules?: R; known?: Partial<Record<Priced, OptionTco>> };

/**
 * How whatWouldChange prices a verdict, passed by the caller (evaluate.ts `liteVerdict`: the lite verdictOf and
 * verdictRules) rather than imported, since evaluate imports this file. `rules` is optional: without it (e.g. a
 * test's counting wrapper) every probe computes its own rules.
 */
export type VerdictProbe<R = unknown> = {
  verdict: (
    m: Model,
    catalog: Catalog,
    hints?: ProbeHints<R>,
  ) => { recommendation: Option; costs: Record<Option, OptionTco> };
  rules?: (m: Model, catalog: Catalog) => R;
};

/**
 * `costs`: the base model's option costs when the caller has them (evaluate's verdict); otherwise they
 * are computed once here. Probes reuse them for the options a figure cannot move (KEEPS).
 */
export function whatWouldChange<R>(
  m: Model,
  catalog: Catalog,
  probe: VerdictProbe<R>,
  base: Option,
  ruledOut: readonly Option[] = [],
  costs?: Record<Option, OptionTco>,
): WhatWouldChange[] {
  const out: (WhatWouldChange & { d: number })[] = [];
  // Hard rules do not move with these figures (volume, prices, staff, growth, horizon): with one option left, nothing flips.
  const open = OPTIONS.filter((o) => !ruledOut.includes(o));
  if (open.length <= 1) return [];
  // Nor do the verdict's other cost-independent parts (spill targets, the hosted spill price): computed once.
  const rules = probe.rules?.(m, catalog);
  const verdictOfModel = probe.verdict;
  // What evaluate() answers at another input: resolved afresh (the open model × GPU chosen there), then the verdict.
  const fullVerdict = (input: ParsedAssessmentInput) =>
    verdictOfModel(resolveModel(input, catalog), catalog).recommendation;
  let baseCosts = costs;
  for (const p of probes(m)) {
    const moves =
      MOVES[p.assumption] ??
      (p.assumption.startsWith("volume.") || p.assumption.startsWith("strategy.") ? null : OWN_GPU);
    if (moves && moves.every((o) => ruledOut.includes(o))) continue;
    const keeps = KEEPS[p.assumption] ?? [];
    if (keeps.length && !baseCosts) baseCosts = verdictOfModel(m, catalog, { rules }).costs;
    const known = Object.fromEntries(keeps.map((o) => [o, baseCosts![o]])) as Partial<Record<Priced, OptionTco>>;
    const fast: ModelVerdict = (mm) => verdictOfModel(mm, catalog, { rules, known }).recommendation;
    const dist = (x: number) =>
      p.scale === "log"
        ? Math.abs(Math.log(x / p.from)) / Math.log(p.hi / p.lo)
        : Math.abs(x - p.from) / Math.max(p.hi - p.lo, 1e-9);
    // Both sides scanned; the side whose bracket starts nearer is bisected first, the other only if its
    // bracket starts nearer than the flip found.
    const brackets = [flipTowards(m, p, p.lo, base, fast), flipTowards(m, p, p.hi, base, fast)]
      .filter((x): x is Bracket => !!x)
      .sort((a, b) => dist(a.near) - dist(b.near));
    // Best first: step the side whose flip could be nearest (the smallest lower end) until the nearest
    // flip is pinned: a side stops once its lower end is no nearer than a flip already pinned. Each side
    // bisects exactly as it would alone, so the flip reported is the one refining both sides in full gives.
    const found: { to: number; becomes: Option }[] = [];
    const open = [...brackets];
    for (;;) {
      const best = found.length ? Math.min(...found.map((f) => dist(f.to))) : Infinity;
      let pick = -1;
      for (let i = 0; i < open.length; i++)
        if (dist(open[i]!.lower()) < best && (pick < 0 || dist(open[i]!.lower()) < dist(open[pick]!.lower()))) pick = i;
      if (pick < 0) break;
      const br = open[pick]!;
      if (br.done()) {
        found.push(br.result());
        open.splice(pick, 1);
      } else br.step();
    }
    found.sort((a, b) => dist(a.to) - dist(b.to));
    // Only the nearest flip is reported, so only it is confirmed, once. Figures the capacity model reads
    // when it picks the open model × GPU (volume, growth, horizon, the GPU price) are re-evaluated the way
    // evaluate() would at that point (a full re-resolve): only a confirmed flip is reported. The others
    // only enter the costs, which the patched model prices exactly (tests re-evaluate every reported flip).
    let f: { to: number; becomes: Option; resolved?: true } | undefined = found[0];
    // Volume moves what resolveModel picks (the open model × GPU), which the patched probes hold: with no
    // flip found on them, the top of the range (where a larger fleet may pick another configuration) is
    // re-evaluated in full, and a flip there is pinned the same way (one full resolve, ~1 ms, when none is).
    if (!f && p.grid) f = resolvedFlip(p, m, fullVerdict, base);
    if (!f) continue;
    const confirmed = f.resolved
      ? f.becomes
      : RESOLVES.has(p.assumption)
        ? fullVerdict(p.apply(m.input, f.to))
        : f.becomes;
    if (confirmed === base) continue;
    out.push({
      assumption: p.assumption,
      from: p.from,
      to: f.to,
      becomes: confirmed,
      text: p.say(f.to, p.from, OPTION_LABELS[confirmed]),
      d: dist(f.to),
    });
  }
  // Nearest flips first (relative distance within each figure's range): what is closest to changing the answer.
  return out.sort((a, b) => a.d - b.d).map(({ d: _d, ...w }) => w);
}

/** The flip towards the top of the range with every point re-resolved (volume probes whose patched scan found none). */
function resolvedFlip(
  p: Probe,
  m: Model,
  fullVerdict: (input: ParsedAssessmentInput) => Option,
  base: Option,
): { to: number; becomes: Option; resolved: true } | undefined {
  const full = (x: number) => fullVerdict(p.apply(m.input, x));
  let nearest: { to: number; becomes: Option; resolved: true } | undefined;
  const dist = (x: number) => Math.abs(Math.log(x / p.from));
  for (const end of [p.hi]) {
    if (end === p.from) continue;
    const at = full(end);
    if (at === base) continue;
    const seen = new Map<number, Option>([[end, at]]);
    const ev = (x: number) => {
      let o = seen.get(x);
      if (o === undefined) seen.set(x, (o = full(x)));
      return o;
    };
    const width = (a: number, b: number) => Math.abs(Math.log(b / a)) / Math.log(p.hi / p.lo);
    const mix = (a: number, b: number, t: number) => a * (b / a) ** t;
    const br = bisector(p, p.from, end, at, base, ev, width, mix);
    while (!br.done()) br.step();
    const r = { ...br.result(), resolved: true as const };
    if (!nearest || dist(r.to) < dist(nearest.to)) nearest = r;
  }
  return nearest;
}
