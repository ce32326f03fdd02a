import { HOURS_PER_MONTH, SECONDS_PER_DAY, type Model } from "../model";
import { serversFor } from "./packing";
import { fineTuningMonthlyUsd, setupUsd, staffFor, staffMonthlyUsd, type Staff } from "./staff";
import { gpuPricing, type GpuPricing } from "./terms";
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
