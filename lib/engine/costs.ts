import type { PriceTable } from "./catalog";
import { DAYS_PER_MONTH, HOURS_PER_MONTH, SECONDS_PER_DAY, type Model } from "./model";
import type { Option } from "./schema";

// Monthly cost of each option. One implementation per formula; the horizon arrays, the volume
// curve, break-even and sensitivity all call these.

export type Breakdown = { tokens?: number; gpus?: number; people?: number; overheads?: number; setup?: number };

export type OptionCost = {
  monthlyUsd: number[];
  tcoUsd: number;
  setupUsd: number;
  perMillionTokensUsd: number;
  /** Month-1 costs by item, USD/month (setup is the one-time amount, paid in month 1). */
  breakdown: Breakdown;
  /** Self-hosted and hybrid: GPUs in month 1 and in the last month of the horizon. */
  gpus?: { first: number; last: number; replicasFirst: number };
  /** Hybrid: what runs where, and why. */
  split?: HybridSplit;
};

export type HybridSplit = {
  mode: "sensitive-in-house" | "frontier-routing" | "base-load";
  /** Share of traffic (tokens) served on your own GPUs; the rest goes to the proprietary API. */
  selfHostedShare: number;
  external: "api";
  /** The split in plain English, with the models, shares and GPU count. */
  text?: string;
};

const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;

function describeSplit(m: Model, split: HybridSplit, gpus: number): string {
  const inHouse = pct(split.selfHostedShare);
  const out = pct(1 - split.selfHostedShare);
  const own = `${m.openModelLabel} on ${gpus} of your own ${m.gpuLabel} GPUs`;
  switch (split.mode) {
    case "sensitive-in-house":
      return `Hybrid split: the ${inHouse} of traffic that carries ${m.input.data.mustStayInHouse ? "data that must stay in house" : "the regulated data"} runs on ${own}; the other ${out} goes to ${m.apiModelLabel}.`;
    case "frontier-routing":
      return `Hybrid split: ${own} serves the ${inHouse} of routine requests; the hardest ${out} (an editable assumption) go to ${m.apiModelLabel} for frontier quality.`;
    case "base-load":
      return `Hybrid split: ${own}, sized for the average load, serves ${inHouse} of tokens; the peaks above the average (up to ${Math.round(capacityPeak(m) * 100) / 100}× it), ${out} of tokens, spill over to ${m.apiModelLabel}, so you pay for no idle peak capacity.`;
  }
}


type Shape = { requestsPerDay: number; inTok: number; outTok: number };

/** Price of one request (the prompt length picks the context tier, as the price library does), in USD. */
export function pricePerRequest(p: PriceTable, inTok: number, outTok: number, cachedShare: number): number {
  let inP = p.inputUsdPerMTok;
  let cP = p.cachedInputUsdPerMTok;
  let oP = p.outputUsdPerMTok;
  for (const t of p.tiers) {
    if (inTok > t.fromInputTokens) {
      inP = t.inputUsdPerMTok;
      cP = t.cachedInputUsdPerMTok;
      oP = t.outputUsdPerMTok;
    }
  }
  return (inTok * (1 - cachedShare) * inP + inTok * cachedShare * cP + outTok * oP) / 1e6;
}

export function tokenMonthlyUsd(m: Model, which: "api" | "hosted-open", s: Shape): number {
  const v = m.input.volume;
  const price = which === "api" ? m.apiPrice : m.hostedPrice;
  // Hosted rows without a cache-read price carry cached = input price, so the share costs nothing extra there.
  const cached = v.cachedInputShare;
  const batch = which === "api" ? 1 - v.batchShare * m.values["api.batchDiscount"] : 1;
  return s.requestsPerDay * DAYS_PER_MONTH * pricePerRequest(price, s.inTok, s.outTok, cached) * batch;
}

export type SelfHostedMonth = { gpus: number; replicas: number; gpuUsd: number; peopleUsd: number; overheadsUsd: number; total: number };

