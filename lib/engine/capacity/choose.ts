import type { GpuHardware, Precision } from "@/catalog/schemas/gpus";
import { replicaSlots } from "../economics/packing";
import { HOURS_PER_MONTH as UNITS_HOURS_PER_MONTH, SECONDS_PER_DAY as UNITS_SECONDS_PER_DAY } from "../units";
import type { OpenModel } from "@/catalog/schemas/open-models";
import type { CapacityCatalog } from "./catalog";
import {
  calibrationFor,
  minTensorParallel,
  perfConfig,
  supports,
  TENSOR_PARALLEL,
  weightOnlyFp4Architectures,
  type CalibrationSource,
} from "./configs";
import {
  MAX_BATCH,
  maxConcurrency,
  memoryGbAt,
  p95Ms,
  perfAt,
  sloPoint,
  type LatencyMeasure,
  type P95Factors,
  type PerfConfig,
  type PerfPoint,
  type SloPoint,
  type Workload,
} from "./perf";

// Which open model × GPU × precision × tensor-parallel degree to run: every configuration the
// catalog allows is sized at the user's workload and latency target, and the cheapest one that
// meets the target (and the quality tier, the context window and any GPU/model the user forced)
// wins. Ranked by what the configuration costs as paid over the horizon (`paid`: the cost layer's own
// formula, so owned fleets rank on whole servers with their capex and running costs, not on an hourly
// equivalent); the cost layer then prices the winner in full.

export type QualityTier = "frontier" | "mid" | "small";
const TIER_RANK: Record<QualityTier, number> = { small: 0, mid: 1, frontier: 2 };

export type SelfHostedConfig = {
  id: string;
  modelId: string;
  modelLabel: string;
  architecture: "dense" | "moe";
  totalParamsB: number;
  activeParamsB: number;
  qualityTier: QualityTier;
  contextWindowTokens: number;
  gpuId: string;
  gpuLabel: string;
  precision: Precision;
  gpusPerReplica: number;
  /** Meets the latency target within memory. */
  feasible: boolean;
  /** Why it is infeasible, or what limits it. */
  reason: string;
  /** Operating point the fleet is sized at (at one request in flight when the target cannot be met). */
  point: SloPoint;
  /** Lowest p95 this configuration can reach (one request in flight), ms, including the network hop. */
  bestP95Ms: number;
  tokensPerSecondPerReplica: number;
  usdPerGpuHour: number;
  replicasFirst: number;
  replicasLast: number;
  /** Owned servers (whole purchase units) installed in month 1 and the last month; absent when rented. */
  servers?: { first: number; last: number; gpusPerServer: number };
  /** GPUs alone (rented hours, or owned servers' capex, power, colocation and maintenance): month 1 and the horizon. */
  gpuUsdFirstMonth: number;
  gpuUsdHorizon: number;
  /** What ranks the configurations: GPUs plus their storage/network share, people per GPU and training runs, over the horizon. */
  usdHorizon: number;
  calibration: { grade: "measured" | "derived"; source: string; framework?: string };
};

export type ChoiceInput = {
  tier: QualityTier;
  workload: Workload;
  targetMs: number;
  measure: LatencyMeasure;
  /** Month-1 tokens per day, growth per month (share) and months: for ranking by GPU cost over the horizon. */
  tokensPerDay: number;
  growth: number;
  months: number;
  peakToAverage: number;
  targetUtilization: number;
  minReplicas: number;
  forcedGpu?: string;
  forcedModel?: string;
  /** USD per GPU-hour of a GPU at the user's source and term; undefined = not offered (skipped). */
  rate: (gpuId: string) => number | undefined;
  /** `cc.gpus.map((g) => rate(g.id)).join(",")` when the caller has it memoised (part of the configurations' memo key). */
  ratesKey?: string;
  /**
   * How a GPU's configurations are paid over the horizon (economics' configPricer: configFleetUsd's
   * replicas, owned servers, GPU cost and ranking key, plus a lower bound on that key). Absent (or
   * undefined for a GPU): GPU-hours × rate.
   */
  pricer?: (gpuId: string) => FleetPricer | undefined;
};

export type PaidFleet = {
  replicasFirst: number;
  replicasLast: number;
  serversFirst?: number;
  serversLast?: number;
  gpusPerServer?: number;
  gpuUsdFirstMonth: number;
  gpuUsdHorizon: number;
  usdHorizon: number;
};

