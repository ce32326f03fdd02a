import type { Model } from "../types";
import { HOURS_PER_MONTH, tokensPerDayOfVolume } from "../units";
import type { Option } from "../schema";
import { fleetTco, marginalReplicaRate, replicaSizer } from "./fleet";
import {
  hybridConstraints,
  idlePlanMonth,
  planHasLoad,
  planMonth,
  planStepOf,
  probeBuffers,
  pureCandidatesOf,
  type PlanBuffers,
  type PlanStep,
} from "./hybrid-plan";
import { fineTuningMonthlyUsd, staffFigures, staffMonthlyUsdOf, type StaffFigures } from "./staff";
import { gpuPricing } from "./terms";
import { capacityPeak, shapeAt, tokenMonthAt, tokenMonthlyUsd, tokenRateOf, volumeFactors } from "./tokens";

// Steady months (no set-up, today's prices) at a daily volume: a self-hosted fleet sized for it and every
// option's monthly cost, one point or a whole curve. Break-even's staircase and the cost-vs-volume chart.

export type SelfHostedMonth = {
  gpus: number;
  replicas: number;
  gpuUsd: number;
  peopleUsd: number;
  overheadsUsd: number;
  total: number;
};

/**
 * Steady monthly cost of a fleet sized for a daily volume (no set-up, today's prices; owned GPUs at
 * their all-in hourly equivalent). The break-even staircase and the volume curve use it.
 */
export function selfHostedMonth(m: Model, tokensPerDay: number, peakToAverage: number): SelfHostedMonth {
  return selfHostedMonthAt(selfHostedSteadyOf(m), tokensPerDay, peakToAverage);
}

/** What a steady self-hosted month reads besides the volume: the replica staircase, GPU rate, staff and overheads (break-even's staircase and the volume curve read it once per model). */
export type SelfHostedSteady = {
  size: (tokensPerDay: number, peakToAverage: number) => number;
  gpusPerReplica: number;
  usdPerGpuHour: number;
  staff: StaffFigures;
  tooling: number;
  overheadShare: number;
  fineTuning: number;
};

export function selfHostedSteadyOf(m: Model): SelfHostedSteady {
  const v = m.values;
  return {
    size: replicaSizer(m),
    gpusPerReplica: v["selfHosted.gpusPerReplica"],
    usdPerGpuHour: gpuPricing(m).usdPerGpuHour,
    staff: staffFigures(m),
    tooling: v["overheads.toolingUsdPerMonth"],
    overheadShare: v["overheads.storageNetworkShareOfGpu"],
    fineTuning: fineTuningMonthlyUsd(m),
  };
}

/** selfHostedMonth with the model's figures read once (`selfHostedSteadyOf`). */
export function selfHostedMonthAt(c: SelfHostedSteady, tokensPerDay: number, peakToAverage: number): SelfHostedMonth {
  const replicas = c.size(tokensPerDay, peakToAverage);
  const gpus = replicas * c.gpusPerReplica;
  const gpuUsd = gpus * c.usdPerGpuHour * HOURS_PER_MONTH;
  const peopleUsd = staffMonthlyUsdOf(c.staff, gpus); // staffFor(m, gpus).monthlyUsd without building the texts
  const overheadsUsd = c.tooling + c.overheadShare * gpuUsd + c.fineTuning;
  return { gpus, replicas, gpuUsd, peopleUsd, overheadsUsd, total: gpuUsd + peopleUsd + overheadsUsd };
}

/**
 * Steady monthly cost at a daily volume (no set-up, today's prices): the volume curve and break-even use
 * this. `known`: the API's and self-hosting's steady cost at this volume when the caller already has them
 * (the volume curve prices every option at each point), so the hybrid does not price them again.
 */
/** Where a hybrid may send traffic (verdictRules' spillTargets); the API alone when not given. */
export type SpillTargets = readonly ("api" | "hosted-open")[];
const API_ONLY: SpillTargets = ["api"];

export function steadyMonthlyUsd(
  m: Model,
  option: Option,
  tokensPerDay: number,
  known: { api?: number; "hosted-open"?: number; "self-hosted"?: number; targets?: SpillTargets } = {},
): number {
  switch (option) {
    case "api":
    case "hosted-open":
      return (
        tokenMonthlyUsd(m, option, shapeAt(m, tokensPerDay)) + (option === "hosted-open" ? fineTuningMonthlyUsd(m) : 0)
      );
    case "self-hosted":
      return selfHostedMonth(m, tokensPerDay, capacityPeak(m)).total;
    case "hybrid":
      // The cheapest of the parts and a split at this volume (the same optimisation, one month).
      return steadyHybridAt(steadyHybridOf(m, known.targets ?? API_ONLY), probeBuffers(1), tokensPerDay, known);
  }
}