/**
 * Peak ÷ average load the GPUs must carry. Batch traffic (volume.batchShare) has no latency target,
 * so it is scheduled flat at its average instead of peaking with interactive traffic:
 * peak = ((1 − batch) × peakToAverage + batch) × average. The same batch share earns the API's batch
 * discount, so both sides of the comparison get the benefit of deferrable work.
 */
export function capacityPeak(m: Model): number {
  const v = m.input.volume;
  return (1 - v.batchShare) * v.peakToAverage + v.batchShare;
}

/** Capacity model: whole replicas for the peak (a staircase), at least minReplicas, GPUs paid busy or idle. */
export function selfHostedMonth(m: Model, tokensPerDay: number, peakToAverage: number): SelfHostedMonth {
  const v = m.values;
  const peakTps = (tokensPerDay / SECONDS_PER_DAY) * peakToAverage;
  const perReplica = v["selfHosted.tokensPerSecondPerReplica"] * v["selfHosted.targetUtilization"];
  const replicas = Math.max(v["selfHosted.minReplicas"], Math.ceil(peakTps / perReplica - 1e-9));
  const gpus = replicas * v["selfHosted.gpusPerReplica"];
  const gpuUsd = gpus * v["gpu.usdPerHour"] * HOURS_PER_MONTH;
  const peopleUsd = (v["people.fte"] * v["people.loadedEngineerUsdPerYear"]) / 12;
  const overheadsUsd = v["overheads.toolingUsdPerMonth"] + v["overheads.storageNetworkShareOfGpu"] * gpuUsd;
  return { gpus, replicas, gpuUsd, peopleUsd, overheadsUsd, total: gpuUsd + peopleUsd + overheadsUsd };
}

export function setupUsd(m: Model): number {
  return (m.values["people.setupEngineerMonths"] * m.values["people.loadedEngineerUsdPerYear"]) / 12;
}

export function hybridSplit(m: Model): HybridSplit {
  const { data, capability } = m.input;
  if (m.sensitiveStaysIn) return { mode: "sensitive-in-house", selfHostedShare: data.sensitiveShare, external: "api" };
  if (capability.frontier === "required") {
    return { mode: "frontier-routing", selfHostedShare: 1 - m.values["hybrid.frontierRoutedShare"], external: "api" };
  }
  // GPUs sized for the average load; traffic above it (the peaks) spills over to the API. With load
  // ramping linearly between the trough and a peak r× the average, the spilled share is (r-1)/(2r).
  const r = capacityPeak(m);
  return { mode: "base-load", selfHostedShare: 1 - (r - 1) / (2 * r), external: "api" };
}

/**
 * Peak ÷ average of the traffic the hybrid keeps in house. Base-load: the GPUs carry the total load up
 * to its average level (the in-house share of tokens is what lies below that level), so capacity is the
 * full average: (share × average) × (1 ÷ share). Other splits keep a share of traffic with its own peaks.
 */
export function inHousePeak(m: Model, split: HybridSplit): number {
  return split.mode === "base-load" ? 1 / Math.max(split.selfHostedShare, 1e-9) : capacityPeak(m);
}

/** Steady-state monthly cost of each option at a daily token volume (no setup): the volume curve and break-even use this. */
export function steadyMonthlyUsd(m: Model, option: Option, tokensPerDay: number): number {
  const v = m.input.volume;
  const perReq = v.inputTokensPerRequest + v.outputTokensPerRequest;
  const shape: Shape = { requestsPerDay: perReq > 0 ? tokensPerDay / perReq : 0, inTok: v.inputTokensPerRequest, outTok: v.outputTokensPerRequest };
  switch (option) {
    case "api":
    case "hosted-open":
      return tokenMonthlyUsd(m, option, shape);
    case "self-hosted":
      return selfHostedMonth(m, tokensPerDay, capacityPeak(m)).total;
    case "hybrid": {
      const split = hybridSplit(m);
      const peak = inHousePeak(m, split);
      const inHouse = selfHostedMonth(m, tokensPerDay * split.selfHostedShare, peak).total;
      const external = tokenMonthlyUsd(m, "api", { ...shape, requestsPerDay: shape.requestsPerDay * (1 - split.selfHostedShare) });
      return inHouse + external;
    }
  }
}

