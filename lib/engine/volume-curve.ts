import type { Catalog } from "./catalog";
import { breakEvenRange, type BreakEvenPoint } from "./break-even";
import { steadyHybridCurve, steadyMonthlyUsd } from "./economics";
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
  const xs: number[] = [];
  const api: number[] = [];
  const self: number[] = [];
  for (let i = 0; i < n; i++) {
    const x = lo * Math.exp(step * i);
    xs.push(x);
    api.push(steadyMonthlyUsd(m, "api", x));
    self.push(steadyMonthlyUsd(m, "self-hosted", x));
  }
  // The hybrid re-optimised at each volume, with what does not depend on the volume read once.
  const hybrid = steadyHybridCurve(m, xs, { api, "self-hosted": self });
  const points: VolumePoint[] = [];
  for (let i = 0; i < n; i++) {
    const x = xs[i]!;
    points.push({ tokensPerDay: x, api: api[i]!, "hosted-open": steadyMonthlyUsd(m, "hosted-open", x), "self-hosted": self[i]!, hybrid: hybrid[i]! });
  }
  return points;
}
