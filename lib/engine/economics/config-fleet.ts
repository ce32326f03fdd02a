import { figureOf, type Catalog, type FigureKey } from "../catalog";
import type { Model } from "../types";
import { HOURS_PER_MONTH, SECONDS_PER_DAY } from "../units";
import type { ParsedAssessmentInput } from "../schema";
import { economicsDefs } from "./assumptions";
import { inHouseBinds } from "../data-rules";
import { growthFactors } from "./load";
import { serversFor } from "./packing";
import { engineerUsd, fineTuningMonthlyUsd, fleetFteOf } from "./staff";
import { gpuPricing, type OwnedTerms } from "./terms";
import { gpuTermFactor, priceFactor } from "./trends";

// ---- What a configuration costs as paid (the configuration ranking) ------------------------------

/**
 * How a fleet of one GPU type is paid, month by month: everything fleetCost charges that depends on
 * the configuration (the GPUs or servers, their storage/network share, the people per GPU, training
 * runs at the GPU's rate). The ranking of open model × GPU × precision prices each candidate with
 * `configFleetUsd` on these terms, so the configuration chosen is the one cheapest as actually paid:
 * whole owned servers with their capex, power, colocation and maintenance, not an hourly equivalent.
 */
export type FleetTerms = {
  /** Volume multiple by month (saturating growth), as the cost layer's volumeFactors. */
  factors: number[];
  /** Rented: USD per GPU-hour in month 1 and the term's price factor by month. */
  usdPerGpuHour: number;
  termFactor: number[];
  /** GPU price trend by month (owned purchases and spot). */
  gpuFactor: number[];
  owned?: OwnedTerms;
  maintenanceSharePerYear: number;
  spotUsdPerHour: number;
  batchShare: number;
  overheadShare: number;
  peopleUsdPerGpuMonth: number;
  fineTuningMonthlyUsd: number;
  targetUtilization: number;
  minReplicas: number;
};

export function fleetTermsOf(m: Model): FleetTerms {
  const v = m.values;
  const p = gpuPricing(m);
  const months = m.input.strategy.horizonMonths;
  const factors = growthFactors(months, m.input.volume.monthlyGrowthPct, v["growth.maxMultiple"]);
  return {
    factors,
    usdPerGpuHour: p.usdPerGpuHour,
    termFactor: factors.map((_, t) => (p.owned ? 1 : gpuTermFactor(m, p.term, t))),
    gpuFactor: factors.map((_, t) => priceFactor(m, "gpu", t)),
    ...(p.owned ? { owned: p.owned } : {}),
    maintenanceSharePerYear: v["owned.maintenanceSharePerYear"],
    spotUsdPerHour: v["gpu.spotUsdPerHour"],
    batchShare: m.input.volume.batchShare,
    overheadShare: v["overheads.storageNetworkShareOfGpu"],
    peopleUsdPerGpuMonth: engineerUsd(fleetFteOf(v["people.ftePer100Gpus"], 1), v["people.loadedEngineerUsdPerYear"]),
    fineTuningMonthlyUsd: fineTuningMonthlyUsd(m),
    targetUtilization: v["selfHosted.targetUtilization"],
    minReplicas: v["selfHosted.minReplicas"],
  };
}

/** A configuration's fleet as paid over the horizon (the configuration-dependent part of fleetCost's TCO). */
export type ConfigFleetUsd = {
  replicasFirst: number;
  replicasLast: number;
  /** Owned: servers installed in month 1 and the last month. */
  serversFirst?: number;
  serversLast?: number;
  gpusPerServer?: number;
  /** GPUs alone: rented hours, or owned capex + power, colocation and maintenance. Month 1 and the horizon. */
  gpuUsdFirstMonth: number;
  gpuUsdHorizon: number;
  /** GPUs plus their storage/network share, the people per GPU and training runs: the ranking key. */
  usdHorizon: number;
};

