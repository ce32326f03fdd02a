import { catalog as currentCatalog, figureOf, type Catalog } from "./catalog";
import {
  capacityPeak,
  gpuPricing,
  monthlyUsdSeries,
  replicasFor,
  selfHostedMonthAt,
  selfHostedSteadyOf,
  steadyMonthlyUsd,
  tokensPerDayOf,
  volumeFactors,
  type OptionCost,
  type SelfHostedSteady,
} from "./economics";
import { atPricesOfMonth, scalePriceTable } from "./economics/trends";
import { SECONDS_PER_DAY } from "./units";
import type { AssumptionKey } from "./schema";
import type { AssumptionRow, Model } from "./types";

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
  return {
    minTokensPerDay: figureOf(c, "economics.breakEven.minTokensPerDay").value,
    maxTokensPerDay: figureOf(c, "economics.breakEven.maxTokensPerDay").value,
  };
}
export const BREAK_EVEN_RANGE = breakEvenRange(currentCatalog);

/**
 * Self-hosting's steady cost as a staircase of whole replicas for one model: n replicas serve up to
 * n·P tokens/day (P = `perReplicaTpd`) and cost `stepTotal(n)`, memoised per step (the crossing reads
 * a step several times, and both comparisons of `breakEven` and the sensitivity variants that leave
 * self-hosting unchanged read the same staircase).
 */
type Staircase = {
  m: Model;
  peak: number;
  perReplicaTpd: number;
  n0: number;
  steps: number[];
  totals: number[];
  month?: SelfHostedSteady;
};

function staircaseOf(m: Model): Staircase {
  const v = m.values;
  const peak = capacityPeak(m);
  const perReplicaTpd =
    (v["selfHosted.tokensPerSecondPerReplica"] * v["selfHosted.targetUtilization"] * SECONDS_PER_DAY) / peak;
  return { m, peak, perReplicaTpd, n0: v["selfHosted.minReplicas"], steps: [], totals: [] };
}

/** Steady monthly cost of n replicas, sized just under their capacity (a handful of steps per staircase: a list, not a map). */
function stepTotal(s: Staircase, n: number): number {
  const i = s.steps.indexOf(n);
  if (i >= 0) return s.totals[i]!;
  // The self-hosted month's figures read once per staircase (selfHostedMonth, step by step).
  const total = selfHostedMonthAt(
    (s.month ??= selfHostedSteadyOf(s.m)),
    n * s.perReplicaTpd * (1 - 1e-12),
    s.peak,
  ).total;
  s.steps.push(n);
  s.totals.push(total);
  return total;
}

/** The compared option's steady bill: linear in volume (k per token/day) plus a fixed part (fine-tuning and evals for hosted open weights). */
type Line = { fixed: number; k: number };

function lineOf(m: Model, against: Against): Line {
  const probe = 1e6;
  const fixed = steadyMonthlyUsd(m, against, 0);
  return { fixed, k: (steadyMonthlyUsd(m, against, probe) - fixed) / probe };
}

/**
 * Exact first crossing. The option's cost is linear in volume (k per token/day); self-hosting is a
 * staircase: n replicas serve up to n·P tokens/day and cost F + n·c. Within step n the crossing is
 * at S(n)/k, so the first step where it falls inside its interval gives the break-even.
 */
function crossing(st: Staircase, line: Line): number | null {
  const k = line.k;
  const perReplicaTpd = st.perReplicaTpd;
  if (!(k > 0) || !(perReplicaTpd > 0)) return null;
  const n0 = st.n0;
  const atMin = firstCheaper(st, line, n0);
  if (atMin !== null) return clampVolume(atMin);
  const c = stepOverLine(st, line, n0 + 1) - stepOverLine(st, line, n0);
  const fixed = stepOverLine(st, line, n0) - n0 * c;
  if (k * perReplicaTpd <= c) return null; // each extra replica costs more than the traffic it carries
  const nStar = Math.max(n0 + 1, Math.floor(fixed / (k * perReplicaTpd - c)));
  for (let n = Math.max(n0 + 1, nStar - 1); n <= nStar + 2; n++) {
    if ((n - 1) * perReplicaTpd > BREAK_EVEN_RANGE.maxTokensPerDay) return null;
    const x = firstCheaper(st, line, n);
    if (x !== null) return clampVolume(x);
  }
  return null;
}