/** Prices one GPU's configurations (GPUs per replica, SLO tokens/s per replica) at the call's volume. */
export type FleetPricer = {
  price(gpusPerReplica: number, tokensPerSecondPerReplica: number): PaidFleet;
  /** price(…).usdHorizon, the ranking key. */
  horizon(gpusPerReplica: number, tokensPerSecondPerReplica: number): number;
  /** Never above horizon(…): lets the ranking skip configurations that cannot win without pricing them. */
  lowerBound(gpusPerReplica: number, tokensPerSecondPerReplica: number): number;
};

export type ModelExclusion = { modelId: string; label: string; reason: string };

export type CapacityChoice = {
  chosen: SelfHostedConfig;
  runnersUp: SelfHostedConfig[];
  /** The twelve cheapest configurations that meet the target (or the twelve fastest when none does). */
  candidates: SelfHostedConfig[];
  /** How many configurations were considered and how many meet the target. */
  considered: number;
  feasibleCount: number;
  excludedModels: ModelExclusion[];
  /** True when no configuration meets the target: the chosen one is the fastest, sized at one request in flight. */
  unmet: boolean;
  targetMs: number;
  measure: LatencyMeasure;
  networkMs: number;
};

// units.ts constants copied into module constants: under tsx each read of an imported binding is a getter call, and these are hot.
const SECONDS_PER_DAY = UNITS_SECONDS_PER_DAY;

// Memo of the performance model's answers per configuration and workload shape (they do not depend
// on volume, prices or utilization, which is what break-even, sensitivity and what-would-change vary).
// A pure function's cache: same inputs, same outputs; bounded, cleared when full.
type PreHit = {
  perf: unknown;
  key: string;
  cal: CalibrationSource;
  cfg: PerfConfig;
  one: PerfPoint;
  memMax: number;
  upperTps: number;
  /** SLO points by latency budget (ms), with the decode-step ceiling they were found under. */
  slo: Map<number, { maxTpotMs: number; point: SloPoint | undefined }>;
  /** The operating point shown when the target cannot be met: one request in flight. */
  noSlo?: SloPoint;
  /** The configuration's reason text by what it depends on (its SLO point, or the target when none is met). */
  reasons: Map<SloPoint | number, string>;
};
/** SLO points remembered per configuration and workload shape (a sensitivity sweep of the latency target adds one each). */
const SLO_PER_CONFIG_MAX = 64;
const memo = {
  pre: new Map<string, PreHit>(),
  configs: new Map<
    string,
    {
      perf: unknown;
      maxTpotMs: number;
      list: Pre[];
      cols: Columns;
      pairCount: number;
      excludedModels: ModelExclusion[];
    }
  >(),
};
const MEMO_MAX = 20_000;
/** Empties the memo (benchmarks time the cold path with it). */
export function clearCapacityMemo() {
  memo.pre.clear();
  memo.configs.clear();
}
function remember<V>(map: Map<string, V>, key: string, value: V) {
  if (map.size >= MEMO_MAX) map.clear();
  map.set(key, value);
}
const HOURS_PER_MONTH = UNITS_HOURS_PER_MONTH;

export function replicasFor(
  tokensPerDay: number,
  peakToAverage: number,
  tps: number,
  targetUtilization: number,
  minReplicas: number,
): number {
  const peak = (tokensPerDay / SECONDS_PER_DAY) * peakToAverage;
  return Math.max(minReplicas, Math.ceil(peak / (tps * targetUtilization) - 1e-9));
}

/** A configuration as the ranking sees it: catalog rows, its volume-independent performance (memoised) and its place in the list. */
type Pre = {
  m: OpenModel;
  g: GpuHardware;
  precision: Precision;
  tp: number;
  rate: number;
  cfg: PerfConfig;
  cal: CalibrationSource;
  one: PerfPoint;
  key: string;
  bestP95Ms: number;
  memFits: boolean;
  upperTps: number;
  slo: PreHit["slo"];
  noSlo: SloPoint;
  reasons: PreHit["reasons"];
  /** (model, GPU) pair number in list order, and the GPU's index in the catalog. */
  pair: number;
  gpu: number;
  /** Memory holds a sequence and the decode step meets the streaming floor (the part of reachability the latency target does not move). */
  fast: boolean;
};