/**
 * Prices a configuration (GPUs per replica, SLO tokens/s per replica) at a month-1 daily volume and
 * peak factor, month by month exactly as fleetCost does (same replicas, servers, spot, trends), minus
 * what every configuration pays alike (core staff, tooling, set-up).
 */
export function configFleetUsd(
  t: FleetTerms,
  gpusPerReplica: number,
  tokensPerSecondPerReplica: number,
  tokensPerDay: number,
  peakToAverage: number,
): ConfigFleetUsd {
  return configPricer(t, tokensPerDay, peakToAverage).price(gpusPerReplica, tokensPerSecondPerReplica);
}

/**
 * configFleetUsd for every configuration of one GPU at one month-1 volume and peak factor (what the
 * configuration ranking prices hundreds of times per call): the demand of each month is computed once,
 * `horizon` returns the ranking key alone (no result object), and `lowerBound` is a cheap bound that
 * never exceeds `horizon` (the ranking skips pricing configurations whose bound cannot win).
 */
export type ConfigPricer = {
  /** Exactly configFleetUsd(terms, gpusPerReplica, tokens/s, tokensPerDay, peakToAverage). */
  price(gpusPerReplica: number, tokensPerSecondPerReplica: number): ConfigFleetUsd;
  /** Its usdHorizon (the same arithmetic, nothing allocated). */
  horizon(gpusPerReplica: number, tokensPerSecondPerReplica: number): number;
  /** A lower bound on horizon(): O(log months), never above it (see lowerBoundOf). */
  lowerBound(gpusPerReplica: number, tokensPerSecondPerReplica: number): number;
};

export function configPricer(t: FleetTerms, tokensPerDay: number, peakToAverage: number): ConfigPricer {
  return new MonthlyPricer(t, tokensPerDay, peakToAverage);
}

// A class, not an object of closures: the ranking makes one per GPU per call (and tsx's keepNames
// would wrap every closure in a defineProperty).
class MonthlyPricer implements ConfigPricer {
  // Month m's peak tokens/s, (tokensPerDay_m ÷ seconds per day) × peak factor: replicasFor's own
  // expression, so the replicas below are the ones it returns (0: a month with no traffic); and its
  // batch tokens per second (the share spot replicas may carry). Built on the first exact price.
  private peak: number[] | undefined;
  private batch: number[] | undefined;
  // The lower bound reads the first and last months' peaks, and the continuous peak demand × factor_m.
  private readonly peakFirst: number;
  private readonly peakLast: number;
  private readonly demand: number;
  private bound: LowerBoundTerms | undefined;

  constructor(
    private readonly t: FleetTerms,
    private readonly tokensPerDay: number,
    private readonly peakToAverage: number,
  ) {
    const n = t.factors.length;
    const secondsPerDay = SECONDS_PER_DAY; // read once (under tsx an imported binding is a getter call)
    this.peakFirst = n > 0 ? this.peakOf(0, secondsPerDay) : 0;
    this.peakLast = n > 0 ? this.peakOf(n - 1, secondsPerDay) : 0;
    this.demand = (tokensPerDay / secondsPerDay) * peakToAverage;
  }

  private peakOf(m: number, secondsPerDay = SECONDS_PER_DAY): number {
    const tpd = this.tokensPerDay * this.t.factors[m]!;
    return tpd > 0 ? (tpd / secondsPerDay) * this.peakToAverage : 0;
  }

  /** peakOf and the batch tokens/s of every month (the same expressions, imported constants read once). */
  private months(): void {
    const { t, tokensPerDay } = this;
    const secondsPerDay = SECONDS_PER_DAY;
    const peak: number[] = [];
    const batch: number[] = [];
    for (let m = 0; m < t.factors.length; m++) {
      const tpd = tokensPerDay * t.factors[m]!;
      peak.push(this.peakOf(m, secondsPerDay));
      batch.push((t.batchShare * tpd) / secondsPerDay);
    }
    this.peak = peak;
    this.batch = batch;
  }

