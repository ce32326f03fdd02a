import type { Model } from "../types";
import { SECONDS_PER_DAY } from "../units";
import type { HybridSplit } from "../types";
import { marginalReplicaRate, usableTpsPerReplica, type FleetMonth } from "./fleet";
import { capacityAt, servedShare } from "./load";
import { capacityPeak, externalUsdPerTokenDay, tokensPerDayOf, volumeFactors } from "./tokens";
import { priceFactor } from "./trends";

// The hybrid as an optimisation: month by month, the replica count that minimises GPUs + the tokens sent
// out (load-duration curve), under the mandatory in-house and frontier shares. costs.ts decides between
// the plans and the pure options; the steady curve (steady.ts) runs the same month step at one volume.

export type Plan = {
  months: FleetMonth[];
  externalUsd: number[];
  servedTokens: number;
  totalTokens: number;
  target: "api" | "hosted-open";
};

/** A plan's months as arrays (replicas, tokens a day served in house, external bill), n months long. */
export type PlanBuffers = { replicas: Float64Array; served: Float64Array; external: Float64Array };

export const planBuffers = (n: number): PlanBuffers => ({
  replicas: new Float64Array(n),
  served: new Float64Array(n),
  external: new Float64Array(n),
});

/**
 * For each month: the replica count that minimises GPUs + external tokens. One more replica costs
 * `marginalReplicaRate`; it takes off the external bill the tokens above the fleet's capacity
 * during the share of the day the load exceeds it (load-duration curve), so the optimum is where
 * that share of time equals cost ÷ (price × tokens a replica carries): closed form, then whole replicas.
 */
export function planHybrid(m: Model, target: "api" | "hosted-open", sMin: number, eMin: number): Plan {
  const n = volumeFactors(m).length;
  const out = planBuffers(n);
  const { servedTokens, totalTokens } = planInto(m, target, sMin, eMin, out);
  const months: FleetMonth[] = [];
  for (let t = 0; t < n; t++) months.push({ replicas: out.replicas[t]!, servedTokensPerDay: out.served[t]! });
  return { months, externalUsd: Array.from(out.external), servedTokens, totalTokens, target };
}

/**
 * A plan's month step: what is the same every month (load shape, replica capacity, per-token prices today,
 * mandatory shares), the month's own figures (set by the caller before `planMonth`: tokens a day T, the
 * target's and the API's price multiples, one more replica's cost; fields, not arguments, so the doubles are
 * not boxed on every call), and the served shares last priced at the same volume (a month at the volume of
 * the one before, or a steady point, reuses them: same arguments, same share).
 */
export type PlanStep = {
  /** Peak ÷ average load of the day (the load-duration curve's exponent, capacityPeak). */
  peakRatio: number;
  /** Tokens/s one replica serves at the target utilization. */
  usableTpsPerReplica: number;
  /** USD per month per (token/day) at today's list price: the API's, and the spill target's. */
  apiUsdPerTokenDay: number;
  targetUsdPerTokenDay: number;
  sMin: number;
  eMin: number;
  /** Share of traffic the split may place (1 − the frontier share routed to the API), and its inverse. */
  flexibleShare: number;
  inverseFlexibleShare: number;
  minReplicas: number;
  /** The month being planned: its tokens a day, the target's and the API's price multiples, one more replica's monthly cost. */
  tokensPerDay: number;
  targetPriceFactor: number;
  apiPriceFactor: number;
  replicaMonthlyUsd: number;
  shares: ShareMemo;
};

/**
 * Served shares already priced, by month: the volume and the last two replica counts with their shares. A
 * share depends only on the month's volume, the replica count and the step's capacity figures (`r`,
 * `usable`, `inv`), so the plans of both spill targets share one memo (pickHybrid), and a month at the
 * volume of the one before reuses its shares.
 */
export type ShareMemo = {
  r: number;
  usable: number;
  inv: number;
  T: Float64Array;
  n0: Float64Array;
  s0: Float64Array;
  n1: Float64Array;
  s1: Float64Array;
};

export function shareMemo(r: number, usable: number, inv: number, n: number, into: ShareMemo | null): ShareMemo {
  const memo =
    into && into.T.length >= n
      ? into
      : {
          r,
          usable,
          inv,
          T: new Float64Array(n),
          n0: new Float64Array(n),
          s0: new Float64Array(n),
          n1: new Float64Array(n),
          s1: new Float64Array(n),
        };
  memo.r = r;
  memo.usable = usable;
  memo.inv = inv;
  memo.T.fill(-1);
  return memo;
}

