import type { Catalog } from "../catalog";
import type { AssumptionRow, Model } from "../model";
import { ASSUMPTION_BOUNDS, type AssumptionKey } from "../schema";

// One distribution per figure, from its catalog low/value/high and evidence grade (catalog/uncertainty.json):
// a two-piece log-normal with its median at the value — below the value it reaches `low` at the lower
// edge of the grade's coverage, above it reaches `high` at the upper edge — or a two-piece normal when
// the range touches zero or below (declines, price changes, shares that may be 0). A draw is
// `value · exp(σ± · z)` (resp. `value + σ± · z`) for a standard normal z, clamped to the figure's
// override bounds: monotone in z, so rank correlations of z carry over to the figure.

/** Input paths the user may give a range for besides the assumption keys. */
export const VOLUME_RANGE_KEYS = ["volume.requestsPerDay", "volume.monthlyGrowthPct"] as const;
export type VolumeRangeKey = (typeof VOLUME_RANGE_KEYS)[number];
export type RangeKey = AssumptionKey | VolumeRangeKey;
/** The user's own plausible range for a figure (read as its P10–P90 by default, `coverage.user`). */
export type UserRange = { low: number; high: number };
export type UserRanges = Partial<Record<RangeKey, UserRange>>;

export type FigureDistribution = {
  key: RangeKey;
  label: string;
  value: number;
  low: number;
  high: number;
  grade: "measured" | "derived" | "assumed" | "user";
  space: "log" | "linear";
  /** Spread below and above the value per unit of z (log or linear units). */
  sigmaLow: number;
  sigmaHigh: number;
  min: number;
  max: number;
  /** Index of the correlation group it belongs to (catalog uncertainty.groups), −1 for none. */
  group: number;
};

/**
 * Φ⁻¹(p), Acklam's rational approximation (relative error < 1.2e-9 over (0, 1)); used once per grade
 * to turn a coverage share into the z of its interval's edge.
 */
export function normalQuantile(p: number): number {
  const a = [
    -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239,
  ];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [
    -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
    2.938163982698783,
  ];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const lowTail = 0.02425;
  if (p < lowTail) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (
      (((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) /
      ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1)
    );
  }
  if (p > 1 - lowTail) return -normalQuantile(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * q) /
    (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1)
  );
}

function distribution(
  key: RangeKey,
  label: string,
  value: number,
  lowIn: number,
  highIn: number,
  grade: FigureDistribution["grade"],
  coverage: number,
  bounds: { min: number; max: number },
  group: number,
): FigureDistribution | null {
  const low = Math.min(lowIn, value);
  const high = Math.max(highIn, value);
  if (!(high > low) || !Number.isFinite(value)) return null;
  // The interval [low, high] holds `coverage` of the draws: its edges sit at ±z of the standard normal.
  const z = normalQuantile((1 + coverage) / 2);
  const log = low > 0;
  const sigmaLow = log ? Math.log(value / low) / z : (value - low) / z;
  const sigmaHigh = log ? Math.log(high / value) / z : (high - value) / z;
  return {
    key,
    label,
    value,
    low,
    high,
    grade,
    space: log ? "log" : "linear",
    sigmaLow,
    sigmaHigh,
    min: bounds.min,
    max: bounds.max,
    group,
  };
}

/** The figure's value at a standard-normal draw z, its spread scaled by `spread` (0: the value itself). */
export function drawValue(d: FigureDistribution, z: number, spread: number): number {
  const s = (z < 0 ? d.sigmaLow : d.sigmaHigh) * z * spread;
  const x = d.space === "log" ? d.value * Math.exp(s) : d.value + s;
  return x < d.min ? d.min : x > d.max ? d.max : x;
}

const VOLUME_BOUNDS: Record<VolumeRangeKey, { min: number; max: number; label: string }> = {
  "volume.requestsPerDay": { min: 0, max: Number.MAX_VALUE, label: "requests per day" },
  "volume.monthlyGrowthPct": { min: 0, max: Number.MAX_VALUE, label: "monthly volume growth (%)" },
};

/**
 * The figures drawn for a model: every assumption row with a range (not held by the method, not
 * overridden by the user: an override is the user's own number), plus the user's own ranges, which
 * win over the catalog's (on an overridden figure too) and may cover the volume and its growth.
 */
export function distributionsFor(m: Model, catalog: Catalog, ranges: UserRanges = {}): FigureDistribution[] {
  const method = catalog.uncertainty;
  const held = new Set(method.held);
  const groupOf = new Map<string, number>();
  method.groups.forEach((g, i) => g.keys.forEach((k) => groupOf.set(k, i)));
  const out: FigureDistribution[] = [];
  const rows: AssumptionRow[] = m.rows;
  for (const r of rows) {
    const user = ranges[r.key];
    const bounds = ASSUMPTION_BOUNDS[r.key];
    const g = groupOf.get(r.key) ?? -1;
    if (user) {
      const d = distribution(
        r.key,
        r.label,
        m.values[r.key],
        user.low,
        user.high,
        "user",
        method.coverage.user,
        bounds,
        g,
      );
      if (d) out.push(d);
      continue;
    }
    if (held.has(r.key) || r.overridden || !r.grade) continue;
    const d = distribution(
      r.key,
      r.label,
      m.values[r.key],
      r.low,
      r.high,
      r.grade,
      method.coverage[r.grade],
      bounds,
      g,
    );
    if (d) out.push(d);
  }
  for (const k of VOLUME_RANGE_KEYS) {
    const user = ranges[k];
    if (!user) continue;
    const value = k === "volume.requestsPerDay" ? m.input.volume.requestsPerDay : m.input.volume.monthlyGrowthPct;
    const d = distribution(
      k,
      VOLUME_BOUNDS[k].label,
      value,
      user.low,
      user.high,
      "user",
      method.coverage.user,
      VOLUME_BOUNDS[k],
      -1,
    );
    if (d) out.push(d);
  }
  return out;
}