/** A configuration sized at the target (or at one request in flight) and priced. `headroom`: tokens/s at the SLO that what is paid for in month 1 can carry (owned: every replica slot of the servers). */
type Sized = {
  x: Pre;
  slo: SloPoint | undefined;
  feasible: boolean;
  horizon: number;
  headroom: number;
  paid?: PaidFleet;
};

/**
 * What one call shares with the helpers below. They are module functions taking it, not closures made
 * per call: the ranking runs for every resolveModel (tsx, which the bench runs, wraps every named
 * closure in a defineProperty).
 */
type Ctx = {
  cc: CapacityCatalog;
  q: ChoiceInput;
  perf: CapacityCatalog["performance"];
  f: P95Factors;
  networkMs: number;
  maxTpotMs: number;
  budget: number;
  context: number;
  /** Pricers by GPU catalog index, asked once per GPU per call. */
  pricers: (FleetPricer | undefined)[];
};

export function chooseConfiguration(cc: CapacityCatalog, q: ChoiceInput): CapacityChoice {
  const perf = cc.performance;
  const networkMs = perf.selfHostedNetworkMs.value;
  // A first-token target says nothing about the stream after it: hold the median time per output
  // token to the streaming floor (a full-response target bounds it already).
  const maxTpotMs = q.measure === "first-token" ? cc.figure("capacity.selfHosted.maxTpotMs").value : Infinity;
  const context = Math.max(1, q.workload.inTok) + Math.max(1, q.workload.outTok);
  const ctx: Ctx = {
    cc,
    q,
    perf,
    f: { ttft: perf.p95Factors.ttft.value, e2e: perf.p95Factors.e2e.value },
    networkMs,
    maxTpotMs,
    budget: q.targetMs - networkMs,
    context,
    pricers: new Array<FleetPricer | undefined>(cc.gpus.length).fill(undefined),
  };
  // Phase 1, cheap for every configuration: the fastest it can answer (one request in flight) and an
  // upper bound on its throughput (the most requests memory and the engine allow, ignoring latency),
  // hence a lower bound on its GPU cost. Phase 2 sizes configurations at the target in order of that
  // bound and stops once the bound exceeds the fourth-cheapest (model, GPU) found: the same winner and
  // runners-up as sizing every one, at a fraction of the work.
  // The configurations (and their volume-independent performance) depend only on the tier, the
  // forced choices, the request shape and the GPU rates: built once per such key, then re-costed.
  const shapeKey = `${q.tier}|${q.forcedGpu ?? ""}|${q.forcedModel ?? ""}|${q.workload.inTok}|${q.workload.outTok}|${q.measure}|${q.ratesKey ?? cc.gpus.map((g) => q.rate(g.id)).join(",")}`;
  let base = memo.configs.get(shapeKey);
  if (!base || base.perf !== perf || base.maxTpotMs !== maxTpotMs) {
    const excluded: ModelExclusion[] = [];
    const models = cc.openModels.filter((m) => {
      if (q.forcedModel) return m.id === q.forcedModel;
      if (TIER_RANK[m.qualityTier] < TIER_RANK[q.tier]) return false;
      if (m.contextWindowTokens.value < context) {
        excluded.push({
          modelId: m.id,
          label: m.label,
          reason: `${m.label} reads at most ${fmtTok(m.contextWindowTokens.value)} tokens; your requests need ${fmtTok(context)} (prompt plus output)`,
        });
        return false;
      }
      return true;
    });
    const gpus = cc.gpus.filter((g) => (q.forcedGpu ? g.id === q.forcedGpu : true));
    const weightOnly = weightOnlyFp4Architectures(perf, cc.gpus);
    const list: Pre[] = [];
    for (const m of models) {
      for (const g of gpus) {
        const rate = q.rate(g.id);
        if (rate === undefined) continue;
        for (const row of m.precisions) {
          if (!supports(g, m, row.precision, weightOnly)) continue;
          const minTp = minTensorParallel(m, g, row.precision);
          if (!minTp) continue;
          // The smallest replica that holds the model, and two and four times it (more bandwidth and
          // compute per request: what a tight target needs). The same set whatever the target, so a
          // tighter target only ever removes configurations.
          for (const tp of TENSOR_PARALLEL) {
            if (tp < minTp || tp > g.maxGpusPerNode || tp > minTp * 4) continue;
            list.push(prepare(ctx, m, g, row.precision, tp, rate));
          }
        }
      }
    }
    if (!list.length) {
      // Nothing fits (a forced model the forced GPU cannot hold, or no eligible model): fall back to the
      // tier's models on the largest node so costs stay defined; the exclusions say why.
      const m =
        (q.forcedModel && cc.openModels.find((x) => x.id === q.forcedModel)) ||
        cc.openModels.find((x) => x.qualityTier === q.tier) ||
        cc.openModels[0]!;
      const g =
        gpus.find((x) => q.rate(x.id) !== undefined) ?? cc.gpus.find((x) => q.rate(x.id) !== undefined) ?? cc.gpus[0]!;
      const p = m.precisions[m.precisions.length - 1]!.precision;
      list.push(prepare(ctx, m, g, p, g.maxGpusPerNode, q.rate(g.id) ?? 0));
    }
    // (model, GPU) pairs numbered in list order: the ranking counts the fourth-cheapest pair and the
    // runners-up are one per pair.
    const pairs = new Map<string, number>();
    for (const x of list) {
      const k = `${x.m.id}/${x.g.id}`;
      let id = pairs.get(k);
      if (id === undefined) pairs.set(k, (id = pairs.size));
      x.pair = id;
      x.gpu = cc.gpus.indexOf(x.g);
      x.fast = x.memFits && (x.one.tpotMs <= maxTpotMs || q.workload.outTok <= 1);
    }
    base = { perf, maxTpotMs, list, cols: columnsOf(list), pairCount: pairs.size, excludedModels: excluded };
    remember(memo.configs, shapeKey, base);
  }
  // The models the request does not fit (a copy: the memo's list stays as built).
  const excludedModels = [...base.excludedModels];
  const list = base.list;
  const sized: Sized[] = [];
  // Cheapest feasible cost per (model, GPU) pair sized so far, and the fourth-cheapest of them.
  const pairCost: number[] = new Array<number>(base.pairCount).fill(Infinity);
  const pairSeen: boolean[] = new Array<boolean>(base.pairCount).fill(false);
  const pairsSeen: number[] = [];
  let fourth = Infinity;
  // Reachable configurations in order of `bound` (their cost at upperTps, a lower bound on their cost
  // at the target; ties in list order), each sized at the target until the bound exceeds the fourth-cheapest
  // (model, GPU) found: every later one is skipped. The order is produced lazily from the pricer's cheap
  // lower bound on `bound` itself (a heap keyed by that bound until the configuration is priced, then by
  // `bound`), so configurations that would be skipped are never priced.
  const n = list.length;
  const { key, priced, boundPaid, heap, rest } = workFor(n);
  // Reachable: the target-independent part (`fast`), the fastest answer within the target, a positive budget.
  const { bestP95Ms, upperTps, oneTps, tp, gpu, fast } = base.cols;
  const open = ctx.budget > 0;
  for (let i = 0; i < n; i++) {
    if (fast[i] && bestP95Ms[i]! <= q.targetMs && open) {
      key[i] = (ctx.pricers[gpu[i]!] ?? pricerOf(ctx, list[i]!)).lowerBound(tp[i]!, upperTps[i]!);
      heap.at[heap.size++] = i;
    } else rest.at[rest.size++] = i;
  }
  const reachableCount = heap.size;
  heapify(heap, key, priced);
  let feasibleSized = 0;
  while (heap.size > 0) {
    const i = heap.at[0]!;
    if (key[i]! > fourth) break;
    const x = list[i]!;
    if (!priced[i]) {
      priced[i] = 1;
      const p = pricerOf(ctx, x).price(x.tp, x.upperTps);
      boundPaid[i] = p;
      key[i] = p.usdHorizon;
      siftDown(heap, 0, key, priced);
      continue;
    }
    heapPop(heap, key, priced);
    const slo = memoSlo(ctx, x, ctx.budget);
    const tps = (slo ?? x.one).tokensPerSecond;
    const paid = tps === x.upperTps ? boundPaid[i]! : pricerOf(ctx, x).price(x.tp, tps);
    const horizon = paid.usdHorizon;
    const feasible = !!slo && x.memFits;
    sized.push({ x, slo, feasible, horizon, headroom: headroomOf(paid, tps, x.tp), paid });
    if (feasible) {
      feasibleSized++;
      if (!pairSeen[x.pair]) {
        pairSeen[x.pair] = true;
        pairsSeen.push(x.pair);
      }
      if (horizon < pairCost[x.pair]!) pairCost[x.pair] = horizon;
      if (pairsSeen.length >= 4) fourth = fourthSmallest(pairsSeen, pairCost);
    }
  }
  // Unreachable configurations follow, in order of `bound`, priced at one request in flight. They are
  // shown only to fill the twelve candidates (or, with nothing feasible, all of them are ranked by speed):
  // priced in order of their lower bound until that exceeds the want-th cheapest infeasible cost known.
  const want = feasibleSized > 0 ? 12 - feasibleSized : Infinity;
  if (want > 0 && rest.size > 0) {
    for (let k = 0; k < rest.size; k++) {
      const i = rest.at[k]!;
      key[i] = (ctx.pricers[gpu[i]!] ?? pricerOf(ctx, list[i]!)).lowerBound(tp[i]!, oneTps[i]!);
    }
    heapify(rest, key, priced); // none of them priced: key, then list order
    const cheapest = sized
      .filter((c) => !c.feasible)
      .map((c) => c.horizon)
      .sort((a, b) => a - b);
    const tail: { i: number; paid: PaidFleet; bound: number }[] = [];
    while (rest.size > 0) {
      const i = rest.at[0]!;
      // 1e-6 above the want-th cheapest: a configuration costing more cannot tie with it (sameCost) either.
      if (cheapest.length >= want && key[i]! > cheapest[want - 1]! * (1 + 1e-6)) break;
      heapPop(rest, key, priced);
      const x = list[i]!;
      const p = pricerOf(ctx, x);
      const paid = p.price(x.tp, x.one.tokensPerSecond);
      const horizon = paid.usdHorizon;
      tail.push({ i, paid, bound: x.one.tokensPerSecond === x.upperTps ? horizon : p.horizon(x.tp, x.upperTps) });
      let at = cheapest.length;
      while (at > 0 && cheapest[at - 1]! > horizon) at--;
      cheapest.splice(at, 0, horizon);
    }
    tail.sort((a, b) => a.bound - b.bound || a.i - b.i);
    for (const c of tail)
      sized.push({
        x: list[c.i]!,
        slo: undefined,
        feasible: false,
        horizon: c.paid.usdHorizon,
        headroom: 0,
        paid: c.paid,
      });
  }
  // At the same cost (owned: the same servers), the configuration that carries the most traffic on
  // what is paid wins (more headroom for the same money), then the faster one. So a fleet does not
  // swap its GPUs-per-replica back and forth while volume fills servers it already owns.
  sized.sort(
    (a, b) =>
      Number(b.feasible) - Number(a.feasible) ||
      (sameCost(a, b) ? 0 : a.horizon - b.horizon) ||
      b.headroom - a.headroom ||
      a.x.bestP95Ms - b.x.bestP95Ms,
  );
  const anyFeasible = sized[0]!.feasible;
  // With nothing meeting the target, the fastest configuration is the honest stand-in.
  // (among those whose memory holds one sequence, when any does).
  const fits = sized.filter((c) => c.x.memFits);
  const chosenS = anyFeasible
    ? sized[0]!
    : (fits.length ? fits : sized).reduce((a, b) => (b.x.bestP95Ms < a.x.bestP95Ms ? b : a));
  const seen = new Set([chosenS.x.pair]);
  const runnersUpS: Sized[] = [];
  for (const c of sized) {
    if (runnersUpS.length >= 3) break;
    if (!c.feasible && anyFeasible) break;
    if (seen.has(c.x.pair)) continue;
    seen.add(c.x.pair);
    runnersUpS.push(c);
  }
  // Full records (with their reason text) only for what is shown: the winner, the runners-up and
  // the twelve cheapest feasible (or fastest) configurations.
  const full = new Map<Sized, SelfHostedConfig>();
  const chosen = materialize(ctx, full, chosenS);
  const runnersUp: SelfHostedConfig[] = [];
  for (const c of runnersUpS) runnersUp.push(materialize(ctx, full, c));
  const shown = anyFeasible
    ? sized.slice(0, 12)
    : [...sized].sort((a, b) => a.x.bestP95Ms - b.x.bestP95Ms).slice(0, 12);
  const out: SelfHostedConfig[] = [];
  for (const c of shown) out.push(materialize(ctx, full, c));
  return {
    chosen,
    runnersUp,
    candidates: out,
    considered: n,
    feasibleCount: reachableCount,
    excludedModels,
    unmet: !anyFeasible,
    targetMs: q.targetMs,
    measure: q.measure,
    networkMs,
  };
}