  price(tp: number, tps: number): ConfigFleetUsd {
    const usdHorizon = this.horizon(tp, tps);
    const x = lastRun;
    const o = this.t.owned;
    // Two literals, not a conditional spread (which would build every result on V8's slow path).
    return o
      ? {
          replicasFirst: x.replicasFirst,
          replicasLast: x.replicasLast,
          serversFirst: x.serversFirst,
          serversLast: x.serversLast,
          gpusPerServer: o.gpusPerServer,
          gpuUsdFirstMonth: x.gpuUsdFirstMonth,
          gpuUsdHorizon: x.gpuUsdHorizon,
          usdHorizon,
        }
      : {
          replicasFirst: x.replicasFirst,
          replicasLast: x.replicasLast,
          gpuUsdFirstMonth: x.gpuUsdFirstMonth,
          gpuUsdHorizon: x.gpuUsdHorizon,
          usdHorizon,
        };
  }

  horizon(tp: number, tps: number): number {
    if (!this.peak) this.months();
    return monthByMonth(this.t, this.peak!, this.batch!, tp, tps);
  }

  lowerBound(tp: number, tps: number): number {
    return lowerBoundOf(
      (this.bound ??= lowerBoundTerms(this.t)),
      this.t,
      this.peakFirst,
      this.peakLast,
      this.demand,
      tp,
      tps,
    );
  }
}

/** The rest of the last monthByMonth run's result (read right after it; the ranking allocates nothing per configuration). */
const lastRun = {
  replicasFirst: 0,
  replicasLast: 0,
  serversFirst: 0,
  serversLast: 0,
  gpuUsdFirstMonth: 0,
  gpuUsdHorizon: 0,
};

/** The month loop of configFleetUsd: returns usdHorizon, the rest in lastRun. */
function monthByMonth(
  t: FleetTerms,
  peak: readonly number[],
  batch: readonly number[],
  gpusPerReplica: number,
  tokensPerSecondPerReplica: number,
): number {
  // Imported bindings read once (under tsx each read of another module's export is a getter call).
  const hoursPerMonth = HOURS_PER_MONTH;
  const servers = serversFor;
  const o = t.owned;
  const usable = tokensPerSecondPerReplica * t.targetUtilization;
  const minReplicas = t.minReplicas;
  const spotOk = !o && t.batchShare > 0 && t.spotUsdPerHour > 0 && t.spotUsdPerHour < t.usdPerGpuHour;
  let installed = 0;
  let maint = 0;
  // Purchases by month (a reused scratch buffer: the ranking prices hundreds of configurations per call)
  // and the straight-line depreciation running over the window of the last depreciationMonths months.
  const n = t.factors.length;
  if (boughtScratch.length < n) boughtScratch = new Float64Array(n);
  const bought = boughtScratch;
  let depSum = 0;
  let gpuH = 0;
  let all = 0;
  let gpu0 = 0;
  let r0 = 0;
  let rN = 0;
  let s0 = 0;
  for (let m = 0; m < n; m++) {
    // capacity's replicasFor (whole replicas for the peak at the target utilization), on this month's peak.
    const replicas = peak[m]! > 0 ? Math.max(minReplicas, Math.ceil(peak[m]! / usable - 1e-9)) : minReplicas;
    let gpuUsd: number;
    let capex = 0;
    let dep = 0;
    if (o) {
      const need = servers(replicas, gpusPerReplica, o.gpusPerServer);
      bought[m] = 0;
      if (need > installed) {
        const usd = (need - installed) * o.serverPriceUsd * t.gpuFactor[m]!;
        bought[m] = usd;
        capex = usd;
        maint += (usd * t.maintenanceSharePerYear) / 12;
        installed = need;
      }
      depSum += bought[m]! / o.depreciationMonths;
      if (m >= o.depreciationMonths) depSum -= bought[m - o.depreciationMonths]! / o.depreciationMonths;
      dep = depSum;
      gpuUsd = installed * (o.powerPerServerMonth + o.colocationPerServerMonth) + maint;
      if (m === 0) s0 = installed;
    } else {
      const spot = spotOk ? Math.max(0, Math.min(replicas - minReplicas, Math.floor(batch[m]! / usable + 1e-9))) : 0;
      gpuUsd =
        ((replicas - spot) * t.usdPerGpuHour * t.termFactor[m]! + spot * t.spotUsdPerHour * t.gpuFactor[m]!) *
        gpusPerReplica *
        hoursPerMonth;
    }
    gpuH += gpuUsd + capex;
    all +=
      gpuUsd +
      capex +
      t.overheadShare * (o ? gpuUsd + dep : gpuUsd) +
      t.peopleUsdPerGpuMonth * (o ? installed * o.gpusPerServer : replicas * gpusPerReplica) +
      t.fineTuningMonthlyUsd;
    if (m === 0) {
      gpu0 = gpuUsd + capex;
      r0 = replicas;
    }
    rN = replicas;
  }
  lastRun.replicasFirst = r0;
  lastRun.replicasLast = rN;
  lastRun.serversFirst = s0;
  lastRun.serversLast = installed;
  lastRun.gpuUsdFirstMonth = gpu0;
  lastRun.gpuUsdHorizon = gpuH;
  return all;
}

