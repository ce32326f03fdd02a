import type { Evaluation, Option } from "@/lib/engine";

// The year-by-year cash flow a CFO reads: the engine's monthly cash series summed into years and split
// into running costs, the one-time set-up and hardware bought (capex), with the depreciation view of an
// owned fleet beside it. Only sums of the engine's own series; nothing is priced here.

export type CashFlowYear = {
  year: number;
  months: number;
  /** Running costs (tokens, rented GPUs, power, people, overheads): cash minus set-up and capex. */
  opexUsd: number;
  setupUsd: number;
  capexUsd: number;
  cashUsd: number;
  /** Owned fleet: the year's cost with servers depreciated instead of paid up front; absent otherwise. */
  depreciatedUsd?: number;
};

const MONTHS_PER_YEAR = 12;
const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

export function cashFlowByYear(e: Evaluation, option: Option): CashFlowYear[] {
  const c = e.costs[option];
  const capex = c.fleet?.capexUsd ?? [];
  const dep = c.fleet?.depreciation?.monthlyUsd;
  const years: CashFlowYear[] = [];
  for (let start = 0; start < e.horizonMonths; start += MONTHS_PER_YEAR) {
    const end = Math.min(start + MONTHS_PER_YEAR, e.horizonMonths);
    const cash = sum(c.monthlyUsd.slice(start, end));
    const capexUsd = sum(capex.slice(start, end));
    const setupUsd = start === 0 ? c.setupUsd : 0;
    years.push({
      year: start / MONTHS_PER_YEAR + 1,
      months: end - start,
      opexUsd: cash - capexUsd - setupUsd,
      setupUsd,
      capexUsd,
      cashUsd: cash,
      ...(dep ? { depreciatedUsd: sum(dep.slice(start, end)) } : {}),
    });
  }
  return years;
}

/** The options a CFO compares: the verdict and its closest usable rival (the engine's headline pair). */
export function cashFlowOptions(e: Evaluation): Option[] {
  const rival = e.headline?.rival ?? e.ranking.find((r) => r.option !== e.recommendation && !r.excluded)?.option;
  return rival ? [e.recommendation, rival] : [e.recommendation];
}
