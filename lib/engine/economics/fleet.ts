import { figureOf, type Catalog, type FigureKey } from "../catalog";
import { HOURS_PER_MONTH, SECONDS_PER_DAY, type Model } from "../model";
import type { ParsedAssessmentInput } from "../schema";
import { economicsDefs } from "./assumptions";
import { inHouseBinds } from "../data-rules";
import { growthFactors } from "./load";
import { serversFor } from "./packing";
import { fineTuningMonthlyUsd, setupUsd, staffFor, staffMonthlyUsd, type Staff } from "./staff";
import { gpuPricing, type GpuPricing, type OwnedTerms } from "./terms";
import { gpuTermFactor, priceFactor } from "./trends";
import { replicasFor as capacityReplicas } from "../capacity/choose";

// A self-hosted fleet priced month by month: GPUs on their term (rented: price trend; owned: servers
// bought for the peak need so far, capex in the month bought, opex per installed server), people who
// scale with the fleet and models operated, tooling and storage/network overheads, fine-tuning, set-up.
// One implementation: self-hosted, the hybrid's in-house part and the portfolio's shared fleets use it.

/** Usable tokens/s of one replica: SLO throughput × target utilization. */
export function usableTpsPerReplica(m: Model): number {
  return m.values["selfHosted.tokensPerSecondPerReplica"] * m.values["selfHosted.targetUtilization"];
}

/** Replicas for a peak load: whole replicas (a staircase), at least the availability floor. */
export function replicasForPeak(m: Model, peakTokensPerSecond: number): number {
  // capacity's one staircase (lib/engine/capacity/choose.ts replicasFor, also behind sizeFleet)
  const v = m.values;
  return capacityReplicas(peakTokensPerSecond * SECONDS_PER_DAY, 1, v["selfHosted.tokensPerSecondPerReplica"], v["selfHosted.targetUtilization"], v["selfHosted.minReplicas"]);
}

/** Replicas for a daily volume at a peak factor (same staircase as capacity's sizeFleet). */
export function replicasFor(m: Model, tokensPerDay: number, peakToAverage: number): number {
  return replicasForPeak(m, (tokensPerDay / SECONDS_PER_DAY) * peakToAverage);
}

export type FleetMonth = { replicas: number; servedTokensPerDay: number };

export { serversFor } from "./packing";

export type FleetBreakdown = { gpus: number; power?: number; colocation?: number; maintenance?: number; people: number; overheads: number; fineTuning?: number; setup: number };

export type FleetCost = {
  monthlyUsd: number[];
  tcoUsd: number;
  setupUsd: number;
  /** Month 1, USD/month (setup: the one-time amount; owned: capex is in `capexUsd`, not here). */
  breakdown: FleetBreakdown;
  /** Owned: capex by month (cash view, included in monthlyUsd) and the depreciation view. */
  capexUsd?: number[];
  depreciation?: { monthlyUsd: number[]; tcoUsd: number };
  /**
   * Owned: book value the servers still carry at the end of the horizon (straight line over the
   * depreciation life). The cash TCO does not credit it back (no resale is assumed); the depreciation
   * view leaves it out. Stated beside the owned figures.
   */
  residualBookValueUsd?: number;
  gpus: { first: number; last: number };
  replicas: { first: number; last: number };
  /** Average load served ÷ the fleet's SLO capacity (replicas × SLO tokens/s). */
  utilization: { first: number; last: number };
  staff: { first: Staff; last: Staff };
  gpuTerm: GpuPricing;
  /** Month-by-month GPU count (for the texts and tests). */
  gpusByMonth: number[];
  /** Owned: servers installed (bought for the peak need so far, never sold) in month 1 and the last month. */
  servers?: { first: number; last: number; gpusPerServer: number };
};

