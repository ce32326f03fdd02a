import type { Catalog } from "../catalog";
import type { RankedOption } from "./types";

export function confidenceOf(catalog: Catalog, ranking: RankedOption[], conflictCount: number): number {
  const c = catalog.policy.confidence;
  const feasible = ranking.filter((r) => !r.excluded);
  const top = feasible[0]?.score ?? 0;
  const second = feasible[1]?.score;
  const gap = second === undefined ? 100 : top - second;
  const fromGap = c.base + (1 - c.base) * Math.min(1, gap / 100 / c.gapScale);
  const value = fromGap - c.conflictPenalty * conflictCount;
  return Math.round(Math.min(c.max, Math.max(c.min, value)) * 100) / 100;
}
