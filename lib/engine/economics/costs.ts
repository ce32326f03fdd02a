import type { PriceTable } from "../catalog";
import type { Breakdown, HybridSplit, Model } from "../types";
import { DAYS_PER_MONTH } from "../units";

export type { Breakdown, HybridSplit } from "../types";
import type { Option } from "../schema";
import { formatPct, formatTokens, formatUsd } from "../text";
import { fleetCost, fleetTco, replicaSizer, usableTpsPerReplica, type FleetCost, type FleetMonth } from "./fleet";
import { fineTuningMonthlyUsd, setupUsd } from "./staff";
import {
  hybridConstraints,
  planBuffers,
  planHasLoad,
  planHybrid,
  planInto,
  probeBuffers,
  pureCandidatesOf,
  shareMemo,
  type Plan,
  type PlanBuffers,
  type ShareMemo,
} from "./hybrid-plan";
import { withHostedSpill } from "./spill";
import { gpuPricing } from "./terms";
import { capacityPeak, externalUsdPerTokenDay, tokensPerDayOf, volumeFactors } from "./tokens";
import { priceFactor, priceFactors } from "./trends";

// Monthly cost of each option over the horizon, and the hybrid's decision between its plans (hybrid-plan.ts)
// and the pure options. One implementation per formula: evaluate, break-even, sensitivity and
// whatWouldChange's probes (the TCO-only optionTcos) all call these.

export type OptionCost = {
  monthlyUsd: number[];
  tcoUsd: number;
  setupUsd: number;
  /** `null` when the option serves no tokens (contract v1.1). */
  perMillionTokensUsd: number | null;
  /** Month-1 costs by item, USD/month (setup is the one-time amount, paid in month 1; owned capex is in `fleet.capexUsd`). */
  breakdown: Breakdown;
  /** Self-hosted and hybrid: GPUs in month 1 and in the last month of the horizon. */
  gpus?: { first: number; last: number; replicasFirst: number };
  /** Self-hosted and hybrid: terms, staff, utilization, owned-hardware views. */
  fleet?: Pick<
    FleetCost,
    "gpuTerm" | "staff" | "utilization" | "capexUsd" | "depreciation" | "replicas" | "servers" | "residualBookValueUsd"
  >;
  /** Hybrid: what runs where, and why. */
  split?: HybridSplit;
};

export { setupUsd };

/** What the hybrid may do, fixed by the hard rules before any cost (evaluate.ts verdictRules). */
export type HybridContext = {
  /** External targets the spill may use (the hosted provider only when no hard rule keeps open weights off it). */
  spillTargets: ("api" | "hosted-open")[];
  /** The open model the own fleet runs, at hosted providers (catalog hostedQuote): the hosted spill's price, when sold. */
  hostedSpill?: { price: PriceTable; label: string } | null;
};

// ---- Options -----------------------------------------------------------------------------------

function sum(a: readonly number[]) {
  return a.reduce((x, y) => x + y, 0);
}

function horizonTokens(m: Model): number {
  const tpd0 = tokensPerDayOf(m);
  return sum(volumeFactors(m)) * tpd0 * DAYS_PER_MONTH;
}

function perMillion(tco: number, tokens: number): number | null {
  return tokens > 0 ? (tco / tokens) * 1e6 : null;
}

/** The token bill of month t (+ fine-tuning for hosted open weights): one formula for the series and the TCO. */
function externalMonths(m: Model, which: "api" | "hosted-open", into: number[] | null): number {
  const tpd0 = tokensPerDayOf(m);
  const k = externalUsdPerTokenDay(m, which);
  const ft = which === "hosted-open" ? fineTuningMonthlyUsd(m) : 0;
  const f = volumeFactors(m);
  const pf = priceFactors(m, which, f.length);
  let tco = 0;
  for (let t = 0; t < f.length; t++) {
    const month = tpd0 * f[t]! * k * pf[t]! + ft;
    into?.push(month);
    tco += month;
  }
  return tco;
}