export function fleetCost(m: Model, months: FleetMonth[], opts: { models?: number; setup?: boolean } = {}): FleetCost {
  const v = m.values;
  const pricing = gpuPricing(m);
  const owned = pricing.owned;
  const gpr = v["selfHosted.gpusPerReplica"];
  const models = opts.models ?? 1;
  const setup = opts.setup === false ? 0 : setupUsd(m);
  const ft = fineTuningMonthlyUsd(m);
  const sloTps = v["selfHosted.tokensPerSecondPerReplica"];
  const monthlyUsd: number[] = [];
  const capexUsd: number[] = [];
  const depreciation: number[] = [];
  const gpusByMonth: number[] = [];
  const serversByMonth: number[] = [];
  const staffedByMonth: number[] = [];
  const bought: { month: number; servers: number; price: number }[] = [];
  let installed = 0;
  let first: FleetBreakdown | undefined;
  const utils: number[] = [];
  months.forEach((mo, t) => {
    const gpus = mo.replicas * gpr;
    gpusByMonth.push(gpus);
    let gpuUsd: number;
    let power = 0;
    let colo = 0;
    let maint = 0;
    let capex = 0;
    let dep = 0;
    if (owned) {
      const need = serversFor(mo.replicas, gpr, owned.gpusPerServer);
      if (need > installed) {
        const price = owned.serverPriceUsd * priceFactor(m, "gpu", t);
        bought.push({ month: t, servers: need - installed, price });
        capex = (need - installed) * price;
        installed = need;
      }
      power = installed * owned.powerPerServerMonth;
      colo = installed * owned.colocationPerServerMonth;
      maint = bought.reduce((a, b) => a + (b.servers * b.price * v["owned.maintenanceSharePerYear"]) / 12, 0);
      dep = bought.reduce((a, b) => a + (t - b.month < owned.depreciationMonths ? (b.servers * b.price) / owned.depreciationMonths : 0), 0);
      gpuUsd = power + colo + maint;
      serversByMonth.push(installed);
    } else {
      // Spot for batch only: whole replicas the flat batch load keeps busy (above the availability
      // floor) run on interruptible GPUs; the rest on the chosen term.
      const batch = m.input.volume.batchShare;
      const spotRate = v["gpu.spotUsdPerHour"];
      const spotReplicas = batch > 0 && spotRate > 0 && spotRate < pricing.usdPerGpuHour ? Math.max(0, Math.min(mo.replicas - v["selfHosted.minReplicas"], Math.floor((batch * mo.servedTokensPerDay) / SECONDS_PER_DAY / usableTpsPerReplica(m) + 1e-9))) : 0;
      const f = gpuTermFactor(m, pricing.term, t);
      gpuUsd = ((mo.replicas - spotReplicas) * pricing.usdPerGpuHour * f + spotReplicas * spotRate * priceFactor(m, "gpu", t)) * gpr * HOURS_PER_MONTH;
    }
    // Storage and network scale with the fleet: a share of what its GPUs cost to hold (owned: depreciation + opex).
    const overheads = v["overheads.toolingUsdPerMonth"] + v["overheads.storageNetworkShareOfGpu"] * (owned ? gpuUsd + dep : gpuUsd);
    // People look after the GPUs you run: owned, every installed server's GPUs (idle slots included).
    const staffed = owned ? installed * owned.gpusPerServer : gpus;
    staffedByMonth.push(staffed);
    const people = staffMonthlyUsd(m, staffed, models);
    const opex = gpuUsd + people + overheads + ft;
    monthlyUsd.push(opex + capex + (t === 0 ? setup : 0));
    capexUsd.push(capex);
    depreciation.push(opex + dep + (t === 0 ? setup : 0));
    utils.push(mo.replicas > 0 ? mo.servedTokensPerDay / SECONDS_PER_DAY / (mo.replicas * sloTps) : 0);
    if (t === 0) {
      first = { gpus: owned ? 0 : gpuUsd, people, overheads, setup };
      if (owned) Object.assign(first, { power, colocation: colo, maintenance: maint });
      if (ft > 0) first.fineTuning = ft;
      if (owned) delete (first as Partial<FleetBreakdown>).gpus;
    }
  });
  const sum = (a: number[]) => a.reduce((x, y) => x + y, 0);
  const n = months.length;
  const out: FleetCost = {
    monthlyUsd,
    tcoUsd: sum(monthlyUsd),
    setupUsd: setup,
    breakdown: first ?? { gpus: 0, people: 0, overheads: 0, setup },
    gpus: { first: gpusByMonth[0] ?? 0, last: gpusByMonth[n - 1] ?? 0 },
    replicas: { first: months[0]?.replicas ?? 0, last: months[n - 1]?.replicas ?? 0 },
    utilization: { first: utils[0] ?? 0, last: utils[n - 1] ?? 0 },
    staff: { first: staffFor(m, staffedByMonth[0] ?? 0, models), last: staffFor(m, staffedByMonth[n - 1] ?? 0, models) },
    gpuTerm: pricing,
    gpusByMonth,
  };
  if (owned) {
    out.capexUsd = capexUsd;
    out.depreciation = { monthlyUsd: depreciation, tcoUsd: sum(depreciation) };
    out.servers = { first: serversByMonth[0] ?? 0, last: serversByMonth[n - 1] ?? 0, gpusPerServer: owned.gpusPerServer };
    out.residualBookValueUsd = bought.reduce((a, b) => a + b.servers * b.price * Math.max(0, 1 - (n - b.month) / owned.depreciationMonths), 0);
  }
  return out;
}

