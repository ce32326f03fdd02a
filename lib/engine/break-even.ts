import { catalog as currentCatalog, figureOf, type Catalog } from "./catalog";
import { capacityPeak, gpuPricing, monthlySeries, selfHostedMonth, steadyMonthlyUsd, type OptionCost } from "./economics";
import { atPricesOfMonth, scalePriceTable } from "./economics/trends";
import { SECONDS_PER_DAY } from "./model";
import type { AssumptionKey } from "./schema";
import type { Model } from "./model";

// Break-even as the contract defines it. Volume: the lowest daily token volume at which
// self-hosting's steady monthly cost falls below the option's (the self-hosted curve is a
// staircase of whole replicas, so the first crossing is the one reported).
// Month: the first month whose cumulative self-hosted cost, set-up included, is below the option's.

export type BreakEvenPoint = {
  tokensPerDay: number | null;
  month: number | null;
  /** The same crossing at the prices of the horizon's last month (price trends applied): where the break-even volume is heading. Absent in evaluations stored before it existed. */
  tokensPerDayAtHorizonEnd?: number | null;
};
export type Against = "api" | "hosted-open";

/** Volumes reported (catalog/economics.json `economics.breakEven.*`): 1k to 1T tokens a day. */
export function breakEvenRange(c: Catalog) {
  return { minTokensPerDay: figureOf(c, "economics.breakEven.minTokensPerDay").value, maxTokensPerDay: figureOf(c, "economics.breakEven.maxTokensPerDay").value };
}
export const BREAK_EVEN_RANGE = breakEvenRange(currentCatalog);

/**
 * Exact first crossing. The option's cost is linear in volume (k per token/day); self-hosting is a
 * staircase: n replicas serve up to n·P tokens/day and cost F + n·c. Within step n the crossing is
 * at S(n)/k, so the first step where it falls inside its interval gives the break-even.
 */
export function breakEvenTokensPerDay(m: Model, against: Against): number | null {
  const v = m.values;
  const peak = capacityPeak(m);
  const perReplicaTpd = (v["selfHosted.tokensPerSecondPerReplica"] * v["selfHosted.targetUtilization"] * SECONDS_PER_DAY) / peak;
  const probe = 1e6;
  // The option's bill is linear in volume plus a fixed part (fine-tuning and evals for hosted open weights).
  const fixedAgainst = steadyMonthlyUsd(m, against, 0);
  const k = (steadyMonthlyUsd(m, against, probe) - fixedAgainst) / probe;
  if (!(k > 0) || !(perReplicaTpd > 0)) return null;
  const n0 = v["selfHosted.minReplicas"];
  const S = (n: number) => selfHostedMonth(m, n * perReplicaTpd * (1 - 1e-12), peak).total - fixedAgainst;
  const firstCheaper = (n: number): number | null => {
    const lower = n <= n0 ? 0 : (n - 1) * perReplicaTpd;
    const upper = n * perReplicaTpd;
    const cross = S(n) / k;
    if (cross >= upper) return null;
    // Strictly cheaper just above the crossing (or just above the step where the staircase drops below).
    return Math.max(lower, cross) + 1;
  };
  const clamp = (x: number | null) => (x === null || x > BREAK_EVEN_RANGE.maxTokensPerDay ? null : Math.ceil(Math.max(x, BREAK_EVEN_RANGE.minTokensPerDay)));
  const atMin = firstCheaper(n0);
  if (atMin !== null) return clamp(atMin);
  const c = S(n0 + 1) - S(n0);
  const fixed = S(n0) - n0 * c;
  if (k * perReplicaTpd <= c) return null; // each extra replica costs more than the traffic it carries
  const nStar = Math.max(n0 + 1, Math.floor(fixed / (k * perReplicaTpd - c)));
  for (let n = Math.max(n0 + 1, nStar - 1); n <= nStar + 2; n++) {
    if ((n - 1) * perReplicaTpd > BREAK_EVEN_RANGE.maxTokensPerDay) return null;
    const x = firstCheaper(n);
    if (x !== null) return clamp(x);
  }
  return null;
}

export function breakEvenMonth(selfHosted: number[], other: number[]): number | null {
  let a = 0;
  let b = 0;
  for (let i = 0; i < selfHosted.length; i++) {
    a += selfHosted[i] ?? 0;
    b += other[i] ?? 0;
    if (a < b) return i + 1;
  }
  return null;
}

export function breakEven(m: Model, costs: Record<"self-hosted" | Against, OptionCost>): Record<Against, BreakEvenPoint> {
  const late = atPricesOfMonth(m, m.input.strategy.horizonMonths - 1, gpuPricing(m).term);
  const point = (against: Against): BreakEvenPoint => ({
    tokensPerDay: breakEvenTokensPerDay(m, against),
    month: breakEvenMonth(costs["self-hosted"].monthlyUsd, costs[against].monthlyUsd),
    tokensPerDayAtHorizonEnd: breakEvenTokensPerDay(late, against),
  });
  return { api: point("api"), "hosted-open": point("hosted-open") };
}

export type SensitivityRow = {
  assumption: AssumptionKey | "api.priceScale" | "volume.monthlyGrowthPct";
  label: string;
  unit: string;
  base: number;
  low: number;
  high: number;
  /** Break-even against the proprietary API, tokens/day, at the low and the high value. */
  breakEvenLow: number | null;
  breakEvenHigh: number | null;
  /** Break-even month against the proprietary API at the low and the high value. */
  breakEvenMonthLow: number | null;
  breakEvenMonthHigh: number | null;
};