/** S(n): step n's cost above the option's fixed part. */
function stepOverLine(st: Staircase, line: Line, n: number): number {
  return stepTotal(st, n) - line.fixed;
}

/** Where within step n self-hosting first costs less than the option, or null when it does not in that step. */
function firstCheaper(st: Staircase, line: Line, n: number): number | null {
  const lower = n <= st.n0 ? 0 : (n - 1) * st.perReplicaTpd;
  const upper = n * st.perReplicaTpd;
  const cross = stepOverLine(st, line, n) / line.k;
  if (cross >= upper) return null;
  // Strictly cheaper just above the crossing (or just above the step where the staircase drops below).
  return Math.max(lower, cross) + 1;
}

/** A crossing as reported: whole tokens a day within the catalog's range, null above it. */
function clampVolume(x: number | null): number | null {
  return x === null || x > BREAK_EVEN_RANGE.maxTokensPerDay
    ? null
    : Math.ceil(Math.max(x, BREAK_EVEN_RANGE.minTokensPerDay));
}

/**
 * A model's own break-even parts vs the API (its staircase, the API's line and the crossing), memoised per
 * model object: evaluate runs breakEven and then sensitivity on the same model, and the tornado's base point
 * and its swings that leave self-hosting or the API alone read them again.
 */
type OwnBreakEven = { m: Model; staircase: Staircase; apiLine?: Line; apiTpd?: number | null };
const ownBreakEven = new WeakMap<Model, OwnBreakEven>();

function ownOf(m: Model): OwnBreakEven {
  let own = ownBreakEven.get(m);
  if (!own) ownBreakEven.set(m, (own = { m, staircase: staircaseOf(m) }));
  return own;
}

function ownApiLine(own: OwnBreakEven): Line {
  return (own.apiLine ??= lineOf(own.m, "api"));
}

function ownApiTpd(own: OwnBreakEven): number | null {
  if (own.apiTpd === undefined) own.apiTpd = crossing(own.staircase, ownApiLine(own));
  return own.apiTpd;
}