// The memo the verdict probes' plans share (pickHybrid and steadyHybridOf never re-enter themselves).

/** `shares`: a memo to share with another plan of the same model and shares (used only when its capacity figures are this step's). */
export function planStepOf(
  m: Model,
  target: "api" | "hosted-open",
  sMin: number,
  eMin: number,
  months: number,
  shares: ShareMemo | null = null,
): PlanStep {
  const flex = 1 - eMin;
  const r = capacityPeak(m);
  const usable = usableTpsPerReplica(m);
  const inv = 1 / Math.max(flex, 1e-12);
  const sameFigures =
    !!shares && shares.T.length >= months && shares.r === r && shares.usable === usable && shares.inv === inv;
  return {
    peakRatio: r,
    usableTpsPerReplica: usable,
    apiUsdPerTokenDay: externalUsdPerTokenDay(m, "api"),
    targetUsdPerTokenDay: externalUsdPerTokenDay(m, target),
    sMin,
    eMin,
    flexibleShare: flex,
    inverseFlexibleShare: inv,
    minReplicas: m.values["selfHosted.minReplicas"],
    tokensPerDay: 0,
    targetPriceFactor: 1,
    apiPriceFactor: 1,
    replicaMonthlyUsd: 0,
    shares: sameFigures ? shares! : shareMemo(r, usable, inv, months, null),
  };
}

/** Under a token a thousand seconds there is no load to plan for (and 1/avgTps would overflow). */
export function planHasLoad(T: number): boolean {
  return T / SECONDS_PER_DAY > 1e-3;
}

/** A month without load: the availability floor when a share must stay in house, else nothing; no bill. */
export function idlePlanMonth(c: PlanStep, out: PlanBuffers, t: number): void {
  out.replicas[t] = c.sMin > 0 ? c.minReplicas : 0;
  out.served[t] = 0;
  out.external[t] = 0;
}

/** Share of month t's load n replicas serve (dc: capacity of one, in units of the average load): from the memo when priced at this volume before (this month, by the other target's plan, or the month before). */
export function planShare(c: PlanStep, t: number, n: number, dc: number): number {
  const m = c.shares;
  if (m.T[t] === c.tokensPerDay) {
    if (n === m.n0[t]) return m.s0[t]!;
    if (n === m.n1[t]) return m.s1[t]!;
  } else {
    m.T[t] = c.tokensPerDay;
    m.n0[t] = -1;
    m.n1[t] = -1;
  }
  // The month before at the same volume priced the same shares (the volume stops growing at its cap, or never grows).
  const s =
    t > 0 && m.T[t - 1] === c.tokensPerDay && n === m.n0[t - 1]
      ? m.s0[t - 1]!
      : t > 0 && m.T[t - 1] === c.tokensPerDay && n === m.n1[t - 1]
        ? m.s1[t - 1]!
        : servedShare(n * dc * c.inverseFlexibleShare, c.peakRatio);
  m.n1[t] = m.n0[t]!;
  m.s1[t] = m.s0[t]!;
  m.n0[t] = n;
  m.s0[t] = s;
  return s;
}

/**
 * One month of the plan at c.tokensPerDay (with load), the target's and the API's price multiples
 * c.targetPriceFactor and c.apiPriceFactor, one more replica's cost c.replicaMonthlyUsd. Writes the replica count, the tokens a day served in house and the
 * external bill into `out` at t. The horizon plan and the steady (one-month) hybrid of the volume curve share it.
 */