/** An external option's TCO alone (verdict probes): externalMonths without the series. */
export function externalTco(m: Model, which: "api" | "hosted-open"): OptionTco {
  return { tcoUsd: externalMonths(m, which, null) };
}

export function externalCost(m: Model, which: "api" | "hosted-open"): OptionCost {
  const tpd0 = tokensPerDayOf(m);
  const k = externalUsdPerTokenDay(m, which);
  const ft = which === "hosted-open" ? fineTuningMonthlyUsd(m) : 0;
  const monthlyUsd: number[] = [];
  const tcoUsd = externalMonths(m, which, monthlyUsd);
  const breakdown: Breakdown = { tokens: tpd0 * k };
  if (ft > 0) breakdown.fineTuning = ft;
  return { monthlyUsd, tcoUsd, setupUsd: 0, perMillionTokensUsd: perMillion(tcoUsd, horizonTokens(m)), breakdown };
}

function fromFleet(m: Model, fleet: FleetCost, extra?: { externalUsd: number[]; tokensMonth1: number }): OptionCost {
  const monthlyUsd = extra ? fleet.monthlyUsd.map((x, i) => x + (extra.externalUsd[i] ?? 0)) : fleet.monthlyUsd;
  const tcoUsd = sum(monthlyUsd);
  const breakdown: Breakdown = { ...fleet.breakdown };
  if (extra) breakdown.tokens = extra.tokensMonth1;
  return {
    monthlyUsd,
    tcoUsd,
    setupUsd: fleet.setupUsd,
    perMillionTokensUsd: perMillion(tcoUsd, horizonTokens(m)),
    breakdown,
    gpus: { first: fleet.gpus.first, last: fleet.gpus.last, replicasFirst: fleet.replicas.first },
    fleet: {
      gpuTerm: fleet.gpuTerm,
      staff: fleet.staff,
      utilization: fleet.utilization,
      capexUsd: fleet.capexUsd,
      depreciation: fleet.depreciation,
      replicas: fleet.replicas,
      ...(fleet.servers ? { servers: fleet.servers } : {}),
      ...(fleet.residualBookValueUsd !== undefined ? { residualBookValueUsd: fleet.residualBookValueUsd } : {}),
    },
  };
}

/** Self-hosting's months: the fleet sized for each month's volume at the peak factor. */
function selfHostedMonths(m: Model, into: PlanBuffers): number {
  const tpd0 = tokensPerDayOf(m);
  const r = capacityPeak(m);
  const f = volumeFactors(m);
  const size = replicaSizer(m);
  for (let t = 0; t < f.length; t++) {
    into.replicas[t] = size(tpd0 * f[t]!, r);
    into.served[t] = tpd0 * f[t]!;
  }
  return f.length;
}

/** Self-hosting's TCO alone (verdict probes): the same months and fleet loop as selfHostedCost, no series. */
export function selfHostedTco(m: Model): OptionTco {
  const buf = probeBuffers(volumeFactors(m).length);
  const n = selfHostedMonths(m, buf);
  return { tcoUsd: fleetTco(m, buf.replicas, buf.served, n).tcoUsd };
}

export function selfHostedCost(m: Model): OptionCost {
  const b = planBuffers(volumeFactors(m).length);
  const n = selfHostedMonths(m, b);
  const months: FleetMonth[] = [];
  for (let t = 0; t < n; t++) months.push({ replicas: b.replicas[t]!, servedTokensPerDay: b.served[t]! });
  return fromFleet(m, fleetCost(m, months));
}

const OPTION_NAME: Record<Option, string> = {
  api: "the proprietary API",
  "hosted-open": "the hosted open-weights provider",
  "self-hosted": "self-hosting",
  hybrid: "a hybrid",
};

/** An option's TCO and, for the hybrid, which pure option its cheapest split is: all a verdict probe needs. */
export type OptionTco = { tcoUsd: number; split?: Pick<HybridSplit, "pure"> & Partial<HybridSplit> };

/** What the scoring reads of a cost: the TCO always; the rest (texts only) when the full cost is there. */
export type CostView = OptionTco & Partial<Pick<OptionCost, "fleet" | "gpus" | "perMillionTokensUsd">>;