/** Monthly cost of one more replica, amortised (owned: depreciation + opex per GPU-hour), incl. its share of people and overheads. */
export function marginalReplicaMonthlyUsd(m: Model, month: number): number {
  const v = m.values;
  const p = gpuPricing(m);
  const gpr = v["selfHosted.gpusPerReplica"];
  const hourly = p.owned ? p.owned.allInUsdPerGpuHour * priceFactor(m, "gpu", month) : p.usdPerGpuHour * gpuTermFactor(m, p.term, month);
  const gpuUsd = gpr * hourly * HOURS_PER_MONTH;
  return gpuUsd * (1 + v["overheads.storageNetworkShareOfGpu"]) + ((v["people.ftePer100Gpus"] * gpr) / 100) * (v["people.loadedEngineerUsdPerYear"] / 12);
}

// ---- Shared fleets (portfolio) ------------------------------------------------------------------

export type FleetDemand = { tokensPerDay: number; peakToAverage: number; batchShare?: number };

/**
 * Several workloads' demand on ONE open model × GPU fleet, one team: peaks add up (coincident, the
 * conservative case), replicas are pooled, people, set-up and tooling are paid once. Growth compounds
 * and saturates like a single workload's.
 */
export function selfHostedFleetCost(m: Model, demands: FleetDemand[], opts: { months?: number; growthPct?: number; models?: number } = {}): FleetCost {
  const months = opts.months ?? m.input.strategy.horizonMonths;
  const growth = 1 + (opts.growthPct ?? m.input.volume.monthlyGrowthPct) / 100;
  const cap = m.values["growth.maxMultiple"];
  const peakTps0 = demands.reduce((a, d) => a + (d.tokensPerDay / SECONDS_PER_DAY) * ((1 - (d.batchShare ?? 0)) * d.peakToAverage + (d.batchShare ?? 0)), 0);
  const tpd0 = demands.reduce((a, d) => a + d.tokensPerDay, 0);
  const fm: FleetMonth[] = [];
  for (let t = 0; t < months; t++) {
    const f = Math.min(growth ** t, cap);
    fm.push({ replicas: tpd0 > 0 ? replicasForPeak(m, peakTps0 * f) : m.values["selfHosted.minReplicas"], servedTokensPerDay: tpd0 * f });
  }
  return fleetCost(m, fm, { models: opts.models });
}

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
    peopleUsdPerGpuMonth: ((v["people.ftePer100Gpus"] / 100) * v["people.loadedEngineerUsdPerYear"]) / 12,
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
export function configFleetUsd(t: FleetTerms, gpusPerReplica: number, tokensPerSecondPerReplica: number, tokensPerDay: number, peakToAverage: number): ConfigFleetUsd {
  const o = t.owned;
  const usable = tokensPerSecondPerReplica * t.targetUtilization;
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
    const tpd = tokensPerDay * t.factors[m]!;
    const replicas = tpd > 0 ? capacityReplicas(tpd, peakToAverage, tokensPerSecondPerReplica, t.targetUtilization, t.minReplicas) : t.minReplicas;
    let gpuUsd: number;
    let capex = 0;
    let dep = 0;
    if (o) {
      const need = serversFor(replicas, gpusPerReplica, o.gpusPerServer);
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
      const spot = spotOk ? Math.max(0, Math.min(replicas - t.minReplicas, Math.floor((t.batchShare * tpd) / SECONDS_PER_DAY / usable + 1e-9))) : 0;
      gpuUsd = ((replicas - spot) * t.usdPerGpuHour * t.termFactor[m]! + spot * t.spotUsdPerHour * t.gpuFactor[m]!) * gpusPerReplica * HOURS_PER_MONTH;
    }
    gpuH += gpuUsd + capex;
    all += gpuUsd + capex + t.overheadShare * (o ? gpuUsd + dep : gpuUsd) + t.peopleUsdPerGpuMonth * (o ? installed * o.gpusPerServer : replicas * gpusPerReplica) + t.fineTuningMonthlyUsd;
    if (m === 0) {
      gpu0 = gpuUsd + capex;
      r0 = replicas;
    }
    rN = replicas;
  }
  return { replicasFirst: r0, replicasLast: rN, ...(o ? { serversFirst: s0, serversLast: installed, gpusPerServer: o.gpusPerServer } : {}), gpuUsdFirstMonth: gpu0, gpuUsdHorizon: gpuH, usdHorizon: all };
}

