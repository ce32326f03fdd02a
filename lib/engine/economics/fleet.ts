import type { Model } from "../types";
import { capacityPeakFactor, HOURS_PER_MONTH, SECONDS_PER_DAY } from "../units";
import { growthFactors } from "./load";
import { serversFor } from "./packing";
import {
  engineerUsd,
  fineTuningMonthlyUsd,
  fleetFteOf,
  setupUsd,
  staffFigures,
  staffFor,
  staffMonthlyUsdOf,
  type Staff,
} from "./staff";
import { gpuPricing, type GpuPricing } from "./terms";
import { priceFactors, termLockMonths, termRateMonth } from "./trends";
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
  return capacityReplicas(
    peakTokensPerSecond * SECONDS_PER_DAY,
    1,
    v["selfHosted.tokensPerSecondPerReplica"],
    v["selfHosted.targetUtilization"],
    v["selfHosted.minReplicas"],
  );
}

/** Replicas for a daily volume at a peak factor (same staircase as capacity's sizeFleet). */
export function replicasFor(m: Model, tokensPerDay: number, peakToAverage: number): number {
  return replicaSizer(m)(tokensPerDay, peakToAverage);
}

/** replicasFor with the model's figures read once (month loops size the fleet every month). */
export function replicaSizer(m: Model): (tokensPerDay: number, peakToAverage: number) => number {
  const v = m.values;
  const tps = v["selfHosted.tokensPerSecondPerReplica"];
  const util = v["selfHosted.targetUtilization"];
  const min = v["selfHosted.minReplicas"];
  return (tokensPerDay, peakToAverage) =>
    capacityReplicas((tokensPerDay / SECONDS_PER_DAY) * peakToAverage * SECONDS_PER_DAY, 1, tps, util, min);
}

export type FleetMonth = { replicas: number; servedTokensPerDay: number };

export { serversFor } from "./packing";

export type FleetBreakdown = {
  gpus: number;
  power?: number;
  colocation?: number;
  maintenance?: number;
  people: number;
  overheads: number;
  fineTuning?: number;
  setup: number;
};

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

/** What fleetCost keeps month by month beyond the TCO (the full cost's series and month-1 breakdown). */
type FleetRecord = {
  monthlyUsd: number[];
  capexUsd: number[];
  depreciation: number[];
  gpusByMonth: number[];
  serversByMonth: number[];
  staffedByMonth: number[];
  utils: number[];
  first?: FleetBreakdown;
};

// Purchases of owned servers by month (scratch reused by every run: the kernel never re-enters itself).
let boughtMonth = new Float64Array(64);
let boughtServers = new Float64Array(64);
let boughtPrice = new Float64Array(64);

/**
 * The one month loop of a self-hosted fleet. Returns the TCO, and `plusExtra`, the TCO with `extra[t]`
 * (a hybrid's external bill) added to each month before summing, as the hybrid's cost sums it.
 * `rec`: also keep every series fleetCost reports. The verdict probes run it without one (no series).
 */
type FleetRun = { tcoUsd: number; plusExtra: number; depreciationTcoUsd: number; owned: boolean; bought: number };