/** The lowest daily volume at which self-hosting's steady monthly cost is below the option's (null: none in the reported range). */
export function breakEvenTokensPerDay(m: Model, against: Against): number | null {
  return crossing(staircaseOf(m), lineOf(m, against));
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

export function breakEven(
  m: Model,
  costs: Record<"self-hosted" | Against, OptionCost>,
): Record<Against, BreakEvenPoint> {
  const late = atPricesOfMonth(m, m.input.strategy.horizonMonths - 1, gpuPricing(m).term);
  // One staircase per model (today's prices and the horizon's last month's), shared by both comparisons.
  const own = ownOf(m);
  const now = own.staircase;
  const atEnd = late === m ? now : staircaseOf(late);
  const point = (against: Against): BreakEvenPoint => ({
    tokensPerDay: against === "api" ? ownApiTpd(own) : crossing(now, lineOf(m, against)),
    month: breakEvenMonth(costs["self-hosted"].monthlyUsd, costs[against].monthlyUsd),
    tokensPerDayAtHorizonEnd: crossing(atEnd, lineOf(late, against)),
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

/**
 * `keeps`: the options whose costs this figure cannot move, monthly series and steady month alike (their
 * base series and steady line or staircase are reused). `steady`: whether it moves any steady monthly
 * cost at all (growth and price trends do not: the break-even volume is the base one). `sizing`: it
 * enters self-hosting's series only through how many replicas each month needs (throughput,
 * utilization, growth), so a fleet held at its availability floor every month, in the base model and
 * in the swing, costs the base series. `current`: the value the model has now (a swing to it is the
 * model itself). break-even.test.ts checks each claim against a fresh computation.
 */
type Variant = {
  key: SensitivityRow["assumption"];
  label: string;
  unit: string;
  base: number;
  low: number;
  high: number;
  current: number;
  /** How a value is applied to the model (`swingModel`): an assumption value, a scale on the API's prices, or the monthly growth. */
  kind: "value" | "apiScale" | "growth";
  keeps: SeriesOption[];
  steady: boolean;
  sizing: boolean;
};
type SeriesOption = "self-hosted" | "api";
/** Figures that only enter the own fleet's costs (the API series is the same at any value). */
const FLEET_ONLY: SeriesOption[] = ["api"];
/** Figures that only enter the API's token bill (the self-hosted series is the same at any value). */
const API_ONLY: SeriesOption[] = ["self-hosted"];

/** The model with the variant's figure at `value`. */
export function swingModel(m: Model, vr: Variant, value: number): Model {
  switch (vr.kind) {
    case "value":
      return { ...m, values: { ...m.values, [vr.key]: value } };
    case "apiScale":
      return { ...m, apiPrice: scalePriceTable(m.apiPrice, value) };
    case "growth":
      return { ...m, input: { ...m.input, volume: { ...m.input.volume, monthlyGrowthPct: value } } };
  }
}

function rowOf(m: Model, k: AssumptionKey): AssumptionRow {
  for (const r of m.rows) if (r.key === k) return r;
  throw new Error(`no assumption row ${k}`);
}

/** A figure swung across its catalog range, around the value in use: an override keeps the catalog's relative spread. */
function fromRow(
  m: Model,
  k: AssumptionKey,
  label: string,
  keeps: SeriesOption[],
  steady: boolean,
  sizing: boolean,
): Variant {
  const r = rowOf(m, k);
  const scale = r.catalogValue ? r.value / r.catalogValue : 1;
  return {
    key: k,
    label,
    unit: r.unit,
    base: r.value,
    low: r.low * scale,
    high: r.high * scale,
    current: m.values[k],
    kind: "value",
    keeps,
    steady,
    sizing,
  };
}

/** The figures the tornado swings, each with its low and high value and how it is applied to the model (`swingModel`). */
export function sensitivityVariants(m: Model, catalog: Catalog): Variant[] {
  const growthDelta = figureOf(catalog, "sensitivity.growthDeltaPct").value;
  const g = m.input.volume.monthlyGrowthPct;
  return [
    // Owned servers are priced from their terms, not the rental rate (which then only prices training runs): swing the server price.
    gpuPricing(m).owned
      ? fromRow(m, "owned.serverPriceUsd", "Server price (owned)", FLEET_ONLY, true, false)
      : fromRow(m, "gpu.usdPerHour", "GPU hourly rate", FLEET_ONLY, true, false),
    fromRow(m, "selfHosted.tokensPerSecondPerReplica", "Throughput per replica", FLEET_ONLY, true, true),
    fromRow(m, "selfHosted.targetUtilization", "Target GPU utilization", FLEET_ONLY, true, true),
    {
      key: "api.priceScale",
      label: `API price (${m.apiTier}-tier range, incl. a year of decline)`,
      unit: "× list price",
      base: 1,
      low: Math.min(m.apiPriceSpread.low, 1 - rowOf(m, "api.priceDeclinePerYear").high),
      high: m.apiPriceSpread.high,
      current: 1,
      kind: "apiScale",
      keeps: API_ONLY,
      steady: true,
      sizing: false,
    }, // low: a year at the fastest published decline
    fromRow(m, "people.loadedEngineerUsdPerYear", "Engineer cost", FLEET_ONLY, true, false),
    fromRow(m, "api.priceDeclinePerYear", "API price decline per year", API_ONLY, false, false),
    fromRow(m, "people.ftePer100Gpus", "Operations staff per 100 GPUs", FLEET_ONLY, true, false),
    {
      key: "volume.monthlyGrowthPct",
      label: "Monthly volume growth",
      unit: "%/month",
      base: g,
      low: Math.max(0, g - growthDelta),
      high: g + growthDelta,
      current: g,
      kind: "growth",
      keeps: [],
      steady: false,
      sizing: true,
    },
  ];
}

type TornadoPoint = { tpd: number | null; month: number | null };

/** What every swing of one sensitivity run shares: the base model's series, its own break-even parts and its tornado point (each computed on first use). */
type TornadoBase = {
  m: Model;
  series: Partial<Record<SeriesOption, number[]>>;
  own: OwnBreakEven;
  point?: TornadoPoint;
  atFloor?: boolean;
};

function baseSeriesOf(b: TornadoBase, o: SeriesOption): number[] {
  return (b.series[o] ??= monthlyUsdSeries(b.m, o));
}

/**
 * Whether self-hosting runs its availability floor (`selfHosted.minReplicas`) every month of the horizon:
 * replicas grow with volume, so the floor holds when it covers the busiest month.
 */
export function fleetAtFloorEveryMonth(m: Model): boolean {
  const f = volumeFactors(m);
  let most = 0;
  for (let t = 0; t < f.length; t++) if (f[t]! > most) most = f[t]!;
  return replicasFor(m, tokensPerDayOf(m) * most, capacityPeak(m)) <= m.values["selfHosted.minReplicas"];
}

/** Break-even volume and month vs the API with the variant's figure at `value`, re-pricing only what the figure moves. */
function tornadoPoint(b: TornadoBase, vr: Variant, value: number): TornadoPoint {
  if (value === vr.current)
    return (b.point ??= {
      tpd: ownApiTpd(b.own),
      month: breakEvenMonth(baseSeriesOf(b, "self-hosted"), baseSeriesOf(b, "api")),
    });
  const mm = swingModel(b.m, vr, value);
  const keepsSelf = vr.keeps.includes("self-hosted");
  const keepsApi = vr.keeps.includes("api");
  const tpd = !vr.steady
    ? ownApiTpd(b.own)
    : crossing(keepsSelf ? b.own.staircase : staircaseOf(mm), keepsApi ? ownApiLine(b.own) : lineOf(mm, "api"));
  const sameFleet =
    keepsSelf || (vr.sizing && (b.atFloor ??= fleetAtFloorEveryMonth(b.m)) && fleetAtFloorEveryMonth(mm));
  const self = sameFleet ? baseSeriesOf(b, "self-hosted") : monthlyUsdSeries(mm, "self-hosted");
  const api = keepsApi ? baseSeriesOf(b, "api") : monthlyUsdSeries(mm, "api");
  return { tpd, month: breakEvenMonth(self, api) };
}

/**
 * For each assumption that matters, the break-even (vs the proprietary API) at its low and high value,
 * biggest swing first. `base`: the model's own monthly series when the caller has them (evaluate's option
 * costs). A swing re-prices only what its figure moves: a kept option's base series and steady cost are
 * reused, a figure that moves no steady cost keeps the base break-even volume, and a swing to the value the
 * model already has is the base point.
 */
export function sensitivity(
  m: Model,
  catalog: Catalog,
  base: Partial<Record<SeriesOption, number[]>> = {},
): SensitivityRow[] {
  const variants = sensitivityVariants(m, catalog);
  const months = m.input.strategy.horizonMonths;
  const b: TornadoBase = { m, series: base, own: ownOf(m) };
  const rows: SensitivityRow[] = [];
  const swings: number[] = [];
  for (const vr of variants) {
    const lo = tornadoPoint(b, vr, vr.low);
    const hi = vr.high === vr.low ? lo : tornadoPoint(b, vr, vr.high);
    const r: SensitivityRow = {
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
    rows.push(r);
    swings.push(swingOf(r, months));
  }
  // Biggest swing first (the sort is stable: equal swings keep the variants' order).
  const order = rows.map((_, i) => i).sort((x, y) => swings[y]! - swings[x]!);
  return order.map((i) => rows[i]!);
}

/** How far a row moves the break-even: decades of volume plus the share of the horizon its month moves. */
function swingOf(r: SensitivityRow, months: number): number {
  const a = r.breakEvenLow ?? BREAK_EVEN_RANGE.maxTokensPerDay;
  const b = r.breakEvenHigh ?? BREAK_EVEN_RANGE.maxTokensPerDay;
  const volumeSwing = Math.abs(Math.log10(a) - Math.log10(b));
  const monthSwing = Math.abs((r.breakEvenMonthLow ?? months + 1) - (r.breakEvenMonthHigh ?? months + 1)) / months;
  return volumeSwing + monthSwing;
}
