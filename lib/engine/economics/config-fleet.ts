import { figureOf, type Catalog, type FigureKey } from "../catalog";
import { HOURS_PER_MONTH, SECONDS_PER_DAY, type Model } from "../model";
import type { ParsedAssessmentInput } from "../schema";
import { economicsDefs } from "./assumptions";
import { inHouseBinds } from "../data-rules";
import { growthFactors } from "./load";
import { serversFor } from "./packing";
import { fineTuningMonthlyUsd } from "./staff";
import { gpuPricing, type OwnedTerms } from "./terms";
import { gpuTermFactor, priceFactor } from "./trends";
import { replicasFor as capacityReplicas } from "../capacity/choose";

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