function runFleet(
  m: Model,
  replicas: ArrayLike<number>,
  served: ArrayLike<number>,
  n: number,
  models: number,
  setup: number,
  extra: ArrayLike<number> | null,
  rec: FleetRecord | null,
  series: number[] | null = null,
): FleetRun {
  const v = m.values;
  const pricing = gpuPricing(m);
  const owned = pricing.owned;
  const gpr = v["selfHosted.gpusPerReplica"];
  const ft = fineTuningMonthlyUsd(m);
  const sloTps = v["selfHosted.tokensPerSecondPerReplica"];
  if (boughtMonth.length < n) {
    boughtMonth = new Float64Array(n);
    boughtServers = new Float64Array(n);
    boughtPrice = new Float64Array(n);
  }
  let nBought = 0;
  let installed = 0;
  let tco = 0;
  let plusExtra = 0;
  let depTco = 0;
  const gpuF = priceFactors(m, "gpu", n);
  const lock = termLockMonths(pricing.term);
  const batch = m.input.volume.batchShare;
  const spotRate = v["gpu.spotUsdPerHour"];
  const spotOk = batch > 0 && spotRate > 0 && spotRate < pricing.usdPerGpuHour;
  const usable = usableTpsPerReplica(m);
  // Figures read once, not every month (values is a large dictionary).
  const staff = staffFigures(m);
  const minReplicas = v["selfHosted.minReplicas"];
  const maintShare = v["owned.maintenanceSharePerYear"];
  const tooling = v["overheads.toolingUsdPerMonth"];
  const overheadShare = v["overheads.storageNetworkShareOfGpu"];
  for (let t = 0; t < n; t++) {
    const r = replicas[t]!;
    const gpus = r * gpr;
    let gpuUsd: number;
    let power = 0;
    let colo = 0;
    let maint = 0;
    let capex = 0;
    let dep = 0;
    if (owned) {
      const need = serversFor(r, gpr, owned.gpusPerServer);
      if (need > installed) {
        const price = owned.serverPriceUsd * gpuF[t]!;
        boughtMonth[nBought] = t;
        boughtServers[nBought] = need - installed;
        boughtPrice[nBought] = price;
        nBought++;
        capex = (need - installed) * price;
        installed = need;
      }
      power = installed * owned.powerPerServerMonth;
      colo = installed * owned.colocationPerServerMonth;
      // Summed over the purchases in order (not kept as running totals: depreciation drops purchases that are written off).
      for (let i = 0; i < nBought; i++) {
        maint += (boughtServers[i]! * boughtPrice[i]! * maintShare) / 12;
        dep +=
          t - boughtMonth[i]! < owned.depreciationMonths
            ? (boughtServers[i]! * boughtPrice[i]!) / owned.depreciationMonths
            : 0;
      }
      gpuUsd = power + colo + maint;
      rec?.serversByMonth.push(installed);
    } else {
      // Spot for batch only: whole replicas the flat batch load keeps busy (above the availability
      // floor) run on interruptible GPUs; the rest on the chosen term.
      const spotReplicas = spotOk
        ? Math.max(0, Math.min(r - minReplicas, Math.floor((batch * served[t]!) / SECONDS_PER_DAY / usable + 1e-9)))
        : 0;
      const f = gpuF[termRateMonth(t, lock)]!;
      gpuUsd =
        ((r - spotReplicas) * pricing.usdPerGpuHour * f + spotReplicas * spotRate * gpuF[t]!) * gpr * HOURS_PER_MONTH;
    }
    // Storage and network scale with the fleet: a share of what its GPUs cost to hold (owned: depreciation + opex).
    const overheads = tooling + overheadShare * (owned ? gpuUsd + dep : gpuUsd);
    // People look after the GPUs you run: owned, every installed server's GPUs (idle slots included).
    const staffed = owned ? installed * owned.gpusPerServer : gpus;
    const people = staffMonthlyUsdOf(staff, staffed, models);
    const opex = gpuUsd + people + overheads + ft;
    const month = opex + capex + (t === 0 ? setup : 0);
    tco += month;
    if (extra) plusExtra += month + (extra[t] ?? 0);
    if (owned) depTco += opex + dep + (t === 0 ? setup : 0);
    series?.push(month);
    if (!rec) continue;
    rec.gpusByMonth.push(gpus);
    rec.staffedByMonth.push(staffed);
    rec.monthlyUsd.push(month);
    rec.capexUsd.push(capex);
    rec.depreciation.push(opex + dep + (t === 0 ? setup : 0));
    rec.utils.push(r > 0 ? served[t]! / SECONDS_PER_DAY / (r * sloTps) : 0);
    if (t === 0) {
      const first: FleetBreakdown = { gpus: owned ? 0 : gpuUsd, people, overheads, setup };
      if (owned) Object.assign(first, { power, colocation: colo, maintenance: maint });
      if (ft > 0) first.fineTuning = ft;
      if (owned) delete (first as Partial<FleetBreakdown>).gpus;
      rec.first = first;
    }
  }
  return {
    tcoUsd: tco,
    plusExtra: extra ? plusExtra : tco,
    depreciationTcoUsd: owned ? depTco : tco,
    owned: !!owned,
    bought: nBought,
  };
}

// fleetCost's month inputs as arrays (scratch: fleetCost never re-enters itself).
let scratchReplicas = new Float64Array(64);
let scratchServed = new Float64Array(64);