/**
 * The hybrid's decision: the spill target whose optimised split is cheapest over the horizon (TCO by
 * the TCO-only month loops), the share it keeps in house, and whether it is really a pure option.
 * hybridCost (the full cost, with texts) and hybridTco (verdict probes) both take it from here.
 */
type HybridPick =
  | { kind: "self-only"; mode: HybridSplit["mode"]; sMin: number }
  | {
      kind: "split";
      mode: HybridSplit["mode"];
      sMin: number;
      eMin: number;
      target: "api" | "hosted-open";
      tcoUsd: number;
      share: number;
      pure: Option | null;
      sliver: number;
      spillModel: Model;
    };

// The verdict probes' plan and self-hosting months (reused: pickHybrid and optionTcos never re-enter themselves).

const API_ONLY_TARGET: readonly "api"[] = ["api"];

/** Target o's price per token in month t: today's (k) times its trend. */
function spillUnit(m: Model, o: "api" | "hosted-open", k: number, t: number): number {
  return k * priceFactor(m, o, t);
}

/** Whether spill target o costs at least the other allowed one per token in the first and the last month (the API kept on a tie today). */
function spillDominated(
  m: Model,
  o: "api" | "hosted-open",
  targets: readonly ("api" | "hosted-open")[],
  kApi: number,
  kHosted: number,
  last: number,
): boolean {
  const other = o === "api" ? "hosted-open" : "api";
  if (!targets.includes(other)) return false;
  const kO = o === "api" ? kApi : kHosted;
  const kOther = other === "api" ? kApi : kHosted;
  return (
    spillUnit(m, o, kO, 0) >= spillUnit(m, other, kOther, 0) &&
    spillUnit(m, o, kO, last) >= spillUnit(m, other, kOther, last) &&
    !(o === "api" && spillUnit(m, other, kOther, 0) === spillUnit(m, o, kO, 0))
  );
}

/** Whether pure option o costs no more than each of the other pure candidates the split may collapse to. */
function noDearerThanCandidates(
  parts: Partial<Record<Option, OptionTco>>,
  o: Option,
  candidates: readonly Option[],
): boolean {
  const c = parts[o]!.tcoUsd;
  for (const x of candidates) if (x !== o && parts[x] && !(c <= parts[x]!.tcoUsd)) return false;
  return true;
}

// The probes' served-share memo (pickHybrid never re-enters itself).
let probeShares: ShareMemo | null = null;