/** `keeps`: the options whose monthly series this figure cannot move (their base series is reused; break-even.test.ts checks each). */
type Variant = { key: SensitivityRow["assumption"]; label: string; unit: string; base: number; low: number; high: number; apply: (m: Model, v: number) => Model; keeps: SeriesOption[] };
type SeriesOption = "self-hosted" | "api";
/** Figures that only enter the own fleet's costs (the API series is the same at any value). */
const FLEET_ONLY: SeriesOption[] = ["api"];
/** Figures that only enter the API's token bill (the self-hosted series is the same at any value). */
const API_ONLY: SeriesOption[] = ["self-hosted"];

function withValue(m: Model, key: AssumptionKey, v: number): Model {
  return { ...m, values: { ...m.values, [key]: v } };
}

/** The figures the tornado swings, each with its low and high value and how it is applied to the model. */
export function sensitivityVariants(m: Model, catalog: Catalog): Variant[] {
  const row = (k: AssumptionKey) => m.rows.find((r) => r.key === k)!;
  const fromRow = (k: AssumptionKey, label: string, keeps: SeriesOption[]): Variant => {
    const r = row(k);
    // Around the value in use: an override keeps the catalog's relative spread.
    const scale = r.catalogValue ? r.value / r.catalogValue : 1;
    return { key: k, label, unit: r.unit, base: r.value, low: r.low * scale, high: r.high * scale, apply: (mm: Model, v: number) => withValue(mm, k, v), keeps };
  };
  const growthDelta = figureOf(catalog, "sensitivity.growthDeltaPct").value;
  const g = m.input.volume.monthlyGrowthPct;
  const scaleApi = (mm: Model, s: number): Model => ({ ...mm, apiPrice: scalePriceTable(mm.apiPrice, s) });
  return [
    // Owned servers are priced from their terms, not the rental rate (which then only prices training runs): swing the server price.
    gpuPricing(m).owned ? fromRow("owned.serverPriceUsd", "Server price (owned)", FLEET_ONLY) : fromRow("gpu.usdPerHour", "GPU hourly rate", FLEET_ONLY),
    fromRow("selfHosted.tokensPerSecondPerReplica", "Throughput per replica", FLEET_ONLY),
    fromRow("selfHosted.targetUtilization", "Target GPU utilization", FLEET_ONLY),
    { key: "api.priceScale", label: `API price (${m.apiTier}-tier range, incl. a year of decline)`, unit: "× list price", base: 1, low: Math.min(m.apiPriceSpread.low, 1 - row("api.priceDeclinePerYear").high), high: m.apiPriceSpread.high, apply: scaleApi, keeps: API_ONLY }, // low: a year at the fastest published decline
    fromRow("people.loadedEngineerUsdPerYear", "Engineer cost", FLEET_ONLY),
    fromRow("api.priceDeclinePerYear", "API price decline per year", API_ONLY),
    fromRow("people.ftePer100Gpus", "Operations staff per 100 GPUs", FLEET_ONLY),
    {
      key: "volume.monthlyGrowthPct",
      label: "Monthly volume growth",
      unit: "%/month",
      base: g,
      low: Math.max(0, g - growthDelta),
      high: g + growthDelta,
      apply: (mm, v) => ({ ...mm, input: { ...mm.input, volume: { ...mm.input.volume, monthlyGrowthPct: v } } }),
      keeps: [],
    },
  ];
}

/**
 * For each assumption that matters, the break-even (vs the proprietary API) at its low and high value,
 * biggest swing first. `base`: the model's own monthly series when the caller has them (evaluate's option
 * costs); a variant reuses the base series of an option its figure cannot move.
 */
export function sensitivity(m: Model, catalog: Catalog, base: Partial<Record<SeriesOption, number[]>> = {}): SensitivityRow[] {
  const variants = sensitivityVariants(m, catalog);
  const baseSeries = (o: SeriesOption) => (base[o] ??= monthlySeries(m, o).monthlyUsd);
  const months = m.input.strategy.horizonMonths;
  const rows = variants.map((vr): SensitivityRow => {
    const series = (mm: Model, o: SeriesOption) => (vr.keeps.includes(o) ? baseSeries(o) : monthlySeries(mm, o).monthlyUsd);
    const at = (value: number) => {
      const mm = vr.apply(m, value);
      return {
        tpd: breakEvenTokensPerDay(mm, "api"),
        month: breakEvenMonth(series(mm, "self-hosted"), series(mm, "api")),
      };
    };
    const lo = at(vr.low);
    const hi = at(vr.high);
    return {
      assumption: vr.key,
      label: vr.label,
      unit: vr.unit,
      base: vr.base,
      low: vr.low,
      high: vr.high,
      breakEvenLow: lo.tpd,
      breakEvenHigh: hi.tpd,
      breakEvenMonthLow: lo.month,
      breakEvenMonthHigh: hi.month,
    };
  });
  const swing = (r: SensitivityRow) => {
    const a = r.breakEvenLow ?? BREAK_EVEN_RANGE.maxTokensPerDay;
    const b = r.breakEvenHigh ?? BREAK_EVEN_RANGE.maxTokensPerDay;
    const volumeSwing = Math.abs(Math.log10(a) - Math.log10(b));
    const monthSwing = Math.abs((r.breakEvenMonthLow ?? months + 1) - (r.breakEvenMonthHigh ?? months + 1)) / months;
    return volumeSwing + monthSwing;
  };
  return rows.sort((a, b) => swing(b) - swing(a));
}