/** The figures the per-call scan reads, a contiguous array each (the scan then touches little memory). */
type Columns = {
  bestP95Ms: Float64Array;
  upperTps: Float64Array;
  oneTps: Float64Array;
  tp: Float64Array;
  gpu: Int32Array;
  fast: Uint8Array;
};

function columnsOf(list: readonly Pre[]): Columns {
  const n = list.length;
  const c: Columns = {
    bestP95Ms: new Float64Array(n),
    upperTps: new Float64Array(n),
    oneTps: new Float64Array(n),
    tp: new Float64Array(n),
    gpu: new Int32Array(n),
    fast: new Uint8Array(n),
  };
  list.forEach((x, i) => {
    c.bestP95Ms[i] = x.bestP95Ms;
    c.upperTps[i] = x.upperTps;
    c.oneTps[i] = x.one.tokensPerSecond;
    c.tp[i] = x.tp;
    c.gpu[i] = x.gpu;
    c.fast[i] = x.fast ? 1 : 0;
  });
  return c;
}

function pricerOf(ctx: Ctx, x: Pre): FleetPricer {
  return (ctx.pricers[x.gpu] ??= ctx.q.pricer?.(x.g.id) ?? new HourlyPricer(ctx.q, x.rate));
}

function headroomOf(p: PaidFleet, tps: number, tp: number): number {
  return (
    tps *
    (p.serversFirst !== undefined && p.gpusPerServer
      ? replicaSlots(p.serversFirst, tp, p.gpusPerServer)
      : p.replicasFirst)
  );
}

