import type { Catalog } from "./catalog";
import { breakEvenRange, type BreakEvenPoint } from "./break-even";
import { steadyMonthlyUsd } from "./economics";
import type { Model } from "./model";
import type { Option } from "./schema";

// The cost-vs-volume chart: every option's steady monthly cost across daily volumes around the
// workload and its break-even points (log-spaced, within the catalog's break-even range).

export type VolumePoint = { tokensPerDay: number } & Record<Option, number>;

export function volumeCurve(m: Model, catalog: Catalog, tpd: number, be: Record<"api" | "hosted-open", BreakEvenPoint>): VolumePoint[] {
  const range = breakEvenRange(catalog);
  const marks = [tpd, be.api.tokensPerDay, be["hosted-open"].tokensPerDay].filter((x): x is number => !!x && x > 0);
  const lo = Math.max(range.minTokensPerDay, Math.min(...marks.map((x) => x / 30), tpd > 0 ? tpd / 30 : 1e4));
  const hi = Math.min(range.maxTokensPerDay, Math.max(...marks.map((x) => x * 10), 1e7));
  const n = 41;
  const step = Math.log(hi / lo) / (n - 1);
  const points: VolumePoint[] = [];
  for (let i = 0; i < n; i++) {
    const x = lo * Math.exp(step * i);
    const api = steadyMonthlyUsd(m, "api", x);
    const self = steadyMonthlyUsd(m, "self-hosted", x);
    points.push({
      tokensPerDay: x,
      api,
      "hosted-open": steadyMonthlyUsd(m, "hosted-open", x),
      "self-hosted": self,
      hybrid: steadyMonthlyUsd(m, "hybrid", x, { api, "self-hosted": self }),
    });
  }
  return points;
}