let boughtScratch = new Float64Array(60);

/**
 * What the lower bound reads, per fleet terms (month sums per unit of volume factor; memoised on the
 * terms object, which fleetTermsFor shares between calls). Every term of a month's cost is at least its
 * value at fewer replicas (rented: each replica at the cheaper of its on-demand and spot rate, at most
 * replicas − minReplicas of them on spot; owned: servers for the replicas without the ceil), and a month's
 * replicas are at least month 1's (demand never falls) and at least the continuous peak ÷ usable tokens/s.
 */
type LowerBoundTerms = {
  /** False when the bound would not hold (a negative price or share, a falling volume factor): lowerBound returns -Infinity. */
  valid: boolean;
  /** Rented: Σ over months of what minReplicas on-demand replicas cost above the cheapest rate, per GPU. */
  fixedPerGpu: number;
  /** Rented: cost of one GPU-replica-month at the cheapest rate (overheads and people included), prefix sums over months. */
  perReplicaUpTo: number[];
  /** Σ from month m on of that cost × factor_m, and of factor_m. */
  perReplicaFactorFrom: number[];
  factorFrom: number[];
  /** Owned: cost of an installed server-month (power, colocation, their overheads, people), and the cheapest GPU price factor after month 1. */
  perServerMonth: number;
  minLaterGpuFactor: number;
};

const boundCache = new WeakMap<FleetTerms, LowerBoundTerms>();

