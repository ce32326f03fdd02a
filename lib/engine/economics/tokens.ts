import type { PriceTable } from "../catalog";
import type { Model } from "../types";
import { capacityPeakFactor, DAYS_PER_MONTH, tokensPerDayOfVolume } from "../units";
import { growthFactors } from "./load";

// Volume and token bills: requests of the workload's shape, the price of one at a table's context tier,
// the monthly token bill, the peak the GPUs carry, and growth month by month. Every option's cost, the
// hybrid plan, the steady curve and the probes read volume through these.

export type Shape = { requestsPerDay: number; inTok: number; outTok: number };

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

/** Token bill per month at today's list price. */
export function tokenMonthlyUsd(m: Model, which: "api" | "hosted-open", s: Shape): number {
  return tokenMonthAt(tokenRateOf(m, which, s), s.requestsPerDay);
}

/** What a token bill reads besides the request count: the price of one request of the shape and the batch discount. */
export type TokenRate = { perRequest: number; batch: number };

export function tokenRateOf(m: Model, which: "api" | "hosted-open", s: Pick<Shape, "inTok" | "outTok">): TokenRate {
  const v = m.input.volume;
  const price = which === "api" ? m.apiPrice : m.hostedPrice;
  // Hosted rows without a cache-read price carry cached = input price, so the share costs nothing extra there.
  const batch = which === "api" ? 1 - v.batchShare * m.values["api.batchDiscount"] : 1;
  // Proprietary models bill their reasoning tokens as output: visible output × the tier's multiplier.
  const outTok = which === "api" ? s.outTok * (m.values["api.reasoningMultiplier"] ?? 1) : s.outTok;
  return { perRequest: pricePerRequest(price, s.inTok, outTok, v.cachedInputShare), batch };
}

export function tokenMonthAt(r: TokenRate, requestsPerDay: number): number {
  return requestsPerDay * DAYS_PER_MONTH * r.perRequest * r.batch;
}

export function shapeAt(m: Model, tokensPerDay: number): Shape {
  const v = m.input.volume;
  const perReq = v.inputTokensPerRequest + v.outputTokensPerRequest;
  return {
    requestsPerDay: perReq > 0 ? tokensPerDay / perReq : 0,
    inTok: v.inputTokensPerRequest,
    outTok: v.outputTokensPerRequest,
  };
}

/** USD per month per (token/day) of an external option at today's price: the bill is linear in volume. */
export function externalUsdPerTokenDay(m: Model, which: "api" | "hosted-open"): number {
  const probe = 1e6;
  return tokenMonthlyUsd(m, which, shapeAt(m, probe)) / probe;
}

/** Peak ÷ average load the GPUs must carry for the model's volume (units.ts capacityPeakFactor). */
export function capacityPeak(m: Model): number {
  const v = m.input.volume;
  return capacityPeakFactor(v.peakToAverage, v.batchShare);
}

/** From the model's input, not `m.tokensPerDay`: callers price models whose volume they patched. */
export function tokensPerDayOf(m: Model): number {
  return tokensPerDayOfVolume(m.input.volume);
}

/** Volume multiple of month t: compound growth that saturates at `growth.maxMultiple` × today's volume. */
export function volumeFactors(m: Model, months: number = m.input.strategy.horizonMonths): readonly number[] {
  // Memoised by value (every series and every verdict probe asks; read-only, shared): the last answer
  // first (an evaluate asks for the same growth hundreds of times), then a map by value.
  const g = m.input.volume.monthlyGrowthPct;
  const cap = m.values["growth.maxMultiple"];
  if (lastFactors && lastFactors.months === months && lastFactors.g === g && lastFactors.cap === cap)
    return lastFactors.f;
  const key = `${months}|${g}|${cap}`;
  let f = factorMemo.get(key);
  if (!f) {
    if (factorMemo.size > 1_000) factorMemo.clear();
    factorMemo.set(key, (f = growthFactors(months, g, cap)));
  }
  lastFactors = { months, g, cap, f };
  return f;
}
const factorMemo = new Map<string, readonly number[]>();
let lastFactors: { months: number; g: number; cap: number; f: readonly number[] } | null = null;

/** When growth reaches its cap within the horizon: the month (1-based) and the multiple. */
export function growthSaturation(m: Model): { month: number; multiple: number } | null {
  const f = volumeFactors(m);
  const cap = m.values["growth.maxMultiple"];
  const i = f.findIndex((x) => x >= cap);
  return i >= 0 && m.input.volume.monthlyGrowthPct > 0 ? { month: i + 1, multiple: cap } : null;
}
