import type { Catalog } from "./catalog";
import { breakEvenRange, type BreakEvenPoint } from "./break-even";
import { steadyMonthlyCurve } from "./economics";
import type { SpillTargets } from "./economics/steady";
import type { Model } from "./types";
import type { Option } from "./schema";

// The cost-vs-volume chart: every option's steady monthly cost across daily volumes around the
// workload and its break-even points (log-spaced, within the catalog's break-even range).

export type VolumePoint = { tokensPerDay: number } & Record<Option, number>;

export function volumeCurve(
  m: Model,
  catalog: Catalog,
  tpd: number,
  be: Record<"api" | "hosted-open", BreakEvenPoint>,
  targets?: SpillTargets,
): VolumePoint[] {
  const range = breakEvenRange(catalog);
  const marks = [tpd, be.api.tokensPerDay, be["hosted-open"].tokensPerDay].filter((x): x is number => !!x && x > 0);
  const lo = Math.max(range.minTokensPerDay, Math.min(...marks.map((x) => x / 30), tpd > 0 ? tpd / 30 : 1e4));
  const hi = Math.min(range.maxTokensPerDay, Math.max(...marks.map((x) => x * 10), 1e7));
  const n = 41;
  const step = Math.log(hi / lo) / (n - 1);
  const xs: number[] = [];
  for (let i = 0; i < n; i++) xs.push(lo * Math.exp(step * i));
  // Every option at every volume in one pass (the hybrid re-optimised at each), what does not depend on the volume read once.
  const c = steadyMonthlyCurve(m, xs, targets);
  const points: VolumePoint[] = [];
  for (let i = 0; i < n; i++)
    points.push({
      tokensPerDay: xs[i]!,
      api: c.api[i]!,
      "hosted-open": c["hosted-open"][i]!,
      "self-hosted": c["self-hosted"][i]!,
      hybrid: c.hybrid[i]!,
    });
  return points;
}