export function planMonth(c: PlanStep, out: PlanBuffers, t: number): void {
  const { peakRatio: r, flexibleShare: flex, tokensPerDay: T, replicaMonthlyUsd: rc } = c;
  const avgTps = T / SECONDS_PER_DAY;
  const kS = c.targetUsdPerTokenDay * c.targetPriceFactor;
  const frontierUsd = c.eMin * T * c.apiUsdPerTokenDay * c.apiPriceFactor;
  const dc = c.usableTpsPerReplica / avgTps; // capacity one replica adds, in units of the average load
  const nMin = c.sMin > 0 ? Math.max(c.minReplicas, Math.ceil((c.sMin * r) / dc - 1e-9)) : c.minReplicas;
  const nMax = Math.max(nMin, Math.ceil((flex * r) / dc - 1e-9));
  let lo = nMin;
  let hi = nMin;
  // With no room between the bounds the count is nMin whatever the optimum (dc > 0 keeps the optimum a number).
  if (nMax !== nMin || !(dc > 0)) {
    const kappa = rc / Math.max(kS * T * dc, 1e-300);
    const nStar = Number.isFinite(kappa) ? (flex * capacityAt(kappa, r)) / dc : 0;
    // GPUs + spill is convex in the replica count (the served share is concave), so the whole-replica
    // optimum is the floor or the ceiling of the continuous one, within [nMin, nMax].
    lo = Math.min(nMax, Math.max(nMin, Math.floor(nStar)));
    hi = Math.min(nMax, Math.max(nMin, Math.ceil(nStar)));
  }
  const sLo = planShare(c, t, lo, dc);
  const usdLo = lo * rc + T * kS * flex * (1 - sLo);
  let best = lo;
  let sBest = sLo;
  let extBest = T * kS * flex * (1 - sLo);
  if (hi !== lo) {
    const sHi = planShare(c, t, hi, dc);
    const extHi = T * kS * flex * (1 - sHi);
    if (hi * rc + extHi < usdLo - 1e-9) {
      best = hi;
      sBest = sHi;
      extBest = extHi;
    }
  }
  out.replicas[t] = best;
  out.served[t] = flex * sBest * T;
  out.external[t] = extBest + frontierUsd;
}

/** planHybrid's one month loop, written into `out` (the verdict probes pass reused buffers). */
export function planInto(
  m: Model,
  target: "api" | "hosted-open",
  sMin: number,
  eMin: number,
  out: PlanBuffers,
  shares: ShareMemo | null = null,
): { servedTokens: number; totalTokens: number } {
  const factors = volumeFactors(m);
  const c = planStepOf(m, target, sMin, eMin, factors.length, shares);
  const tpd0 = tokensPerDayOf(m);
  let served = 0;
  let total = 0;
  const gpuTrend = m.values["gpu.priceChangePerYear"];
  const rcAt = marginalReplicaRate(m);
  // Monthly price multipliers by repeated multiplication (same values as priceFactor(m, kind, t)).
  const stepS = priceFactor(m, target, 1);
  const stepA = priceFactor(m, "api", 1);
  let fS = 1;
  let fA = 1;
  let lastT = -1;
  let lastRcMonth = -1;
  let rc = 0;
  for (let t = 0; t < factors.length; t++, fS *= stepS, fA *= stepA) {
    const T = tpd0 * factors[t]!;
    if (!planHasLoad(T)) {
      idlePlanMonth(c, out, t);
      continue;
    }
    // The replica's cost moves with the GPU price trend (its term locks it for 12 or 36 months).
    if (lastRcMonth < 0 || T !== lastT || t % 12 === 0 || gpuTrend !== 0) {
      rc = rcAt(t);
      lastRcMonth = t;
    }
    lastT = T;
    c.tokensPerDay = T;
    c.targetPriceFactor = fS;
    c.apiPriceFactor = fA;
    c.replicaMonthlyUsd = rc;
    planMonth(c, out, t);
    served += out.served[t]!;
    total += T;
  }
  return { servedTokens: served, totalTokens: total };
}

/** Mandatory shares: the sensitive share stays in house; with frontier required, the routed share goes to the API. */
export function hybridConstraints(m: Model): { sMin: number; eMin: number; mode: HybridSplit["mode"] } {
  const sMin = m.sensitiveStaysIn ? m.input.data.sensitiveShare : 0;
  const eMin =
    m.input.capability.frontier === "required" ? Math.min(m.values["hybrid.frontierRoutedShare"], 1 - sMin) : 0;
  return { sMin, eMin, mode: sMin > 0 ? "sensitive-in-house" : eMin > 0 ? "frontier-routing" : "base-load" };
}

// The verdict probes' and the steady month's plan buffers (reused: their users never re-enter themselves).
let probePlan = planBuffers(64);
export const probeBuffers = (n: number): PlanBuffers =>
  probePlan.replicas.length >= n ? probePlan : (probePlan = planBuffers(n));

/** Pure options a split may collapse to (the one definition: the horizon decision, its probes' shortcut and the steady curve): all external (only when nothing must stay in house), all in house (only when nothing must go to the frontier API). */
export function pureCandidatesOf(
  sMin: number,
  eMin: number,
  spillTargets: readonly ("api" | "hosted-open")[],
): ("api" | "hosted-open" | "self-hosted")[] {
  const out: ("api" | "hosted-open" | "self-hosted")[] = [];
  if (sMin === 0) out.push(...(eMin > 0 ? (["api"] as const) : spillTargets));
  if (eMin === 0) out.push("self-hosted");
  return out;
}