export function tokensPerDayOf(m: Model): number {
  const v = m.input.volume;
  return v.requestsPerDay * (v.inputTokensPerRequest + v.outputTokensPerRequest);
}

/**
 * Month-by-month cost over `months` with compound growth; setup (self-hosted and hybrid) is paid in
 * month 1. The one implementation of the horizon series: costs, break-even month and sensitivity use it.
 */
export function monthlySeries(m: Model, option: Option, months: number = m.input.strategy.horizonMonths): { monthlyUsd: number[]; tokens: number; setup: number } {
  const v = m.input.volume;
  const tpd0 = tokensPerDayOf(m);
  const growth = 1 + v.monthlyGrowthPct / 100;
  const setup = option === "self-hosted" || option === "hybrid" ? setupUsd(m) : 0;
  const monthlyUsd: number[] = [];
  let tokens = 0;
  let factor = 1;
  for (let i = 0; i < months; i++) {
    const tpd = tpd0 * factor;
    monthlyUsd.push(steadyMonthlyUsd(m, option, tpd) + (i === 0 ? setup : 0));
    tokens += tpd * DAYS_PER_MONTH;
    factor *= growth;
  }
  return { monthlyUsd, tokens, setup };
}

/** Month-by-month cost over the horizon with compound growth; setup is paid in month 1. */
export function optionCost(m: Model, option: Option): OptionCost {
  const v = m.input.volume;
  const horizon = m.input.strategy.horizonMonths;
  const tpd0 = tokensPerDayOf(m);
  const growth = 1 + v.monthlyGrowthPct / 100;
  const hasGpus = option === "self-hosted" || option === "hybrid";
  const { monthlyUsd, tokens, setup } = monthlySeries(m, option, horizon);
  const tcoUsd = monthlyUsd.reduce((a, b) => a + b, 0);
  const result: OptionCost = {
    monthlyUsd,
    tcoUsd,
    setupUsd: setup,
    perMillionTokensUsd: tokens > 0 ? (tcoUsd / tokens) * 1e6 : 0,
    breakdown: breakdownOf(m, option, tpd0, setup),
  };
  if (hasGpus) {
    const split = option === "hybrid" ? hybridSplit(m) : undefined;
    const share = split ? split.selfHostedShare : 1;
    const peak = split ? inHousePeak(m, split) : capacityPeak(m);
    const first = selfHostedMonth(m, tpd0 * share, peak);
    const last = selfHostedMonth(m, tpd0 * share * growth ** (horizon - 1), peak);
    result.gpus = { first: first.gpus, last: last.gpus, replicasFirst: first.replicas };
    if (split) result.split = { ...split, text: describeSplit(m, split, first.gpus) };
  }
  return result;
}

function breakdownOf(m: Model, option: Option, tpd: number, setup: number): Breakdown {
  const v = m.input.volume;
  const perReq = v.inputTokensPerRequest + v.outputTokensPerRequest;
  const shape: Shape = { requestsPerDay: perReq > 0 ? tpd / perReq : 0, inTok: v.inputTokensPerRequest, outTok: v.outputTokensPerRequest };
  if (option === "api" || option === "hosted-open") return { tokens: tokenMonthlyUsd(m, option, shape) };
  const split = option === "hybrid" ? hybridSplit(m) : undefined;
  const share = split ? split.selfHostedShare : 1;
  const sh = selfHostedMonth(m, tpd * share, split ? inHousePeak(m, split) : capacityPeak(m));
  const b: Breakdown = { gpus: sh.gpuUsd, people: sh.peopleUsd, overheads: sh.overheadsUsd, setup };
  if (split) b.tokens = tokenMonthlyUsd(m, "api", { ...shape, requestsPerDay: shape.requestsPerDay * (1 - share) });
  return b;
}