function sameCost(a: Sized, b: Sized): boolean {
  return Math.abs(a.horizon - b.horizon) <= 1e-9 * Math.max(a.horizon, b.horizon);
}

function materialize(ctx: Ctx, full: Map<Sized, SelfHostedConfig>, c: Sized): SelfHostedConfig {
  let r = full.get(c);
  if (!r) full.set(c, (r = finish(ctx, c.x, c.slo, c.paid)));
  return r;
}

/** A GPU without fleet terms: GPU-hours × rate (its lower bound is its exact cost). */
class HourlyPricer implements FleetPricer {
  constructor(
    private readonly q: ChoiceInput,
    private readonly rate: number,
  ) {}

  price(tp: number, tps: number): PaidFleet {
    const { q, rate } = this;
    const replicasFirst = replicasFor(q.tokensPerDay, q.peakToAverage, tps, q.targetUtilization, q.minReplicas);
    const first = replicasFirst * tp * rate * HOURS_PER_MONTH;
    if (q.growth === 0)
      return {
        replicasFirst,
        replicasLast: replicasFirst,
        gpuUsdFirstMonth: first,
        gpuUsdHorizon: q.months * first,
        usdHorizon: q.months * first,
      };
    let horizon = 0;
    let tpd = q.tokensPerDay;
    let last = replicasFirst;
    for (let i = 0; i < q.months; i++) {
      last = replicasFor(tpd, q.peakToAverage, tps, q.targetUtilization, q.minReplicas);
      horizon += last * tp * rate * HOURS_PER_MONTH;
      tpd *= 1 + q.growth;
    }
    return { replicasFirst, replicasLast: last, gpuUsdFirstMonth: first, gpuUsdHorizon: horizon, usdHorizon: horizon };
  }

