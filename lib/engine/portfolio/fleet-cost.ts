import type { Catalog } from "../catalog";
import { capacityPeak, fleetCost, hostedSpillModel, hybridConstraints, planHybrid, tokensPerDayOf, usableTpsPerReplica, volumeFactors, type FleetMonth } from "../economics";
import { setupUsd, staffMonthlyUsd } from "../economics/staff";
import type { Evaluation } from "../evaluate";
import { resolveModel, SECONDS_PER_DAY, type Model } from "../model";
import type { ParsedAssessmentInput } from "../schema";

// THE adapter between the portfolio and the engine's cost layer (lib/engine/economics): the only file
// here that knows how a workload's demand and a shared fleet are priced. External bills are the
// workload's own Evaluation (`costs.api / hosted-open .monthlyUsd`: price trends, fine-tuning at the
// host, saturating growth all included). Fleets are economics' `fleetCost` per open model × GPU, with
// the demands of every workload on it added month by month (peaks coincide: the conservative case;
// each workload's batch share already runs flat at its average, see capacityPeak) and rounded up
// ONCE; people (scaled by the plan's GPUs and the models operated), tooling and set-up are paid ONCE
// for the plan. A one-workload plan reproduces evaluate()'s self-hosted and hybrid costs exactly.

/** What one workload asks of a fleet, month by month, if placed on it (self-hosted or the in-house part of a hybrid). */
export type FleetDemand = {
  workloadId: string;
  /** Workloads with the same open model, GPU and replica size share replicas. */
  poolKey: string;
  openModel: string;
  gpu: string;
  m: Model;
  /** Replicas needed per month: fractional (self-hosted: peak ÷ usable tokens/s per replica) or whole (a hybrid's optimised count). */
  replicas: Float64Array;
  servedTokensPerDay: Float64Array;
  /** Fine-tuning/evaluation is paid per fleet when any workload on it is fine-tuned. */
  fineTuned: boolean;
  /** Self-hosted demand keeps the availability floor even at no load; a hybrid's optimised count already has it where it runs. */
  floored: boolean;
  /** A "hybrid" whose cheapest split sends everything to an API needs no fleet at all. */
  none?: boolean;
};

export type WorkloadCosts = {
  /** Monthly external bills when the workload is on an API, or the external part of its hybrid split. */
  external: { api: Float64Array; "hosted-open": Float64Array; hybrid: Float64Array };
  demand: { "self-hosted": FleetDemand; hybrid: FleetDemand };
};

const f64 = (xs: readonly number[]) => Float64Array.from(xs);

/** Prices one workload's options for the portfolio (built once per workload, then searched over). */
export function workloadCosts(id: string, input: ParsedAssessmentInput, catalog: Catalog, standalone: Evaluation): WorkloadCosts {
  const m = resolveModel(input, catalog);
  const months = input.strategy.horizonMonths;
  const factors = volumeFactors(m, months);
  const tpd0 = tokensPerDayOf(m);
  const r = capacityPeak(m);
  const usable = usableTpsPerReplica(m);
  const key = `${m.openModelLabel} × ${m.gpuLabel} × ${m.values["selfHosted.gpusPerReplica"]}`;
  const fineTuned = input.capability.customization === "fine-tuning" || input.capability.customization === "full-control";
  const base = { workloadId: id, poolKey: key, openModel: m.openModelLabel, gpu: m.gpuLabel, m, fineTuned };
  const selfHosted: FleetDemand = {
    ...base,
    floored: true,
    replicas: f64(factors.map((f) => ((tpd0 * f) / SECONDS_PER_DAY) * r / usable)),
    servedTokensPerDay: f64(factors.map((f) => tpd0 * f)),
  };
  // The hybrid exactly as the workload's own evaluation optimised it (same target and mandatory shares).
  const split = standalone.costs.hybrid.split;
  let hybridDemand = selfHosted;
  let hybridExternal = new Float64Array(months);
  if (split?.pure === "api" || split?.pure === "hosted-open") {
    hybridDemand = { ...selfHosted, floored: false, none: true, replicas: new Float64Array(months), servedTokensPerDay: new Float64Array(months) };
    hybridExternal = f64(standalone.costs[split.pure].monthlyUsd);
  } else if (split && !split.pure) {
    const { sMin, eMin } = hybridConstraints(m);
    const plan = planHybrid(split.external === "hosted-open" ? hostedSpillModel(m, catalog) : m, split.external === "hosted-open" ? "hosted-open" : "api", sMin, eMin);
    hybridDemand = { ...base, floored: false, replicas: f64(plan.months.map((x) => x.replicas)), servedTokensPerDay: f64(plan.months.map((x) => x.servedTokensPerDay)) };
    hybridExternal = f64(plan.externalUsd);
  }
  return {
    external: { api: f64(standalone.costs.api.monthlyUsd), "hosted-open": f64(standalone.costs["hosted-open"].monthlyUsd), hybrid: hybridExternal },
    demand: { "self-hosted": selfHosted, hybrid: hybridDemand },
  };
}