function pickHybrid(
  m: Model,
  ctx: HybridContext,
  parts: Partial<Record<Option, OptionTco>>,
  minShare: number,
): HybridPick {
  const { sMin, eMin, mode } = hybridConstraints(m);
  const targets = ctx.spillTargets;
  // No external model can take traffic (each misses the latency target): a split is self-hosting.
  if (!targets.length && eMin === 0 && parts["self-hosted"]) return { kind: "self-only", mode, sMin };
  // A spill target that costs at least the other per token in the first and the last month costs at
  // least as much every month (both trends are exponential): its plan can only be dearer, skip it.
  const last = Math.max(0, m.input.strategy.horizonMonths - 1);
  // Spilling to a hosted provider means the same open weights the fleet runs, where a provider sells them.
  const spillModel = withHostedSpill(m, ctx.hostedSpill);
  const list = targets.length ? targets : API_ONLY_TARGET;
  let considered: readonly ("api" | "hosted-open")[] = list;
  if (list.length > 1) {
    // Per-token price of each target at today's list price (the hosted one at the spill model's price).
    const kApi = externalUsdPerTokenDay(m, "api");
    const kHosted = externalUsdPerTokenDay(spillModel, "hosted-open");
    const kept: ("api" | "hosted-open")[] = [];
    for (const o of list) if (!spillDominated(m, o, targets, kApi, kHosted, last)) kept.push(o);
    considered = kept;
  }
  let best: { target: "api" | "hosted-open"; tcoUsd: number; servedTokens: number; totalTokens: number } | undefined;
  const n = volumeFactors(m).length;
  const buf = probeBuffers(n);
  // Both targets' plans price the same served shares (same volumes, capacity and mandatory shares): one memo.
  const shares = (probeShares = shareMemo(
    capacityPeak(m),
    usableTpsPerReplica(m),
    1 / Math.max(1 - eMin, 1e-12),
    n,
    probeShares,
  ));
  for (const target of considered) {
    const { servedTokens, totalTokens } = planInto(
      target === "hosted-open" ? spillModel : m,
      target,
      sMin,
      eMin,
      buf,
      shares,
    );
    const tcoUsd = fleetTco(m, buf.replicas, buf.served, n, { extra: buf.external }).plusExtra;
    if (!best || tcoUsd < best.tcoUsd) best = { target, tcoUsd, servedTokens, totalTokens };
  }
  const b = best!;
  const share = b.totalTokens > 0 ? b.servedTokens / b.totalTokens : sMin;
  const pureCandidates = pureCandidatesOf(sMin, eMin, ctx.spillTargets);
  let pure: Option | null = null;
  for (const o of pureCandidates) {
    const c = parts[o];
    if (c && c.tcoUsd <= b.tcoUsd + 1e-6 && (!pure || c.tcoUsd < parts[pure]!.tcoUsd)) pure = o;
  }
  // A split that sends under minShare one way is reported as the pure option it nearly is, but only
  // when that option costs about the same (within the same share); otherwise the split is real money.
  // Either way the option reported must be no dearer than every other pure candidate: else the hybrid would cost more than a part.
  const nearly: Option = eMin > 0 ? "api" : b.target;
  if (
    !pure &&
    sMin === 0 &&
    share < minShare &&
    !!parts[nearly] &&
    parts[nearly]!.tcoUsd <= b.tcoUsd * (1 + minShare) &&
    noDearerThanCandidates(parts, nearly, pureCandidates)
  )
    pure = nearly;
  // Spilling under minShare of tokens out of an own fleet is self-hosting with a sliver of overflow:
  // reported as self-hosting (the saving it gives up is stated), so the verdict does not alternate
  // between the two at every replica step as volume grows.
  let sliver = 0;
  if (
    !pure &&
    eMin === 0 &&
    sMin === 0 &&
    1 - share < minShare &&
    parts["self-hosted"] &&
    noDearerThanCandidates(parts, "self-hosted", pureCandidates)
  ) {
    pure = "self-hosted";
    sliver = Math.max(0, parts["self-hosted"].tcoUsd - b.tcoUsd);
  }
  return { kind: "split", mode, sMin, eMin, target: b.target, tcoUsd: b.tcoUsd, share, pure, sliver, spillModel };
}

// No tokens served, every month (read only).
let zeroMonths = new Float64Array(64);

/**
 * pickHybrid's pure option when no split can be cheaper than it, without planning one (verdict probes).
 * A split's TCO is at least its fleet's at the availability floor (zero replicas in a month without load; a month never costs less with more replicas, and
 * the spill bill is not negative but for rounding, bounded here by 1e-12 of the bill of sending everything
 * out); when the cheapest pure candidate costs no more than that bound (+ pickHybrid's 1e-6), pickHybrid's
 * candidate loop picks it whatever the split costs: the first candidate at the lowest TCO. Null: plan it.
 */
