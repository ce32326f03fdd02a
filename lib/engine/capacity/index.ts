import type { Catalog, Figure } from "../catalog";
import type { Model, SloUsed } from "../types";
import { capacityPeakFactor, SECONDS_PER_DAY } from "../units";
import type { Option, ParsedAssessmentInput } from "../schema";
import { capacityCatalog, type CapacityCatalog } from "./catalog";
import { configPricer, fleetTermsLookup, type ConfigPricer, type FleetTerms } from "../economics/config-fleet";
import { growthFactors } from "../economics/load";
import { replicaSlots, serversFor } from "../economics/packing";
import { gpuPricing } from "../economics/terms";
import { chooseConfiguration, replicasFor, type CapacityChoice, type QualityTier } from "./choose";
import { registryLatencies } from "../options";
import type { OptionLatency, RemoteModel } from "./latency";

// Capacity: the performance model (perf.ts), the configurations it sizes (configs.ts), the choice of
// open model × GPU × precision (choose.ts), every option's latency against the target (latency.ts)
// and the one sizing function the cost layer and the portfolio's shared fleets call (sizeFleet).

export { capacityCatalog } from "./catalog";
export type { CapacityChoice, SelfHostedConfig, ModelExclusion } from "./choose";
export type { OptionLatency } from "./latency";
export type { SloUsed } from "../types";
export { fmtMs } from "./choose";

export type FleetSizing = {
  replicas: number;
  gpus: number;
  gpusPerReplica: number;
  tokensPerSecondPerReplica: number;
  peakTokensPerSecond: number;
  /** Average load ÷ the fleet's capacity at the SLO (0 with no traffic). */
  utilization: number;
  slo: SloUsed;
};

/**
 * Demand → fleet: whole replicas for the peak at the SLO throughput per replica and the target
 * utilization, at least minReplicas (a staircase: one replica per step). Reads the override keys, so
 * a user's own throughput or GPUs per replica win. The one sizing formula (costs, hybrid, break-even,
 * portfolio fleets).
 */
export function sizeFleet(m: Model, tokensPerDay: number, peakToAverage: number): FleetSizing {
  const v = m.values;
  const tps = v["selfHosted.tokensPerSecondPerReplica"];
  const replicas = replicasFor(
    tokensPerDay,
    peakToAverage,
    tps,
    v["selfHosted.targetUtilization"],
    v["selfHosted.minReplicas"],
  );
  const avg = tokensPerDay / SECONDS_PER_DAY;
  return {
    replicas,
    gpus: replicas * v["selfHosted.gpusPerReplica"],
    gpusPerReplica: v["selfHosted.gpusPerReplica"],
    tokensPerSecondPerReplica: tps,
    peakTokensPerSecond: avg * peakToAverage,
    utilization: replicas > 0 ? avg / (replicas * tps) : 0,
    slo: m.capacity.slo,
  };
}

export type ResolvedCapacity = {
  choice: CapacityChoice;
  slo: SloUsed;
  latency: Record<Option, OptionLatency>;
  /** Plain-English account of the choice (a reason on the verdict). */
  why: string;
};

/** What a remote call's p95 is computed from (API and hosted open weights). */
export function remoteLatencyParams(catalog: Catalog, input: ParsedAssessmentInput, networkToApiMs: number) {
  const cc = capacityCatalog(catalog);
  return {
    inTok: input.volume.inputTokensPerRequest,
    outTok: input.volume.outputTokensPerRequest,
    targetMs: input.latency.p95TargetMs,
    measure: input.latency.measure,
    p95OverMedian: cc.figure("capacity.api.p95OverMedian").value,
    networkMs: networkToApiMs,
    referencePromptTokens: cc.figure("capacity.api.referencePromptTokens").value,
    prefillTokensPerSecond: cc.figure("capacity.api.prefillTokensPerSecond").value,
  };
}

type RemoteRow = {
  label: string;
  timeToFirstTokenSeconds?: Figure;
  outputTokensPerSecond?: Figure;
  contextTokens?: Figure;
};

