import type { Catalog } from "../catalog";
import {
  capacityPeak,
  fleetCost,
  hostedSpillModel,
  hybridConstraints,
  planHybrid,
  tokensPerDayOf,
  usableTpsPerReplica,
  volumeFactors,
  type FleetMonth,
} from "../economics";
import { resolvedGpuSource } from "../economics/assumptions";
import { fineTuningMonthlyUsd, setupUsd, staffFigures, staffFteOf, staffMonthlyUsd } from "../economics/staff";
import type { Evaluation } from "../evaluate";
import { resolveModel } from "../model";
import type { Model } from "../types";
import { SECONDS_PER_DAY } from "../units";
import type { ParsedAssessmentInput } from "../schema";

// THE adapter between the portfolio and the engine's cost layer (lib/engine/economics): the only file
// here that knows how a workload's demand and a shared fleet are priced. External bills are the
// workload's own Evaluation (`costs.api / hosted-open .monthlyUsd`: price trends, fine-tuning at the
// host, saturating growth all included). Fleets are economics' `fleetCost` per open model × GPU, with
// the demands of every workload on it added month by month (peaks coincide: the conservative case;
// each workload's batch share already runs flat at its average, see capacityPeak) and rounded up
// ONCE; people (scaled by the plan's GPUs and the models operated), tooling and set-up are paid ONCE
// for the plan. A one-workload plan reproduces evaluate()'s self-hosted and hybrid costs exactly.
//
// Order independence, by construction. A fleet is priced from figures every workload on it agrees on:
//  - the pool key holds everything that decides how a fleet is priced and differs between workloads:
//    open model, GPU, GPUs per replica and the GPU source and term (a workload whose prompts must stay
//    in house, or ITAR data, defaults to owned servers while its neighbours rent: two fleets). Every
//    other figure fleetCost reads (GPU rates, owned-server terms, price trends, availability floor,
//    overheads, people, set-up) comes from the catalog and the company's team, deployment and
//    assumptions, so it is the same for every workload (tested: "members of a pool agree");
//  - what stays per workload is summed over the members: replicas needed, tokens served, the flat
//    batch load in replicas (spot), and the SLO-replica load behind utilization;
//  - fine-tuning is paid once per fleet when any workload on it is fine-tuned, at the dearest of the
//    fine-tuned members' retraining costs (they differ by quality tier): the same whichever is listed
//    first, and never lower when a workload is added;
//  - the team (people, tooling, set-up) reads only company-level figures (TEAM_KEYS).