export type PoolSummary = {
  key: string;
  openModel: string;
  gpu: string;
  workloads: string[];
  replicas: { first: number; last: number };
  gpus: { first: number; last: number };
  utilization: { first: number; last: number };
  /** GPUs the same workloads would need on separate fleets in month 1. */
  gpusIfSeparate: number;
};

export type FleetsCost = {
  monthlyUsd: Float64Array;
  breakdown: { gpus: number; people: number; overheads: number; setup: number };
  fleets: PoolSummary[];
  team: { fte: number; peopleUsdPerMonth: number; setupUsd: number };
};

function poolMonths(demands: readonly FleetDemand[], months: number): FleetMonth[] {
  const m0 = demands[0]!.m;
  const minReplicas = m0.values["selfHosted.minReplicas"];
  const floored = demands.some((d) => d.floored);
  const out: FleetMonth[] = [];
  for (let t = 0; t < months; t++) {
    let need = 0;
    let served = 0;
    for (const d of demands) {
      need += d.replicas[t]!;
      served += d.servedTokensPerDay[t]!;
    }
    const whole = Math.ceil(need - 1e-9);
    out.push({ replicas: floored ? Math.max(minReplicas, whole) : whole, servedTokensPerDay: served });
  }
  return out;
}

/**
 * The fleets of a placement: one per pool key (`pooled`) or one per workload (to price "running them
 * apart"), and the team. `pooled` = one team for all fleets; otherwise one team per fleet.
 */
export function fleetsCost(demands: readonly FleetDemand[], months: number, pooled: boolean, detail: boolean): FleetsCost {
  const monthly = new Float64Array(months);
  const breakdown = { gpus: 0, people: 0, overheads: 0, setup: 0 };
  const groups = new Map<string, FleetDemand[]>();
  for (const d of demands) {
    if (d.none) continue;
    const key = pooled ? d.poolKey : `${d.poolKey}#${d.workloadId}`;
    const g = groups.get(key);
    if (g) g.push(d);
    else groups.set(key, [d]);
  }
  const fleets: PoolSummary[] = [];
  if (groups.size === 0) return { monthlyUsd: monthly, breakdown, fleets, team: { fte: 0, peopleUsdPerMonth: 0, setupUsd: 0 } };
  const totalGpus = new Float64Array(months);
  let lead: Model | undefined;
  for (const [key, g] of groups) {
    // The fleet is priced on a fine-tuned member's model when there is one (fine-tuning paid once per fleet).
    const m = (g.find((d) => d.fineTuned) ?? g[0]!).m;
    lead ??= m;
    const pm = poolMonths(g, months);
    const fc = fleetCost(m, pm, { setup: false });
    const tooling = m.values["overheads.toolingUsdPerMonth"];
    for (let t = 0; t < months; t++) {
      const gpus = fc.gpusByMonth[t]!;
      totalGpus[t]! += gpus;
      // Pool costs without its own team; the team is added once below (or per fleet when not pooled).
      monthly[t]! += fc.monthlyUsd[t]! - staffMonthlyUsd(m, gpus, 1) - (pooled ? tooling : 0);
      if (!pooled) monthly[t]! += staffMonthlyUsd(m, gpus, 1) + (t === 0 ? setupUsd(m) : 0);
    }
    const b = fc.breakdown;
    breakdown.gpus += (b.gpus ?? 0) + (b.power ?? 0) + (b.colocation ?? 0) + (b.maintenance ?? 0);
    breakdown.overheads += b.overheads - (pooled ? tooling : 0) + (b.fineTuning ?? 0);
    if (!pooled) {
      breakdown.people += b.people;
      breakdown.setup += setupUsd(m);
    }
    if (detail) {
      const separate = g.reduce((s, d) => s + poolMonths([d], 1)[0]!.replicas * m.values["selfHosted.gpusPerReplica"], 0);
      fleets.push({
        key,
        openModel: g[0]!.openModel,
        gpu: g[0]!.gpu,
        workloads: g.map((d) => d.workloadId),
        replicas: fc.replicas,
        gpus: fc.gpus,
        utilization: fc.utilization,
        gpusIfSeparate: separate,
      });
    }
  }
  let fte = 0;
  let people0 = 0;
  let setup = 0;
  if (pooled && lead) {
    const models = groups.size;
    setup = setupUsd(lead);
    for (let t = 0; t < months; t++) monthly[t]! += staffMonthlyUsd(lead, totalGpus[t]!, models) + lead.values["overheads.toolingUsdPerMonth"] + (t === 0 ? setup : 0);
    people0 = staffMonthlyUsd(lead, totalGpus[0]!, models);
    breakdown.people = people0;
    breakdown.overheads += lead.values["overheads.toolingUsdPerMonth"];
    breakdown.setup = setup;
    fte = people0 / (lead.values["people.loadedEngineerUsdPerYear"] / 12);
  } else {
    people0 = breakdown.people;
    setup = breakdown.setup;
  }
  return { monthlyUsd: monthly, breakdown, fleets, team: { fte, peopleUsdPerMonth: people0, setupUsd: setup } };
}