export type CapacityRequest = {
  input: ParsedAssessmentInput;
  catalog: Catalog;
  tier: QualityTier;
  tokensPerDay: number;
  peakToAverage: number;
  targetUtilization: number;
  minReplicas: number;
  networkToApiMs: number;
  rate: (gpuId: string) => number | undefined;
  /** Optional: every capacity GPU's rate joined in catalog order (the caller's memo of what the ranking would compute). */
  ratesKey?: string;
  api: RemoteRow;
  hosted: RemoteRow;
};

export function resolveCapacity(q: CapacityRequest): ResolvedCapacity {
  const cc = capacityCatalog(q.catalog);
  const { volume, latency, deployment, strategy } = q.input;
  const workload = { inTok: volume.inputTokensPerRequest, outTok: volume.outputTokensPerRequest };
  const forcedGpu = deployment.gpu !== "auto" ? deployment.gpu : undefined;
  const forcedModel = deployment.openModel !== "auto" ? deployment.openModel : undefined;
  const termsOf = fleetTermsLookup(q.input, q.catalog, q.tier);
  const choice = chooseConfiguration(cc, {
    tier: q.tier,
    workload,
    targetMs: latency.p95TargetMs,
    measure: latency.measure,
    tokensPerDay: q.tokensPerDay,
    growth: volume.monthlyGrowthPct / 100,
    months: strategy.horizonMonths,
    peakToAverage: q.peakToAverage,
    targetUtilization: q.targetUtilization,
    minReplicas: q.minReplicas,
    forcedGpu,
    forcedModel,
    rate: q.rate,
    ratesKey: q.ratesKey,
    // Ranked by the cost actually paid (economics' own fleet formula): owned fleets on whole servers.
    // Asked once per GPU per call (every configuration on a GPU shares its terms and monthly demand).
    pricer: pricersAt(termsOf, q.tokensPerDay, q.peakToAverage),
  });
  const c = choice.chosen;
  const slo: SloUsed = {
    measure: latency.measure,
    targetMs: latency.p95TargetMs,
    p95Ms: choice.unmet ? c.bestP95Ms : c.point.p95Ms + choice.networkMs,
    ttftMs: c.point.ttftMs,
    tpotMs: c.point.tpotMs,
    e2eMs: c.point.e2eMs,
    concurrency: c.point.concurrency,
    met: !choice.unmet,
  };
  // Every option's p95 from its own module (lib/engine/options).
  const optionLatency = registryLatencies({
    params: remoteLatencyParams(q.catalog, q.input, q.networkToApiMs),
    api: remoteModel(cc, q.api),
    hosted: remoteModel(cc, q.hosted),
    choice,
    e2eP95OverMedian: cc.performance.p95Factors.e2e.value,
    outputTokensPerRequest: volume.outputTokensPerRequest,
  }) as Record<Option, OptionLatency>;
  return { choice, slo, latency: optionLatency, why: whyText(choice, q) };
}

/** The ranking's pricer per GPU: economics' configPricer on the GPU's fleet terms at this volume (a module function returning a closure: see choose.ts Ctx). */
function pricersAt(
  termsOf: (gpuId: string) => FleetTerms | null,
  tokensPerDay: number,
  peakToAverage: number,
): (gpuId: string) => ConfigPricer | undefined {
  return (gpuId) => {
    const t = termsOf(gpuId);
    return t ? configPricer(t, tokensPerDay, peakToAverage) : undefined;
  };
}

/** A row without latency figures of its own (today's hosted offers) uses the hosted open-weights medians. */
function remoteModel(cc: CapacityCatalog, r: RemoteRow): RemoteModel {
  return {
    label: r.label,
    ttftSeconds: r.timeToFirstTokenSeconds ?? cc.figure("capacity.hostedOpen.timeToFirstTokenSeconds"),
    outputTokensPerSecond: r.outputTokensPerSecond ?? cc.figure("capacity.hostedOpen.outputTokensPerSecond"),
    ...(r.contextTokens ? { contextTokens: r.contextTokens.value } : {}),
  };
}