  horizon(tp: number, tps: number): number {
    return this.price(tp, tps).usdHorizon;
  }

  lowerBound(tp: number, tps: number): number {
    return this.horizon(tp, tps);
  }
}

function prepare(ctx: Ctx, m: OpenModel, g: GpuHardware, precision: Precision, tp: number, rate: number): Pre {
  const { q, perf, f, networkMs, cc } = ctx;
  const key = `${m.id}|${g.id}|${precision}|${tp}|${q.workload.inTok}|${q.workload.outTok}|${q.measure}`;
  let hit = memo.pre.get(key);
  if (!hit || hit.perf !== perf) {
    const vendorOf = (id: string) => cc.gpus.find((x) => x.id === id)?.vendor;
    const figureLookup = (k: string) => {
      try {
        return cc.figure(k as never);
      } catch {
        return undefined;
      }
    };
    const cal = calibrationFor(perf, m.id, g.id, precision, tp, {
      vendorOf,
      figure: figureLookup,
      architecture: m.architecture,
    });
    const cfg = perfConfig(m, g, precision, tp, cal.calibration);
    const one = perfAt(cfg, q.workload, 1);
    const memMax = maxConcurrency(cfg, q.workload);
    const upper = perfAt(cfg, q.workload, Math.max(1, Math.min(memMax, MAX_BATCH)));
    hit = { perf, key, cal, cfg, one, memMax, upperTps: upper.tokensPerSecond, slo: new Map(), reasons: new Map() };
    remember(memo.pre, key, hit);
  }
  const { cal, cfg, one, memMax, upperTps, slo } = hit;
  const bestP95Ms = p95Ms(one, q.measure, f) + networkMs;
  const memFits = memMax >= 1;
  hit.noSlo ??= {
    ...one,
    p95Ms: bestP95Ms - networkMs,
    memoryGb: memoryGbAt(cfg, q.workload, 1),
    limitedBy: memFits ? "latency" : "memory",
  };
  return {
    m,
    g,
    precision,
    tp,
    rate,
    cfg,
    cal,
    one,
    key,
    bestP95Ms,
    memFits,
    upperTps,
    slo,
    noSlo: hit.noSlo,
    reasons: hit.reasons,
    pair: -1,
    gpu: -1,
    fast: false,
  };
}