function pureBelowAnySplit(
  m: Model,
  ctx: HybridContext,
  parts: Record<"api" | "hosted-open" | "self-hosted", OptionTco>,
): "api" | "hosted-open" | "self-hosted" | null {
  const { sMin, eMin } = hybridConstraints(m);
  const targets = ctx.spillTargets;
  if (!targets.length && eMin === 0) return null; // pickHybrid's self-only case
  let pure: "api" | "hosted-open" | "self-hosted" | null = null;
  for (const o of pureCandidatesOf(sMin, eMin, targets)) if (!pure || parts[o].tcoUsd < parts[pure].tcoUsd) pure = o;
  if (!pure || Number.isNaN(parts[pure].tcoUsd)) return null;
  // Self-hosting costs at least its fleet at the floor: as the cheapest it passes only at that floor (plan it).
  if (pure === "self-hosted") return null;
  // Every month with load plans at least the availability floor (planMonth's nMin), a month without load none
  // (the floor when a share must stay in house): the fleet at that floor every month is a lower bound.
  const f = volumeFactors(m);
  let least = Infinity;
  for (let t = 0; t < f.length; t++) if (f[t]! < least) least = f[t]!;
  const floorReplicas = sMin > 0 || planHasLoad(tokensPerDayOf(m) * least) ? m.values["selfHosted.minReplicas"] : 0;
  const floorUsd = fleetFloorUsd(m, floorReplicas);
  if (!(parts[pure].tcoUsd <= floorUsd + 1e-6)) return null;
  // Every month's tokens sent to the dearest target the plan may use: a bound on any spill bill.
  const spillModel = withHostedSpill(m, ctx.hostedSpill);
  const outUsd = Math.max(
    externalMonths(m, "api", null),
    targets.includes("hosted-open") ? externalMonths(spillModel, "hosted-open", null) : 0,
  );
  const bound = floorUsd * (1 - 1e-12) - 1e-12 * outUsd;
  return parts[pure].tcoUsd <= bound + 1e-6 ? pure : null;
}

/**
 * The fleet's TCO at `replicas` every month with no tokens served (people, tooling, fine-tuning, set-up, the
 * floor's GPUs): memoised on what the fleet loop reads then (values, deployment, overrides, data, capability,
 * batch share, months), so the probes that move volume or prices reuse it.
 */
function fleetFloorUsd(m: Model, replicas: number): number {
  const i = m.input;
  const n = volumeFactors(m).length;
  const f = lastFloor;
  if (
    f &&
    f.replicas === replicas &&
    f.values === m.values &&
    f.deployment === i.deployment &&
    f.assumptions === i.assumptions &&
    f.data === i.data &&
    f.capability === i.capability &&
    f.batchShare === i.volume.batchShare &&
    f.n === n
  )
    return f.usd;
  if (floorMonths.length < n) floorMonths = new Float64Array(n);
  if (zeroMonths.length < n) zeroMonths = new Float64Array(n);
  floorMonths.fill(replicas, 0, n);
  const usd = fleetTco(m, floorMonths, zeroMonths, n).tcoUsd;
  lastFloor = {
    replicas,
    values: m.values,
    deployment: i.deployment,
    assumptions: i.assumptions,
    data: i.data,
    capability: i.capability,
    batchShare: i.volume.batchShare,
    n,
    usd,
  };
  return usd;
}
let lastFloor: {
  replicas: number;
  values: Model["values"];
  deployment: unknown;
  assumptions: unknown;
  data: unknown;
  capability: unknown;
  batchShare: number;
  n: number;
  usd: number;
} | null = null;
let floorMonths = new Float64Array(64);

/** The hybrid's TCO and pure flag only (verdict probes): the same decision as hybridCost, no series or texts. */
export function hybridTco(
  m: Model,
  ctx: HybridContext,
  parts: Record<"api" | "hosted-open" | "self-hosted", OptionTco>,
  minShare: number,
): OptionTco {
  const quick = pureBelowAnySplit(m, ctx, parts);
  if (quick) return { tcoUsd: parts[quick].tcoUsd, split: { pure: quick } };
  const p = pickHybrid(m, ctx, parts, minShare);
  if (p.kind === "self-only") return { tcoUsd: parts["self-hosted"].tcoUsd, split: { pure: "self-hosted" } };
  const pc = p.pure && p.pure !== "hybrid" ? parts[p.pure] : undefined;
  return { tcoUsd: pc ? pc.tcoUsd : p.tcoUsd, split: { pure: p.pure } };
}

/**
 * The cheapest hybrid: in-house share and spill target chosen to minimise TCO under the hard rules.
 * Never dearer than its parts: when a pure option is cheaper (or the split sends under
 * `economics.hybrid.minShare` one way) the result is that option's cost, marked `pure`.
 */