function whyText(choice: CapacityChoice, q: CapacityRequest): string {
  const c = choice.chosen;
  const cfg = `${c.modelLabel} (${c.architecture === "moe" ? `MoE, ${c.activeParamsB}B of ${c.totalParamsB}B parameters active` : `dense, ${c.totalParamsB}B`}) at ${c.precision.toUpperCase()} on ${c.gpusPerReplica}× ${c.gpuLabel} per replica`;
  const forced = [
    q.input.deployment.openModel !== "auto" ? "the model you chose" : "",
    q.input.deployment.gpu !== "auto" ? "the GPU you chose" : "",
  ]
    .filter(Boolean)
    .join(" and ");
  const what = q.input.latency.measure === "first-token" ? "first token" : "full response";
  if (choice.unmet) {
    return `No open model × GPU configuration${forced ? ` with ${forced}` : ""} meets a ${fmt(choice.targetMs)} p95 ${what}; self-hosting is priced on the fastest, ${cfg}, at ~${fmt(c.bestP95Ms)} p95 with one request in flight.`;
  }
  const feasibleCount = choice.feasibleCount;
  const ru = choice.runnersUp[0];
  return (
    `Self-hosting runs ${cfg}${forced ? ` (${forced})` : ""}: the cheapest of ${feasibleCount} configurations that meet your ${fmt(choice.targetMs)} p95 ${what} target for the ${q.tier} quality tier, at ${Math.round(c.point.concurrency * 10) / 10} requests in flight per replica (~${fmt(c.point.p95Ms + choice.networkMs)} p95, ${thousands(c.tokensPerSecondPerReplica)} tokens/s per replica)` +
    (ru
      ? `; runner-up ${ru.modelLabel} ${ru.precision.toUpperCase()} on ${ru.gpusPerReplica}× ${ru.gpuLabel} would cost ${pctMore(ru.usdHorizon, c.usdHorizon)} over the horizon (${c.servers ? "servers bought and run" : "GPUs rented"}, with the people and overheads they need).`
      : ".")
  );
}

const fmt = (ms: number) => (ms >= 1000 ? `${Math.round(ms / 100) / 10} s` : `${Math.round(ms)} ms`);
function pctMore(a: number, b: number): string {
  if (!(b > 0)) return "more";
  const d = a / b - 1;
  return Math.abs(d) < 0.005 ? "about the same" : `${Math.round(Math.abs(d) * 100)}% ${d > 0 ? "more" : "less"}`;
}
const thousands = (n: number) => String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ",");

/**
 * What the fleet pays for in a month. Rented: the replicas' GPUs. Owned: whole servers, bought for the
 * peak need so far and kept, each holding floor(GPUs per server ÷ GPUs per replica) replicas; the
 * utilization is then the average load ÷ the SLO capacity of every replica slot paid for.
 */
export type FleetPaid = {
  owned: boolean;
  /** Owned: servers installed and GPUs per server (absent when rented). */
  servers?: number;
  gpusPerServer?: number;
  /** GPUs paid for (owned: servers × GPUs per server, idle slots included). */
  gpus: number;
  /** Replicas running and replicas the paid GPUs can hold. */
  replicas: number;
  replicaSlots: number;
  /** Average load ÷ SLO capacity of every slot paid for. */
  utilization: number;
  /** The line the result page, PDF and CLI show: what is paid, the replicas it holds, the utilization. */
  text: string;
};

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function paidText(p: Omit<FleetPaid, "text">, gpuLabel: string, gpusPerReplica: number): string {
  const util = `${p.utilization > 0 && p.utilization < 0.005 ? "under 1%" : `${Math.round(p.utilization * 100)}%`} of the paid capacity in use`;
  const per = `${gpusPerReplica} GPU${gpusPerReplica === 1 ? "" : "s"} each`;
  if (!p.owned)
    return `${plural(p.gpus, `${gpuLabel} GPU`)} rented: ${plural(p.replicas, "replica")} of ${per}; ${util}`;
  return `${plural(p.servers ?? 0, "server")} × ${p.gpusPerServer} ${gpuLabel} GPUs = ${p.gpus} GPUs paid, running ${p.replicas} of the ${plural(p.replicaSlots, "replica")} they hold (${per}); ${util}`;
}