function lowerBoundTerms(t: FleetTerms): LowerBoundTerms {
  const hit = boundCache.get(t);
  if (hit) return hit;
  const n = t.factors.length;
  const o = t.owned;
  const spotOk = !o && t.batchShare > 0 && t.spotUsdPerHour > 0 && t.spotUsdPerHour < t.usdPerGpuHour;
  let valid =
    t.overheadShare >= 0 &&
    t.peopleUsdPerGpuMonth >= 0 &&
    t.fineTuningMonthlyUsd >= 0 &&
    t.minReplicas >= 0 &&
    t.usdPerGpuHour >= 0 &&
    t.spotUsdPerHour >= 0;
  for (let m = 1; m < n; m++) if (!(t.factors[m]! >= t.factors[m - 1]!)) valid = false;
  let fixedPerGpu = 0;
  const perReplicaUpTo = [0];
  let minLaterGpuFactor = Infinity;
  for (let m = 0; m < n; m++) {
    const onDemand = t.usdPerGpuHour * t.termFactor[m]!;
    const cheapest = spotOk ? Math.min(onDemand, t.spotUsdPerHour * t.gpuFactor[m]!) : onDemand;
    if (!(cheapest >= 0) || !(t.gpuFactor[m]! > 0) || !(t.factors[m]! >= 0)) valid = false;
    fixedPerGpu += (1 + t.overheadShare) * HOURS_PER_MONTH * t.minReplicas * (onDemand - cheapest);
    perReplicaUpTo.push(
      perReplicaUpTo[m]! + (1 + t.overheadShare) * HOURS_PER_MONTH * cheapest + t.peopleUsdPerGpuMonth,
    );
    if (m >= 1) minLaterGpuFactor = Math.min(minLaterGpuFactor, t.gpuFactor[m]!);
  }
  const perReplicaFactorFrom: number[] = new Array<number>(n + 1).fill(0);
  const factorFrom: number[] = new Array<number>(n + 1).fill(0);
  for (let m = n - 1; m >= 0; m--) {
    perReplicaFactorFrom[m] =
      perReplicaFactorFrom[m + 1]! + (perReplicaUpTo[m + 1]! - perReplicaUpTo[m]!) * t.factors[m]!;
    factorFrom[m] = factorFrom[m + 1]! + t.factors[m]!;
  }
  const perServerMonth = o
    ? (1 + t.overheadShare) * (o.powerPerServerMonth + o.colocationPerServerMonth) +
      t.peopleUsdPerGpuMonth * o.gpusPerServer
    : 0;
  if (o && !(o.serverPriceUsd >= 0 && perServerMonth >= 0 && t.maintenanceSharePerYear >= 0)) valid = false;
  const b = { valid, fixedPerGpu, perReplicaUpTo, perReplicaFactorFrom, factorFrom, perServerMonth, minLaterGpuFactor };
  boundCache.set(t, b);
  return b;
}

/**
 * A lower bound on the configuration's usdHorizon. With r_m the replicas of month m (non-decreasing),
 * r_m ≥ max(r_0, demand × factor_m ÷ usable − 1e-9), so the sum of each month's cost at that replica
 * count (rented: at the cheapest rate; owned: servers = replicas ÷ replicas per server, month 1's servers
 * bought at month 1's price and the rest at the cheapest later one, maintenance on month 1's purchase
 * only, no depreciation overhead) is below it; a 1e-9 share off covers rounding.
 */
function lowerBoundOf(
  b: LowerBoundTerms,
  t: FleetTerms,
  peakFirst: number,
  peakLast: number,
  demand: number,
  gpusPerReplica: number,
  tokensPerSecondPerReplica: number,
): number {
  const n = t.factors.length;
  const usable = tokensPerSecondPerReplica * t.targetUtilization;
  if (!b.valid || !(usable > 0) || !(demand >= 0)) return -Infinity;
  if (n === 0) return 0;
  const r0 = peakFirst > 0 ? Math.max(t.minReplicas, Math.ceil(peakFirst / usable - 1e-9)) : t.minReplicas;
  // First month whose continuous demand exceeds month 1's replicas (factors are non-decreasing): before
  // it r_0 is the larger bound, from it on the continuous one (any split is a bound; this is the tightest).
  const threshold = (r0 * usable) / demand;
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (t.factors[mid]! > threshold) hi = mid;
    else lo = mid + 1;
  }
  const j = lo;
  const perUsable = demand / usable;
  const o = t.owned;
  let usd: number;
  if (!o) {
    const replicaMonths =
      r0 * b.perReplicaUpTo[j]! +
      perUsable * b.perReplicaFactorFrom[j]! -
      1e-9 * (b.perReplicaUpTo[n]! - b.perReplicaUpTo[j]!);
    usd = gpusPerReplica * (b.fixedPerGpu + replicaMonths);
  } else {
    const gps = o.gpusPerServer;
    const servers = serversFor;
    const serversPerReplica =
      gpusPerReplica <= gps ? 1 / Math.floor(gps / gpusPerReplica) : Math.ceil(gpusPerReplica / gps - 1e-9);
    const s0 = servers(r0, gpusPerReplica, gps);
    const rLast = peakLast > 0 ? Math.max(t.minReplicas, Math.ceil(peakLast / usable - 1e-9)) : t.minReplicas;
    const sLast = Math.max(s0, servers(rLast, gpusPerReplica, gps));
    const serverMonths =
      s0 * j + serversPerReplica * perUsable * b.factorFrom[j]! - (serversPerReplica + 1) * 1e-9 * (n - j);
    const firstBuy = s0 * o.serverPriceUsd * t.gpuFactor[0]!;
    const laterBuys = n > 1 ? (sLast - s0) * o.serverPriceUsd * b.minLaterGpuFactor : 0;
    const maintenance = (1 + t.overheadShare) * n * ((firstBuy * t.maintenanceSharePerYear) / 12);
    usd = b.perServerMonth * Math.max(serverMonths, s0 * n) + firstBuy + laterBuys + maintenance;
  }
  usd += n * t.fineTuningMonthlyUsd;
  return usd * (1 - 1e-9);
}

