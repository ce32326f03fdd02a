import type { PriceTable } from "../catalog";
import type { Model } from "../types";

// Prices over time (catalog/economics.json policy.priceTrends): month t (from 0) prices API tokens at
// (1 − decline)^(t/12), hosted open weights likewise, rented GPUs at (1 + change)^(t/12). Committed
// terms lock the rate of the month they start: 1-year terms renew every 12 months, 3-year every 36.

export type PriceKind = "api" | "hosted-open" | "gpu";

function yearlyFactor(v: Model["values"], kind: PriceKind): number {
  return kind === "api"
    ? 1 - v["api.priceDeclinePerYear"]
    : kind === "hosted-open"
      ? 1 - v["hostedOpen.priceDeclinePerYear"]
      : 1 + v["gpu.priceChangePerYear"];
}

/** A yearly factor compounded to month t (from 0): yearly^(t/12). The one trend formula (priceFactor and its tables). */
function compounded(yearly: number, month: number): number {
  return yearly ** (month / 12);
}

export function priceFactor(m: Model, kind: PriceKind, month: number): number {
  return compounded(yearlyFactor(m.values, kind), month);
}

// The month loops (every option's series, the hybrid plan, every verdict probe of whatWouldChange) read
// one factor per month: a table per yearly factor (a number: patched models with the same trends share
// it), computed with priceFactor's own formula (so identical to it), grown on demand; bounded.
const tables = new Map<number, number[]>();

/** priceFactor(m, kind, t) for t = 0 … months − 1 (read-only; shared between callers). */
export function priceFactors(m: Model, kind: PriceKind, months: number): readonly number[] {
  const yearly = yearlyFactor(m.values, kind);
  let t = tables.get(yearly);
  if (!t) {
    if (tables.size > 1_000) tables.clear();
    tables.set(yearly, (t = []));
  }
  for (let i = t.length; i < months; i++) t.push(compounded(yearly, i));
  return t;
}

/** Months a rental term locks its rate for: committed terms renew at the rate of their start. */
export function termLockMonths(term: string): number {
  return term === "reserved-1y" ? 12 : term === "reserved-3y" ? 36 : 1;
}

/** The month whose GPU rate a term locked for `lock` months pays in `month` (the start of its current commitment). */
export function termRateMonth(month: number, lock: number): number {
  return Math.floor(month / lock) * lock;
}

/** The GPU price factor a rental term pays in month t: on-demand floats, committed terms lock at their start. */
export function gpuTermFactor(m: Model, term: string, month: number): number {
  const lock = termLockMonths(term);
  return priceFactor(m, "gpu", termRateMonth(month, lock));
}

/** Share cheaper after `months` (for texts): 1 − factor. */
export const declineOver = (m: Model, kind: PriceKind, months: number) => 1 - priceFactor(m, kind, months);

/** Every price of a token price table (list and volume tiers) scaled by `s`. */
export function scalePriceTable(p: PriceTable, s: number): PriceTable {
  return {
    ...p,
    inputUsdPerMTok: p.inputUsdPerMTok * s,
    cachedInputUsdPerMTok: p.cachedInputUsdPerMTok * s,
    outputUsdPerMTok: p.outputUsdPerMTok * s,
    tiers: p.tiers.map((t) => ({
      ...t,
      inputUsdPerMTok: t.inputUsdPerMTok * s,
      cachedInputUsdPerMTok: t.cachedInputUsdPerMTok * s,
      outputUsdPerMTok: t.outputUsdPerMTok * s,
    })),
  };
}

/**
 * The model with every price at its month-t level (API and hosted tokens, GPU rent at the term in
 * use, the price of a server bought then): what a steady month costs at t, e.g. for the break-even
 * volume at the end of the horizon. Month 0 returns the model itself.
 */
export function atPricesOfMonth(m: Model, t: number, gpuTerm: string): Model {
  if (t <= 0) return m;
  const gpu = gpuTermFactor(m, gpuTerm, t);
  return {
    ...m,
    apiPrice: scalePriceTable(m.apiPrice, priceFactor(m, "api", t)),
    hostedPrice: scalePriceTable(m.hostedPrice, priceFactor(m, "hosted-open", t)),
    values: {
      ...m.values,
      "gpu.usdPerHour": m.values["gpu.usdPerHour"] * gpu,
      "owned.serverPriceUsd": m.values["owned.serverPriceUsd"] * priceFactor(m, "gpu", t),
    },
  };
}