export function hybridCost(
  m: Model,
  ctx: HybridContext,
  parts: Partial<Record<Option, OptionCost>>,
  minShare: number,
): OptionCost {
  const p = pickHybrid(m, ctx, parts, minShare);
  if (p.kind === "self-only") {
    const selfOnly = parts["self-hosted"]!;
    const split: HybridSplit = {
      mode: p.mode,
      selfHostedShare: 1,
      external: "api",
      mandatoryInHouseShare: p.sMin,
      frontierShare: 0,
      utilization: selfOnly.fleet?.utilization.first ?? 0,
      pure: "self-hosted",
      text: "No external model meets your latency target, so no traffic can be routed out: a split is the same as self-hosting.",
    };
    return { ...selfOnly, split };
  }
  const { pure, share, sliver, spillModel } = p;
  // The chosen split's series (the same plan and fleet loops the decision priced).
  const plan = planHybrid(p.target === "hosted-open" ? spillModel : m, p.target, p.sMin, p.eMin);
  const fleet = fleetCost(m, plan.months);
  const cost = fromFleet(m, fleet, { externalUsd: plan.externalUsd, tokensMonth1: plan.externalUsd[0] ?? 0 });
  const gpus = fleet.gpus.first;
  const split: HybridSplit = {
    mode: p.mode,
    selfHostedShare: share,
    external: p.target,
    mandatoryInHouseShare: p.sMin,
    frontierShare: p.eMin,
    utilization: fleet.utilization.first,
    pure,
    text: "",
  };
  // Built on first read (the verdict probes of whatWouldChange never read it).
  const textModel = p.target === "hosted-open" ? spillModel : m;
  Object.defineProperty(split, "text", {
    enumerable: true,
    configurable: true,
    get: () =>
      pure ? pureText(m, split, parts, cost, sliver, 1 - share) : describeSplit(textModel, split, gpus, plan),
  });
  // A pure outcome is reported as what it is: nothing on own GPUs, or everything.
  if (pure) split.selfHostedShare = pure === "self-hosted" ? 1 : 0;
  if (pure && parts[pure]) return { ...parts[pure]!, split };
  return { ...cost, split };
}

function label(m: Model, o: "api" | "hosted-open") {
  if (o === "api") return m.apiModelLabel;
  // Only say "the same open weights" when the hosted model is the one the own fleet runs.
  const same = m.hostedModelLabel
    .toLowerCase()
    .startsWith(m.openModelLabel.toLowerCase().split(" (")[0]!.split(" instruct")[0]!);
  return same
    ? `${m.hostedModelLabel} (the same open weights, hosted)`
    : `${m.hostedModelLabel} (open weights, hosted)`;
}

function pureText(
  m: Model,
  s: HybridSplit,
  parts: Partial<Record<Option, OptionCost>>,
  split: OptionCost,
  sliver = 0,
  spilled = 0,
): string {
  const p = s.pure!;
  if (sliver > 1) {
    return `The cheapest split would send only ${formatPct(spilled, 1)} of tokens (the peaks above the last whole replica) outside and save ${formatUsd(sliver)} over ${m.input.strategy.horizonMonths} months; that is self-hosting with overflow, so it is counted as self-hosting, not a hybrid.`;
  }
  const pc = parts[p];
  const dearer = pc ? split.tcoUsd - pc.tcoUsd : 0;
  // The option the split collapses to may itself be ruled out (with frontier quality required every split
  // sends its frontier share to the API, whether or not the API meets the target): say so, never offer it as the way out.
  const lat = m.latency[p];
  if (p !== "self-hosted" && lat && !lat.feasible) {
    const share = s.frontierShare > 0 ? "its frontier share must go to" : "its overflow could only go to";
    return `No hybrid meets your requirements: ${share} ${OPTION_NAME[p]}, which is ruled out: ${lat.text} Priced as it would run, the cheapest split sends nothing to your own GPUs, so this is not a hybrid either.`;
  }
  return (
    `No split pays: the cheapest way to divide this traffic is to send all of it to ${OPTION_NAME[p]}` +
    (dearer > 1
      ? ` (the best split with your own GPUs would cost ${formatUsd(dearer)} more over ${m.input.strategy.horizonMonths} months)`
      : "") +
    ", so this is not a hybrid."
  );
}