function memoSlo(ctx: Ctx, x: Pre, budgetMs: number): SloPoint | undefined {
  const { q, f, maxTpotMs } = ctx;
  const hit = x.slo.get(budgetMs);
  if (hit && hit.maxTpotMs === maxTpotMs) return hit.point;
  const point = sloPoint(x.cfg, q.workload, budgetMs, q.measure, f, maxTpotMs);
  if (x.slo.size >= SLO_PER_CONFIG_MAX) x.slo.clear();
  x.slo.set(budgetMs, { maxTpotMs, point });
  return point;
}

function reasonText(ctx: Ctx, x: Pre, slo: SloPoint | undefined): string {
  const { q, networkMs, context } = ctx;
  const { m, g, precision, tp, cfg, bestP95Ms, memFits } = x;
  const label = `${m.label} ${precision.toUpperCase()} on ${tp}× ${g.label}`;
  return !memFits
    ? `${label}: one ${fmtTok(context)}-token sequence does not fit next to the ${fmtGb(cfg.weightsBytes / 1e9)} of weights in ${fmtGb(tp * g.memoryGb.value)}`
    : !slo
      ? `${label}: ~${fmtMs(bestP95Ms)} p95 ${q.measure === "first-token" ? "to the first token" : "for the full response"} even with one request in flight; you need ${fmtMs(q.targetMs)}`
      : `${label}: ${fmtMs(slo.p95Ms + networkMs)} p95 at ${round(slo.concurrency)} requests in flight per replica (${slo.limitedBy === "latency" ? "limited by your latency target" : slo.limitedBy === "memory" ? "limited by KV-cache memory" : "limited by the engine's batch size"})`;
}

function finish(ctx: Ctx, x: Pre, slo: SloPoint | undefined, known: PaidFleet | undefined): SelfHostedConfig {
  const { m, g, precision, tp, rate, cal, bestP95Ms, memFits } = x;
  const point: SloPoint = slo ?? x.noSlo;
  const tps = point.tokensPerSecond;
  const paid = known ?? pricerOf(ctx, x).price(tp, tps);
  // The text depends on the SLO point (memoised, so the same object for the same budget) or, with none, on the target.
  const reasonKey = !memFits ? 0 : (slo ?? ctx.q.targetMs);
  let reason = x.reasons.get(reasonKey);
  if (reason === undefined) {
    if (x.reasons.size >= SLO_PER_CONFIG_MAX) x.reasons.clear();
    x.reasons.set(reasonKey, (reason = reasonText(ctx, x, slo)));
  }
  // Built by stores in order (a conditional spread in the literal would put every field after it on the slow path).
  const r: SelfHostedConfig = {
    id: `${m.id}/${g.id}/${precision}/tp${tp}`,
    modelId: m.id,
    modelLabel: m.label,
    architecture: m.architecture,
    totalParamsB: m.totalParamsB.value,
    activeParamsB: m.activeParamsB.value,
    qualityTier: m.qualityTier,
    contextWindowTokens: m.contextWindowTokens.value,
    gpuId: g.id,
    gpuLabel: g.label,
    precision,
    gpusPerReplica: tp,
    feasible: !!slo && memFits,
    reason,
    point,
    bestP95Ms,
    tokensPerSecondPerReplica: tps,
    usdPerGpuHour: rate,
    replicasFirst: paid.replicasFirst,
    replicasLast: paid.replicasLast,
  } as SelfHostedConfig;
  if (paid.serversFirst !== undefined && paid.gpusPerServer)
    r.servers = {
      first: paid.serversFirst,
      last: paid.serversLast ?? paid.serversFirst,
      gpusPerServer: paid.gpusPerServer,
    };
  r.gpuUsdFirstMonth = paid.gpuUsdFirstMonth;
  r.gpuUsdHorizon = paid.gpuUsdHorizon;
  r.usdHorizon = paid.usdHorizon;
  r.calibration = cal;
  return r;
}