/**
 * The steady hybrid of a model, what does not depend on the daily volume: the month priced (growth off, a
 * one-month horizon), its plan step and one more replica's cost. `volume`: scratch for each point's volume.
 */
type SteadyHybrid = {
  m: Model;
  one: Model;
  volume: Model["input"]["volume"];
  f0: number;
  step: PlanStep;
  rc: number;
  pure: ("api" | "hosted-open" | "self-hosted")[];
};

function steadyHybridOf(m: Model, targets: SpillTargets): SteadyHybrid {
  const { sMin, eMin } = hybridConstraints(m);
  const one: Model = {
    ...m,
    input: {
      ...m.input,
      volume: { ...m.input.volume, monthlyGrowthPct: 0 },
      strategy: { ...m.input.strategy, horizonMonths: 1 },
    },
  };
  // The pure options a split may collapse to are the horizon decision's (pickHybrid): one definition of the hybrid.
  return {
    m,
    one,
    volume: { ...one.input.volume },
    f0: volumeFactors(one)[0]!,
    step: planStepOf(one, "api", sMin, eMin, 1),
    rc: marginalReplicaRate(one)(0),
    pure: pureCandidatesOf(sMin, eMin, targets),
  };
}

/** steadyMonthlyUsd's hybrid at one daily volume: the plan's and the fleet's month at n = 1 (owned fleets at their depreciation view). */
function steadyHybridAt(
  h: SteadyHybrid,
  buf: PlanBuffers,
  tokensPerDay: number,
  known: { api?: number; "hosted-open"?: number; "self-hosted"?: number },
): number {
  // The month's volume as the one-month model at this volume would carry it (requests a day × tokens a request).
  h.volume.requestsPerDay = shapeAt(h.m, tokensPerDay).requestsPerDay;
  const T = tokensPerDayOfVolume(h.volume) * h.f0;
  if (planHasLoad(T)) {
    h.step.tokensPerDay = T;
    h.step.targetPriceFactor = 1;
    h.step.apiPriceFactor = 1;
    h.step.replicaMonthlyUsd = h.rc;
    planMonth(h.step, buf, 0);
  } else idlePlanMonth(h.step, buf, 0);
  let best = fleetTco(h.one, buf.replicas, buf.served, 1, { setup: false }).depreciationTcoUsd + buf.external[0]!;
  for (const o of h.pure) best = Math.min(best, known[o] ?? steadyMonthlyUsd(h.m, o, tokensPerDay));
  return best;
}

/** steadyMonthlyUsd(m, "hybrid", x, known) at every volume x of `tokensPerDay`, the month priced once. */
function steadyHybridCurve(
  m: Model,
  tokensPerDay: readonly number[],
  known: Record<"api" | "hosted-open" | "self-hosted", readonly number[]>,
  targets: SpillTargets,
): number[] {
  const h = steadyHybridOf(m, targets);
  const buf = probeBuffers(1);
  const out: number[] = [];
  for (let i = 0; i < tokensPerDay.length; i++)
    out.push(
      steadyHybridAt(h, buf, tokensPerDay[i]!, {
        api: known.api[i],
        "hosted-open": known["hosted-open"][i],
        "self-hosted": known["self-hosted"][i],
      }),
    );
  return out;
}

/**
 * steadyMonthlyUsd of every option at every volume of `tokensPerDay` (the cost-vs-volume chart), with what
 * does not depend on the volume read once: the token rates, the self-hosted month's figures and the hybrid's
 * one-month model. Point for point the same numbers as steadyMonthlyUsd (volume-curve.test.ts checks it).
 */
export function steadyMonthlyCurve(
  m: Model,
  tokensPerDay: readonly number[],
  targets: SpillTargets = API_ONLY,
): Record<Option, number[]> {
  const v = m.input.volume;
  const shape = { inTok: v.inputTokensPerRequest, outTok: v.outputTokensPerRequest };
  const apiRate = tokenRateOf(m, "api", shape);
  const hostedRate = tokenRateOf(m, "hosted-open", shape);
  const ft = fineTuningMonthlyUsd(m);
  const self = selfHostedSteadyOf(m);
  const peak = capacityPeak(m);
  const out: Record<Option, number[]> = { api: [], "hosted-open": [], "self-hosted": [], hybrid: [] };
  for (let i = 0; i < tokensPerDay.length; i++) {
    const x = tokensPerDay[i]!;
    const requestsPerDay = shapeAt(m, x).requestsPerDay;
    out.api.push(tokenMonthAt(apiRate, requestsPerDay) + 0); // + 0: steadyMonthlyUsd's API has no fixed part (and so turns −0 into 0 alike)
    out["hosted-open"].push(tokenMonthAt(hostedRate, requestsPerDay) + ft);
    out["self-hosted"].push(selfHostedMonthAt(self, x, peak).total);
  }
  out.hybrid = steadyHybridCurve(m, tokensPerDay, out, targets);
  return out;
}