/** Where the external share goes when a frontier share is routed: each model named once. */
function frontierAndSpill(m: Model, s: HybridSplit, spill: string): string {
  const rest = 1 - s.selfHostedShare - s.frontierShare;
  const frontier = `the hardest ${formatPct(s.frontierShare, 1)}, for frontier quality`;
  if (rest <= 0.005) return `${m.apiModelLabel} (${frontier})`;
  if (spill === m.apiModelLabel)
    return `${m.apiModelLabel} (${frontier}, and the remaining ${formatPct(rest, 1)} as overflow)`;
  return `${m.apiModelLabel} (${frontier}) and ${spill} (the remaining ${formatPct(rest, 1)})`;
}

function describeSplit(m: Model, s: HybridSplit, gpus: number, plan: Plan): string {
  const inHouse = formatPct(s.selfHostedShare, 1);
  const out = formatPct(1 - s.selfHostedShare, 1);
  const own = `${m.openModelLabel} on ${gpus} of your own ${m.gpuLabel} GPUs`;
  const util = `at ${formatPct(s.utilization, 0)} average utilization of their SLO capacity`;
  const spill = s.external === "api" ? m.apiModelLabel : label(m, "hosted-open");
  const tpd = plan.totalTokens / Math.max(plan.months.length, 1);
  const head = `Optimised hybrid: ${own} serve ${inHouse} of tokens ${util}`;
  const why = `; a further replica would carry only peak traffic and cost more than the tokens it takes off ${spill}.`;
  switch (s.mode) {
    case "sensitive-in-house":
      return `${head}, including the ${formatPct(s.mandatoryInHouseShare, 1)} that carries ${m.input.data.mustStayInHouse ? "data that must stay in house" : "the regulated data"}; the other ${out} (about ${formatTokens(tpd * (1 - s.selfHostedShare))} tokens a day) go to ${s.frontierShare > 0 ? frontierAndSpill(m, s, spill) : spill}${s.selfHostedShare > s.mandatoryInHouseShare + 0.005 ? why : "."}`;
    case "frontier-routing":
      return `${head}; the hardest ${formatPct(s.frontierShare, 1)} (an editable assumption) go to ${m.apiModelLabel} for frontier quality${1 - s.selfHostedShare - s.frontierShare > 0.005 ? `, and ${formatPct(1 - s.selfHostedShare - s.frontierShare, 1)} of peak traffic spills to ${spill}${why}` : "."}`;
    case "base-load":
      return `${head}; the peaks above their capacity, ${out} of tokens, spill over to ${spill}${why}`;
  }
}

/**
 * Month-by-month cost with saturating growth and price trends; set-up in month 1. The one
 * implementation of the horizon series (costs, break-even month, sensitivity and whatWouldChange).
 */
export function monthlySeries(
  m: Model,
  option: "api" | "hosted-open" | "self-hosted",
): { monthlyUsd: number[]; tokens: number; setup: number } {
  return {
    monthlyUsd: monthlyUsdSeries(m, option),
    tokens: horizonTokens(m),
    setup: option === "self-hosted" ? setupUsd(m) : 0,
  };
}

/** The monthly series alone (sensitivity re-prices it at each figure's low and high): the same loops, nothing else kept. */
export function monthlyUsdSeries(m: Model, option: "api" | "hosted-open" | "self-hosted"): number[] {
  const series: number[] = [];
  if (option !== "self-hosted") {
    externalMonths(m, option, series);
    return series;
  }
  const buf = probeBuffers(volumeFactors(m).length);
  const n = selfHostedMonths(m, buf);
  fleetTco(m, buf.replicas, buf.served, n, { series });
  return series;
}

export { gpuPricing };
