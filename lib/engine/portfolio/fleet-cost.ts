import type { Catalog } from "../catalog";
import { capacityPeak, hybridSplit, inHousePeak, selfHostedMonth, setupUsd, tokenMonthlyUsd } from "../costs";
import { DAYS_PER_MONTH, resolveModel, SECONDS_PER_DAY, type Model } from "../model";
import type { ParsedAssessmentInput } from "../schema";

// THE adapter between the portfolio and the engine's cost layer: the only file here that knows how a
// workload's demand and a (shared) fleet are priced. Today it prices with the single-assessment
// functions of lib/engine/costs.ts and model.ts; when `economics` publishes its shared-fleet function
// (see /work/coord/BOARD.md), only this file changes. A one-demand fleet here reproduces
// `selfHostedMonth` exactly (tested in portfolio.test.ts), so a one-workload portfolio costs what
// evaluate() says.

/** What one workload asks of a fleet, month by month, if placed on it (self-hosted or the in-house part of a hybrid). */
export type FleetDemand = {
  workloadId: string;
  /** Pool key: workloads with the same open model on the same GPU share replicas. */
  poolKey: string;
  openModel: string;
  gpu: string;
  gpusPerReplica: number;
  /** Peak load in replicas (fractional) per month: peak tokens/s ÷ (SLO throughput per replica × target utilization). */
  replicaDemand: Float64Array;
  /** Average tokens/s per month (for the fleet's utilization). */
  averageTokensPerSecond: Float64Array;
  /** Tokens/s one replica serves for this workload's shape (for utilization). */
  tokensPerSecondPerReplica: number;
};

/** Company-level figures a fleet and its team are priced with (the same for every workload: one team, one GPU contract). */
export type FleetPrices = {
  gpuUsdPerHour: number;
  minReplicas: number;
  storageNetworkShareOfGpu: number;
  toolingUsdPerMonth: number;
  peopleUsdPerMonth: number;
  setupUsd: number;
  fte: number;
};

export type WorkloadCosts = {
  /** Monthly token bills when the workload is on an external API, or the external part of its hybrid split. */
  external: { api: Float64Array; "hosted-open": Float64Array; hybrid: Float64Array };
  demand: { "self-hosted": FleetDemand; hybrid: FleetDemand };
  prices: FleetPrices;
  hybridShare: number;
};

/** Prices one workload's options for the portfolio (built once per workload, then searched over). */
export function workloadCosts(id: string, input: ParsedAssessmentInput, catalog: Catalog): WorkloadCosts {
  const m = resolveModel(input, catalog);
  const months = input.strategy.horizonMonths;
  const v = input.volume;
  const growth = 1 + v.monthlyGrowthPct / 100;
  const perReq = v.inputTokensPerRequest + v.outputTokensPerRequest;
  const split = hybridSplit(m);
  const api = new Float64Array(months);
  const hosted = new Float64Array(months);
  const hybridExternal = new Float64Array(months);
  const tpdSeries = new Float64Array(months);
  let factor = 1;
  for (let t = 0; t < months; t++) {
    const requestsPerDay = v.requestsPerDay * factor;
    const shape = { requestsPerDay, inTok: v.inputTokensPerRequest, outTok: v.outputTokensPerRequest };
    api[t] = tokenMonthlyUsd(m, "api", shape);
    hosted[t] = tokenMonthlyUsd(m, "hosted-open", shape);
    hybridExternal[t] = tokenMonthlyUsd(m, "api", { ...shape, requestsPerDay: requestsPerDay * (1 - split.selfHostedShare) });
    tpdSeries[t] = requestsPerDay * perReq;
    factor *= growth;
  }
  return {
    external: { api, "hosted-open": hosted, hybrid: hybridExternal },
    demand: {
      "self-hosted": demandOf(id, m, tpdSeries, 1, capacityPeak(m)),
      hybrid: demandOf(id, m, tpdSeries, split.selfHostedShare, inHousePeak(m, split)),
    },
    prices: pricesOf(m),
    hybridShare: split.selfHostedShare,
  };
}

function demandOf(id: string, m: Model, tpd: Float64Array, share: number, peak: number): FleetDemand {
  const v = m.values;
  const perReplica = v["selfHosted.tokensPerSecondPerReplica"] * v["selfHosted.targetUtilization"];
  const replicaDemand = new Float64Array(tpd.length);
  const avg = new Float64Array(tpd.length);
  for (let t = 0; t < tpd.length; t++) {
    avg[t] = (tpd[t]! * share) / SECONDS_PER_DAY;
    replicaDemand[t] = (avg[t]! * peak) / perReplica;
  }
  return {
    workloadId: id,
    poolKey: `${m.openModelLabel} × ${m.gpuLabel}`,
    openModel: m.openModelLabel,
    gpu: m.gpuLabel,
    gpusPerReplica: v["selfHosted.gpusPerReplica"],
    replicaDemand,
    averageTokensPerSecond: avg,
    tokensPerSecondPerReplica: v["selfHosted.tokensPerSecondPerReplica"],
  };
}

function pricesOf(m: Model): FleetPrices {
  const v = m.values;
  // selfHostedMonth with no load gives the fixed monthly people cost the engine uses.
  return {
    gpuUsdPerHour: v["gpu.usdPerHour"],
    minReplicas: v["selfHosted.minReplicas"],
    storageNetworkShareOfGpu: v["overheads.storageNetworkShareOfGpu"],
    toolingUsdPerMonth: v["overheads.toolingUsdPerMonth"],
    peopleUsdPerMonth: selfHostedMonth(m, 0, 1).peopleUsd,
    setupUsd: setupUsd(m),
    fte: v["people.fte"],
  };
}

export type FleetMonth = { replicas: number; gpus: number; gpuUsd: number; storageNetworkUsd: number; utilization: number };

/**
 * One pooled fleet (one open model on one GPU) carrying several workloads in one month: their peaks
 * in replicas are added (the batch share of each already runs flat at its average, see capacityPeak),
 * and rounded up ONCE, with the availability floor once. GPUs are paid 730 h/month, busy or idle.
 */
export function fleetMonth(demands: readonly FleetDemand[], t: number, prices: FleetPrices): FleetMonth {
  let need = 0;
  let avgReplicas = 0;
  for (const d of demands) {
    need += d.replicaDemand[t]!;
    avgReplicas += d.averageTokensPerSecond[t]! / d.tokensPerSecondPerReplica;
  }
  const replicas = Math.max(prices.minReplicas, Math.ceil(need - 1e-9));
  const gpus = replicas * demands[0]!.gpusPerReplica;
  const gpuUsd = gpus * prices.gpuUsdPerHour * (8760 / 12);
  return { replicas, gpus, gpuUsd, storageNetworkUsd: prices.storageNetworkShareOfGpu * gpuUsd, utilization: replicas > 0 ? avgReplicas / replicas : 0 };
}

/** The one team that runs every fleet of the plan: people and tooling per month, set-up once in month 1. */
export function teamMonth(prices: FleetPrices, t: number): { peopleUsd: number; toolingUsd: number; setupUsd: number } {
  return { peopleUsd: prices.peopleUsdPerMonth, toolingUsd: prices.toolingUsdPerMonth, setupUsd: t === 0 ? prices.setupUsd : 0 };
}

export { DAYS_PER_MONTH };
