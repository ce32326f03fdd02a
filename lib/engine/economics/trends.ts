import type { Model } from "../model";

// Prices over time (catalog/economics.json policy.priceTrends): month t (from 0) prices API tokens at
// (1 − decline)^(t/12), hosted open weights likewise, rented GPUs at (1 + change)^(t/12). Committed
// terms lock the rate of the month they start: 1-year terms renew every 12 months, 3-year every 36.

export type PriceKind = "api" | "hosted-open" | "gpu";

export function priceFactor(m: Model, kind: PriceKind, month: number): number {
  const v = m.values;
  const yearly = kind === "api" ? 1 - v["api.priceDeclinePerYear"] : kind === "hosted-open" ? 1 - v["hostedOpen.priceDeclinePerYear"] : 1 + v["gpu.priceChangePerYear"];
  return yearly ** (month / 12);
}

/** The GPU price factor a rental term pays in month t: on-demand floats, committed terms lock at their start. */
export function gpuTermFactor(m: Model, term: string, month: number): number {
  const lock = term === "reserved-1y" ? 12 : term === "reserved-3y" ? 36 : 1;
  return priceFactor(m, "gpu", Math.floor(month / lock) * lock);
}

/** Share cheaper after `months` (for texts): 1 − factor. */
export const declineOver = (m: Model, kind: PriceKind, months: number) => 1 - priceFactor(m, kind, months);