// Fleet terms by catalog, by what of the input they read (the key below), by GPU. Bounded: cleared when full.
const termsCache = new WeakMap<Catalog, Map<string, Map<string, FleetTerms | null>>>();
const TERMS_INPUTS_MAX = 2_000;

/**
 * The fleet terms of a GPU the user's input would run on (its source and term, owned servers, the
 * overrides), before any configuration is chosen: what the capacity layer ranks configurations with.
 * null when the market has no price for the GPU.
 */
export function fleetTermsFor(
  input: ParsedAssessmentInput,
  catalog: Catalog,
  gpuId: string,
  tier: "frontier" | "mid" | "small",
): FleetTerms | null {
  return fleetTermsLookup(input, catalog, tier)(gpuId);
}

/** fleetTermsFor for every GPU of one input (the input's part of the memo key built once). */
export function fleetTermsLookup(
  input: ParsedAssessmentInput,
  catalog: Catalog,
  tier: "frontier" | "mid" | "small",
): (gpuId: string) => FleetTerms | null {
  const d = input.deployment as { gpuSource?: string; gpuTerm?: string; offline: boolean };
  const key = [
    tier,
    d.gpuSource,
    d.gpuTerm,
    d.offline,
    inHouseBinds(input.data),
    input.data.regulations.join(","),
    input.strategy.horizonMonths,
    input.volume.monthlyGrowthPct,
    input.volume.batchShare,
    input.capability.customization,
    input.assumptions ? JSON.stringify(input.assumptions) : "",
  ].join("|");
  let byInput = termsCache.get(catalog);
  if (!byInput) termsCache.set(catalog, (byInput = new Map()));
  let byGpu = byInput.get(key);
  if (!byGpu) {
    if (byInput.size >= TERMS_INPUTS_MAX) byInput.clear();
    byInput.set(key, (byGpu = new Map()));
  }
  const memo = byGpu;
  return (gpuId) => {
    const hit = memo.get(gpuId);
    if (hit !== undefined) return hit;
    let terms: FleetTerms | null;
    try {
      const defs = economicsDefs(input, catalog, gpuId, tier, catalog.qualityPairing[tier] as string);
      const overrides = (input.assumptions ?? {}) as Record<string, number | undefined>;
      const values: Record<string, number> = {};
      for (const [k, x] of Object.entries(defs)) values[k] = overrides[k] ?? x.value;
      for (const k of [
        "people.loadedEngineerUsdPerYear",
        "overheads.storageNetworkShareOfGpu",
        "selfHosted.targetUtilization",
        "selfHosted.minReplicas",
      ])
        values[k] = overrides[k] ?? figureOf(catalog, k as FigureKey).value;
      terms = fleetTermsOf({ input, values } as unknown as Model);
    } catch {
      terms = null;
    }
    memo.set(gpuId, terms);
    return terms;
  };
}