export function fleetCost(m: Model, months: FleetMonth[], opts: { models?: number; setup?: boolean } = {}): FleetCost {
  const pricing = gpuPricing(m);
  const owned = pricing.owned;
  const models = opts.models ?? 1;
  const setup = opts.setup === false ? 0 : setupUsd(m);
  const n = months.length;
  if (scratchReplicas.length < n) {
    scratchReplicas = new Float64Array(n);
    scratchServed = new Float64Array(n);
  }
  for (let t = 0; t < n; t++) {
    scratchReplicas[t] = months[t]!.replicas;
    scratchServed[t] = months[t]!.servedTokensPerDay;
  }
  const rec: FleetRecord = {
    monthlyUsd: [],
    capexUsd: [],
    depreciation: [],
    gpusByMonth: [],
    serversByMonth: [],
    staffedByMonth: [],
    utils: [],
  };
  const run = runFleet(m, scratchReplicas, scratchServed, n, models, setup, null, rec);
  const { monthlyUsd, capexUsd, depreciation, gpusByMonth, serversByMonth, staffedByMonth, utils } = rec;
  const sum = (a: number[]) => a.reduce((x, y) => x + y, 0);
  const out: FleetCost = {
    monthlyUsd,
    tcoUsd: run.tcoUsd,
    setupUsd: setup,
    breakdown: rec.first ?? { gpus: 0, people: 0, overheads: 0, setup },
    gpus: { first: gpusByMonth[0] ?? 0, last: gpusByMonth[n - 1] ?? 0 },
    replicas: { first: months[0]?.replicas ?? 0, last: months[n - 1]?.replicas ?? 0 },
    utilization: { first: utils[0] ?? 0, last: utils[n - 1] ?? 0 },
    staff: {
      first: staffFor(m, staffedByMonth[0] ?? 0, models),
      last: staffFor(m, staffedByMonth[n - 1] ?? 0, models),
    },
    gpuTerm: pricing,
    gpusByMonth,
  };
  if (owned) {
    out.capexUsd = capexUsd;
    out.depreciation = { monthlyUsd: depreciation, tcoUsd: sum(depreciation) };
    out.servers = {
      first: serversByMonth[0] ?? 0,
      last: serversByMonth[n - 1] ?? 0,
      gpusPerServer: owned.gpusPerServer,
    };
    let residual = 0;
    for (let i = 0; i < run.bought; i++)
      residual +=
        boughtServers[i]! * boughtPrice[i]! * Math.max(0, 1 - (n - boughtMonth[i]!) / owned.depreciationMonths);
    out.residualBookValueUsd = residual;
  }
  return out;
}

/**
 * The TCO alone of a fleet whose replicas and served tokens by month are given as arrays (n months),
 * and the TCO with `extra` added month by month: the verdict probes' path, same loop as fleetCost.
 */
export function fleetTco(
  m: Model,
  replicas: ArrayLike<number>,
  served: ArrayLike<number>,
  n: number,
  opts: { extra?: ArrayLike<number>; setup?: boolean; series?: number[] } = {},
): FleetRun {
  return runFleet(
    m,
    replicas,
    served,
    n,
    1,
    opts.setup === false ? 0 : setupUsd(m),
    opts.extra ?? null,
    null,
    opts.series ?? null,
  );
}

/**
 * Monthly cost of one more replica in a month, amortised (owned: depreciation + opex per GPU-hour), incl.
 * its share of people and overheads; the terms and figures read once (the hybrid plan asks every month).
 */
export function marginalReplicaRate(m: Model): (month: number) => number {
  const v = m.values;
  const p = gpuPricing(m);
  const gpr = v["selfHosted.gpusPerReplica"];
  const lock = termLockMonths(p.term);
  const share = v["overheads.storageNetworkShareOfGpu"];
  const people = engineerUsd(fleetFteOf(v["people.ftePer100Gpus"], gpr), v["people.loadedEngineerUsdPerYear"]);
  let gpuF = priceFactors(m, "gpu", 1); // a table (the hybrid plan asks every month), grown when a later month is asked
  return (month) => {
    if (month >= gpuF.length) gpuF = priceFactors(m, "gpu", month + 1);
    const hourly = p.owned
      ? p.owned.allInUsdPerGpuHour * gpuF[month]!
      : p.usdPerGpuHour * gpuF[termRateMonth(month, lock)]!;
    const gpuUsd = gpr * hourly * HOURS_PER_MONTH;
    return gpuUsd * (1 + share) + people;
  };
}

// ---- Shared fleets (portfolio) ------------------------------------------------------------------

export type FleetDemand = { tokensPerDay: number; peakToAverage: number; batchShare?: number };

/**
 * Several workloads' demand on ONE open model × GPU fleet, one team: peaks add up (coincident, the
 * conservative case), replicas are pooled, people, set-up and tooling are paid once. Growth compounds
 * and saturates like a single workload's.
 */
export function selfHostedFleetCost(
  m: Model,
  demands: FleetDemand[],
  opts: { months?: number; growthPct?: number; models?: number } = {},
): FleetCost {
  const months = opts.months ?? m.input.strategy.horizonMonths;
  const factors = growthFactors(
    months,
    opts.growthPct ?? m.input.volume.monthlyGrowthPct,
    m.values["growth.maxMultiple"],
  );
  const peakTps0 = demands.reduce(
    (a, d) => a + (d.tokensPerDay / SECONDS_PER_DAY) * capacityPeakFactor(d.peakToAverage, d.batchShare ?? 0),
    0,
  );
  const tpd0 = demands.reduce((a, d) => a + d.tokensPerDay, 0);
  const fm: FleetMonth[] = [];
  for (let t = 0; t < months; t++) {
    const f = factors[t]!;
    fm.push({
      replicas: tpd0 > 0 ? replicasForPeak(m, peakTps0 * f) : m.values["selfHosted.minReplicas"],
      servedTokensPerDay: tpd0 * f,
    });
  }
  return fleetCost(m, fm, { models: opts.models });
}