const round = (x: number) => (x >= 10 ? Math.round(x) : Math.round(x * 10) / 10);
export function fmtMs(ms: number): string {
  if (ms >= 10_000) return `${Math.round(ms / 1000)} s`;
  if (ms >= 1000) return `${Math.round(ms / 100) / 10} s`;
  return `${Math.round(ms)} ms`;
}
export function fmtTok(n: number): string {
  if (n >= 1e6) return `${Math.round(n / 1e5) / 10}M`;
  if (n >= 1e4) return `${Math.round(n / 1000)}k`;
  return String(Math.round(n));
}
const fmtGb = (gb: number) => `${Math.round(gb)} GB`;

// The ranking's working arrays, reused from call to call (chooseConfiguration never re-enters itself)
// and grown to the longest configuration list seen, so a call allocates none of them. `key`: a
// configuration's heap key (its lower bound, then its bound once priced); `priced`: 1 once priced this
// call; `boundPaid`: its price at upperTps (read only when priced this call); `heap` and `rest`: the
// reachable configurations (a heap) and the others, as list indices.
type IndexHeap = { at: Int32Array; size: number };
const work = {
  key: new Float64Array(0),
  priced: new Uint8Array(0),
  boundPaid: [] as (PaidFleet | undefined)[],
  heap: { at: new Int32Array(0), size: 0 } as IndexHeap,
  rest: { at: new Int32Array(0), size: 0 } as IndexHeap,
};
function workFor(n: number) {
  if (work.key.length < n) {
    work.key = new Float64Array(n);
    work.priced = new Uint8Array(n);
    work.heap.at = new Int32Array(n);
    work.rest.at = new Int32Array(n);
  }
  work.priced.fill(0, 0, n);
  work.heap.size = 0;
  work.rest.size = 0;
  return work;
}

// A binary min-heap of list indices in the ranking's lazy order: key, then not yet priced (its bound
// may still equal the key), then list order.
function before(key: Float64Array, priced: Uint8Array, a: number, b: number): boolean {
  return key[a]! < key[b]! || (key[a] === key[b] && (priced[a]! < priced[b]! || (priced[a] === priced[b] && a < b)));
}
function heapify(h: IndexHeap, key: Float64Array, priced: Uint8Array) {
  for (let i = (h.size >> 1) - 1; i >= 0; i--) siftDown(h, i, key, priced);
}
function siftDown(h: IndexHeap, i: number, key: Float64Array, priced: Uint8Array) {
  const at = h.at;
  const n = h.size;
  for (;;) {
    const l = 2 * i + 1;
    if (l >= n) return;
    const r = l + 1;
    const c = r < n && before(key, priced, at[r]!, at[l]!) ? r : l;
    if (!before(key, priced, at[c]!, at[i]!)) return;
    const t = at[i]!;
    at[i] = at[c]!;
    at[c] = t;
    i = c;
  }
}
function heapPop(h: IndexHeap, key: Float64Array, priced: Uint8Array) {
  h.size--;
  if (h.size > 0) {
    h.at[0] = h.at[h.size]!;
    siftDown(h, 0, key, priced);
  }
}

/** The fourth-smallest cost among the pairs seen (at least four). */
function fourthSmallest(pairs: readonly number[], cost: readonly number[]): number {
  let a = Infinity;
  let b = Infinity;
  let c = Infinity;
  let d = Infinity;
  for (const p of pairs) {
    const v = cost[p]!;
    if (v < d) {
      if (v < c) {
        d = c;
        if (v < b) {
          c = b;
          if (v < a) {
            b = a;
            a = v;
          } else b = v;
        } else c = v;
      } else d = v;
    }
  }
  return d;
}