/** What the result page, PDF, API and CLI show about self-hosting capacity (`Evaluation.capacity`). */
export type CapacitySummary = Pick<
  CapacityChoice,
  "chosen" | "runnersUp" | "candidates" | "considered" | "feasibleCount" | "excludedModels" | "unmet"
> & {
  slo: SloUsed;
  /** Average load ÷ fleet capacity at the SLO, month 1 and the last month of the horizon. */
  utilization: { first: number; last: number };
  fleet: { first: FleetSizing; last: FleetSizing };
  /** What is paid for in month 1 and the last month (owned: servers × GPUs per server, the replicas they hold). */
  paid: { first: FleetPaid; last: FleetPaid };
  latency: Record<Option, OptionLatency>;
  why: string;
};

/** The capacity summary of a resolved model: the chosen configuration, its SLO, utilization at the start and end of the horizon, every option's latency. */
export function capacitySummary(m: Model): CapacitySummary {
  const v = m.input.volume;
  const months = m.input.strategy.horizonMonths;
  const cap = (m.values as Record<string, number | undefined>)["growth.maxMultiple"] ?? Infinity;
  const factors = growthFactors(months, v.monthlyGrowthPct, cap);
  const lastFactor = factors[months - 1] ?? 1;
  const peak = capacityPeakFactor(v.peakToAverage, v.batchShare);
  const first = sizeFleet(m, m.tokensPerDay, peak);
  const last = sizeFleet(m, m.tokensPerDay * lastFactor, peak);
  const c = m.capacity;
  const owned = gpuPricing(m).owned;
  // Owned servers are never sold within the horizon: the last month holds the most servers ever needed.
  let peakServers = 0;
  if (owned)
    for (const f of factors)
      peakServers = Math.max(
        peakServers,
        serversFor(sizeFleet(m, m.tokensPerDay * f, peak).replicas, first.gpusPerReplica, owned.gpusPerServer),
      );
  const paid = (s: FleetSizing, servers: number): FleetPaid => {
    const p = paidOf(s, servers);
    return { ...p, text: paidText(p, c.chosen.gpuLabel, s.gpusPerReplica) };
  };
  const paidOf = (s: FleetSizing, servers: number): Omit<FleetPaid, "text"> => {
    if (!owned)
      return { owned: false, gpus: s.gpus, replicas: s.replicas, replicaSlots: s.replicas, utilization: s.utilization };
    const slots = replicaSlots(servers, s.gpusPerReplica, owned.gpusPerServer);
    const avg = s.utilization * s.replicas * s.tokensPerSecondPerReplica;
    return {
      owned: true,
      servers,
      gpusPerServer: owned.gpusPerServer,
      gpus: servers * owned.gpusPerServer,
      replicas: s.replicas,
      replicaSlots: slots,
      utilization: slots > 0 ? avg / (slots * s.tokensPerSecondPerReplica) : 0,
    };
  };
  const firstServers = owned ? serversFor(first.replicas, first.gpusPerReplica, owned.gpusPerServer) : 0;
  return {
    chosen: c.chosen,
    runnersUp: c.runnersUp,
    candidates: c.candidates,
    considered: c.considered,
    feasibleCount: c.feasibleCount,
    excludedModels: c.excludedModels,
    slo: c.slo,
    utilization: { first: first.utilization, last: last.utilization },
    fleet: { first, last },
    paid: { first: paid(first, firstServers), last: paid(last, Math.max(peakServers, firstServers)) },
    latency: m.latency,
    unmet: c.unmet,
    why: c.why,
  };
}