let boughtScratch = new Float64Array(60);

const termsCache = new WeakMap<Catalog, Map<string, FleetTerms | null>>();

/**
 * The fleet terms of a GPU the user's input would run on (its source and term, owned servers, the
 * overrides), before any configuration is chosen: what the capacity layer ranks configurations with.
 * null when the market has no price for the GPU.
 */
export function fleetTermsFor(input: ParsedAssessmentInput, catalog: Catalog, gpuId: string, tier: "frontier" | "mid" | "small"): FleetTerms | null {
  const d = input.deployment as { gpuSource?: string; gpuTerm?: string; offline: boolean };
  const key = [gpuId, tier, d.gpuSource, d.gpuTerm, d.offline, inHouseBinds(input.data), input.data.regulations.join(","), input.strategy.horizonMonths, input.volume.monthlyGrowthPct, input.volume.batchShare, input.capability.customization, input.assumptions ? JSON.stringify(input.assumptions) : ""].join("|");
  let byKey = termsCache.get(catalog);
  if (!byKey) termsCache.set(catalog, (byKey = new Map()));
  const hit = byKey.get(key);
  if (hit !== undefined) return hit;
  let terms: FleetTerms | null;
  try {
    const defs = economicsDefs(input, catalog, gpuId, tier, catalog.qualityPairing[tier] as string);
    const overrides = (input.assumptions ?? {}) as Record<string, number | undefined>;
    const values: Record<string, number> = {};
    for (const [k, x] of Object.entries(defs)) values[k] = overrides[k] ?? x.value;
    for (const k of ["people.loadedEngineerUsdPerYear", "overheads.storageNetworkShareOfGpu", "selfHosted.targetUtilization", "selfHosted.minReplicas"]) values[k] = overrides[k] ?? figureOf(catalog, k as FigureKey).value;
    terms = fleetTermsOf({ input, values } as unknown as Model);
  } catch {
    terms = null;
  }
  if (byKey.size > 5_000) byKey.clear();
  byKey.set(key, terms);
  return terms;
}