/** What one workload asks of a fleet, month by month, if placed on it (self-hosted or the in-house part of a hybrid). */
export type FleetDemand = {
  workloadId: string;
  /** Workloads with the same open model, GPU, replica size and GPU source/term share replicas. */
  poolKey: string;
  openModel: string;
  gpu: string;
  /** Where the fleet's GPUs come from (resolved: offline or in-house workloads default to owned servers). */
  gpuSource: string;
  gpuTerm: string;
  m: Model;
  /** Replicas needed per month: fractional (self-hosted: peak ÷ usable tokens/s per replica) or whole (a hybrid's optimised count). */
  replicas: Float64Array;
  servedTokensPerDay: Float64Array;
  /** The flat batch load per month in usable replicas (batch share × served ÷ usable tokens/s): replicas that may run on spot. */
  batchReplicas: Float64Array;
  /** SLO throughput of one replica for this workload's requests (utilization = load in SLO replicas ÷ replicas). */
  sloTps: number;
  /** Fine-tuning/evaluation is paid per fleet when any workload on it is fine-tuned (USD/month, 0 when not). */
  fineTuned: boolean;
  fineTuningUsdPerMonth: number;
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

/** Prices one workload's options for the portfolio (built once per workload, then searched over). `m`: the workload's resolved model, when the caller has it. */
export function workloadCosts(
  id: string,
  input: ParsedAssessmentInput,
  catalog: Catalog,
  standalone: Evaluation,
  m: Model = resolveModel(input, catalog),
): WorkloadCosts {
  const months = input.strategy.horizonMonths;
  const factors = volumeFactors(m, months);
  const tpd0 = tokensPerDayOf(m);
  const r = capacityPeak(m);
  const usable = usableTpsPerReplica(m);
  const source = resolvedGpuSource(input);
  const key = `${m.openModelLabel} × ${m.gpuLabel} × ${m.values["selfHosted.gpusPerReplica"]} × ${source.source}/${source.term}`;
  const fineTuned =
    input.capability.customization === "fine-tuning" || input.capability.customization === "full-control";
  const batch = input.volume.batchShare;
  // fleetCost's own spot count for one workload, kept per workload so a pool can add them up.
  const batchReplicas = (served: ArrayLike<number>) =>
    f64(Array.from(served, (s) => (batch * s) / SECONDS_PER_DAY / usable));
  const base = {
    workloadId: id,
    poolKey: key,
    openModel: m.openModelLabel,
    gpu: m.gpuLabel,
    gpuSource: source.source,
    gpuTerm: source.term,
    m,
    sloTps: m.values["selfHosted.tokensPerSecondPerReplica"],
    fineTuned,
    fineTuningUsdPerMonth: fineTuningMonthlyUsd(m),
  };
  const served = f64(factors.map((f) => tpd0 * f));
  const selfHosted: FleetDemand = {
    ...base,
    floored: true,
    replicas: f64(factors.map((f) => (((tpd0 * f) / SECONDS_PER_DAY) * r) / usable)),
    servedTokensPerDay: served,
    batchReplicas: batchReplicas(served),
  };
  // The hybrid exactly as the workload's own evaluation optimised it (same target and mandatory shares).
  const split = standalone.costs.hybrid.split;
  let hybridDemand = selfHosted;
  let hybridExternal = new Float64Array(months);
  if (split?.pure === "api" || split?.pure === "hosted-open") {
    hybridDemand = {
      ...selfHosted,
      floored: false,
      none: true,
      replicas: new Float64Array(months),
      servedTokensPerDay: new Float64Array(months),
      batchReplicas: new Float64Array(months),
    };
    hybridExternal = f64(standalone.costs[split.pure].monthlyUsd);
  } else if (split && !split.pure) {
    const { sMin, eMin } = hybridConstraints(m);
    const plan = planHybrid(
      split.external === "hosted-open" ? hostedSpillModel(m, catalog) : m,
      split.external === "hosted-open" ? "hosted-open" : "api",
      sMin,
      eMin,
    );
    const inHouse = f64(plan.months.map((x) => x.servedTokensPerDay));
    hybridDemand = {
      ...base,
      floored: false,
      replicas: f64(plan.months.map((x) => x.replicas)),
      servedTokensPerDay: inHouse,
      batchReplicas: batchReplicas(inHouse),
    };
    hybridExternal = f64(plan.externalUsd);
  }
  return {
    external: {
      api: f64(standalone.costs.api.monthlyUsd),
      "hosted-open": f64(standalone.costs["hosted-open"].monthlyUsd),
      hybrid: hybridExternal,
    },
    demand: { "self-hosted": selfHosted, hybrid: hybridDemand },
  };
}

export type PoolSummary = {
  key: string;
  openModel: string;
  gpu: string;
  /** Resolved GPU source ("owned", "gpu-cloud", "hyperscaler") and term ("owned", "on-demand", "reserved-1y", …). */
  gpuSource: string;
  gpuTerm: string;
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

/** A pooled month: fleetCost's FleetMonth plus the members' flat batch load in replicas (spot). */
type PoolMonth = FleetMonth & { batchReplicas: number };

function poolMonths(demands: readonly FleetDemand[], months: number): PoolMonth[] {
  // The availability floor is a catalog/company figure (selfHosted.minReplicas): the same on every member.
  const minReplicas = demands[0]!.m.values["selfHosted.minReplicas"];
  const floored = demands.some((d) => d.floored);
  const out: PoolMonth[] = [];
  for (let t = 0; t < months; t++) {
    let need = 0;
    let served = 0;
    let batch = 0;
    for (const d of demands) {
      need += d.replicas[t]!;
      served += d.servedTokensPerDay[t]!;
      batch += d.batchReplicas[t]!;
    }
    const whole = Math.ceil(need - 1e-9);
    out.push({
      replicas: floored ? Math.max(minReplicas, whole) : whole,
      servedTokensPerDay: served,
      batchReplicas: batch,
    });
  }
  return out;
}

/** Average load ÷ SLO capacity in month t: each member's tokens in its own SLO replicas, over the fleet's replicas. */
function poolUtilization(demands: readonly FleetDemand[], replicas: number, t: number): number {
  if (replicas <= 0) return 0;
  let load = 0;
  for (const d of demands) load += d.servedTokensPerDay[t]! / SECONDS_PER_DAY / d.sloTps;
  return load / replicas;
}

/**
 * The model a fleet is priced on. Members agree on every figure fleetCost reads except fine-tuning
 * (see the header), so the fine-tuned member with the dearest retraining is taken when there is one,
 * else the first: the fleet's cost is the same whichever order the workloads come in.
 */
function fleetModel(g: readonly FleetDemand[]): Model {
  let best: FleetDemand | undefined;
  for (const d of g) if (d.fineTuned && (!best || d.fineTuningUsdPerMonth > best.fineTuningUsdPerMonth)) best = d;
  return (best ?? g[0]!).m;
}

/**
 * A pool of several workloads priced by economics' fleetCost. fleetCost counts spot replicas from ONE
 * model's batch share and usable throughput (⌊batchShare × served ÷ 86400 ÷ usable⌋); a pool's members
 * differ in both, so the pool's count is the sum of theirs (PoolMonth.batchReplicas, rounded down once).
 * It is handed over as a batch share of 1 and the tokens that fill exactly that many usable replicas:
 * fleetCost reads servedTokensPerDay only for that count and for utilization, which poolUtilization
 * computes from the members instead. (Board request: fleetCost taking the count directly; then this
 * shim goes.) One workload is priced on its own model and tokens, exactly as evaluate() prices it.
 */
function pooledFleetCost(m: Model, monthsOfPool: readonly PoolMonth[]) {
  const usable = usableTpsPerReplica(m);
  const batchAsOne: Model = { ...m, input: { ...m.input, volume: { ...m.input.volume, batchShare: 1 } } };
  return fleetCost(
    batchAsOne,
    monthsOfPool.map((x) => ({ replicas: x.replicas, servedTokensPerDay: x.batchReplicas * SECONDS_PER_DAY * usable })),
    { setup: false },
  );
}

/**
 * The figures the team (people, set-up, tooling) is priced from: catalog and company answers only
 * (team maturity, loaded engineer cost, staff ratios, overrides), so every workload's model carries the
 * same values (tested) and the team costs the same whichever workload is read.
 */
export const TEAM_KEYS = [
  "people.fte",
  "people.ftePer100Gpus",
  "people.ftePerModel",
  "people.onCallFte",
  "people.loadedEngineerUsdPerYear",
  "people.setupEngineerMonths",
  "overheads.toolingUsdPerMonth",
] as const;

/**
 * What one fleet adds to a placement's cost, month by month and to the breakdown (fleetsCost's loop
 * body): the same for every placement that puts the same demands on it, so a search remembers it.
 */
type FleetShare = {
  /** Added to the month: the fleet without its own team, and (not pooled) its own team and set-up. */
  fleetUsd: Float64Array;
  ownTeamUsd?: Float64Array;
  gpusByMonth: readonly number[];
  gpus: number;
  overheads: number;
  people: number;
  setup: number;
};

/**
 * Fleet shares already priced in one evaluatePortfolio call, by the demands on the fleet (in order) and
 * whether the team is pooled. A placement search prices the same fleets over and over (3 workloads: up
 * to 64 placements; 20: every single move of the greedy search).
 */
export type FleetsMemo = { ids: Map<FleetDemand, number>; shares: Map<string, FleetShare> };
export function fleetsMemo(): FleetsMemo {
  return { ids: new Map(), shares: new Map() };
}

function fleetShare(
  g: readonly FleetDemand[],
  months: number,
  pooled: boolean,
  memo: FleetsMemo | undefined,
):
  | { share: FleetShare; m: Model; monthsOfPool: PoolMonth[]; fleet: ReturnType<typeof fleetCost> | undefined }
  | { share: FleetShare; m?: undefined; monthsOfPool?: undefined; fleet?: undefined } {
  let key: string | undefined;
  if (memo) {
    key = pooled ? "p" : "s";
    for (const d of g) {
      let id = memo.ids.get(d);
      if (id === undefined) memo.ids.set(d, (id = memo.ids.size));
      key += `,${id}`;
    }
    const hit = memo.shares.get(key);
    if (hit) return { share: hit };
  }
  const m = fleetModel(g);
  const monthsOfPool = poolMonths(g, months);
  const fleet = g.length === 1 ? fleetCost(m, monthsOfPool, { setup: false }) : pooledFleetCost(m, monthsOfPool);
  const tooling = m.values["overheads.toolingUsdPerMonth"];
  const fleetUsd = new Float64Array(months);
  const ownTeamUsd = pooled ? undefined : new Float64Array(months);
  for (let t = 0; t < months; t++) {
    const gpus = fleet.gpusByMonth[t]!;
    // Pool costs without its own team; the team is added once by fleetsCost (or per fleet when not pooled).
    fleetUsd[t] = fleet.monthlyUsd[t]! - staffMonthlyUsd(m, gpus, 1) - (pooled ? tooling : 0);
    if (ownTeamUsd) ownTeamUsd[t] = staffMonthlyUsd(m, gpus, 1) + (t === 0 ? setupUsd(m) : 0);
  }
  const b = fleet.breakdown;
  const share: FleetShare = {
    fleetUsd,
    ...(ownTeamUsd ? { ownTeamUsd } : {}),
    gpusByMonth: fleet.gpusByMonth,
    gpus: (b.gpus ?? 0) + (b.power ?? 0) + (b.colocation ?? 0) + (b.maintenance ?? 0),
    overheads: b.overheads - (pooled ? tooling : 0) + (b.fineTuning ?? 0),
    people: b.people,
    setup: pooled ? 0 : setupUsd(m),
  };
  if (memo && key !== undefined) memo.shares.set(key, share);
  return { share, m, monthsOfPool, fleet };
}

/**
 * The fleets of a placement: one per pool key (`pooled`) or one per workload (to price "running them
 * apart"), and the team. `pooled` = one team for all fleets; otherwise one team per fleet. `memo`
 * (a search's): fleets already priced are not priced again (ignored with `detail`).
 */
export function fleetsCost(
  demands: readonly FleetDemand[],
  months: number,
  pooled: boolean,
  detail: boolean,
  memo?: FleetsMemo,
): FleetsCost {
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
  if (groups.size === 0)
    return { monthlyUsd: monthly, breakdown, fleets, team: { fte: 0, peopleUsdPerMonth: 0, setupUsd: 0 } };
  const totalGpus = new Float64Array(months);
  // Company-level figures only (TEAM_KEYS): any member's model gives the same team.
  const team = demands.find((d) => !d.none)!.m;
  for (const [key, g] of groups) {
    const { share, m, monthsOfPool, fleet } = fleetShare(g, months, pooled, detail ? undefined : memo);
    for (let t = 0; t < months; t++) {
      totalGpus[t]! += share.gpusByMonth[t]!;
      monthly[t]! += share.fleetUsd[t]!;
      if (share.ownTeamUsd) monthly[t]! += share.ownTeamUsd[t]!;
    }
    breakdown.gpus += share.gpus;
    breakdown.overheads += share.overheads;
    if (!pooled) {
      breakdown.people += share.people;
      breakdown.setup += share.setup;
    }
    if (detail && m && monthsOfPool && fleet) {
      const separate = g.reduce(
        (s, d) => s + poolMonths([d], 1)[0]!.replicas * m.values["selfHosted.gpusPerReplica"],
        0,
      );
      const last = months - 1;
      fleets.push({
        key,
        openModel: g[0]!.openModel,
        gpu: g[0]!.gpu,
        gpuSource: g[0]!.gpuSource,
        gpuTerm: g[0]!.gpuTerm,
        workloads: g.map((d) => d.workloadId),
        replicas: fleet.replicas,
        gpus: fleet.gpus,
        // One workload: economics' own figure (as evaluate() reports it); several: their loads added.
        utilization:
          g.length === 1
            ? fleet.utilization
            : {
                first: poolUtilization(g, monthsOfPool[0]!.replicas, 0),
                last: poolUtilization(g, monthsOfPool[last]!.replicas, last),
              },
        gpusIfSeparate: separate,
      });
    }
  }
  let fte = 0;
  let people0 = 0;
  let setup = 0;
  if (pooled) {
    const models = groups.size;
    setup = setupUsd(team);
    for (let t = 0; t < months; t++)
      monthly[t]! +=
        staffMonthlyUsd(team, totalGpus[t]!, models) +
        team.values["overheads.toolingUsdPerMonth"] +
        (t === 0 ? setup : 0);
    people0 = staffMonthlyUsd(team, totalGpus[0]!, models);
    breakdown.people = people0;
    breakdown.overheads += team.values["overheads.toolingUsdPerMonth"];
    breakdown.setup = setup;
    fte = staffFteOf(staffFigures(team), totalGpus[0]!, models);
  } else {
    people0 = breakdown.people;
    setup = breakdown.setup;
  }
  return { monthlyUsd: monthly, breakdown, fleets, team: { fte, peopleUsdPerMonth: people0, setupUsd: setup } };
}
