// The serving performance model: one replica of an open model on `tp` GPUs at one precision, under
// continuous batching with chunked prefill. Pure arithmetic, continuous and monotone in every input:
//
//   decode step      τ(c) = τ0 + (weights read(c) + c · KV bytes(L)) ÷ (BW · ηbw) + c · 2·active ÷ (F · ηc)
//                    weights read(c) = W · (1 − (1 − a)^c), a = active ÷ total params (dense: a = 1, all of W)
//                    L = in + out/2 (the mean context a sequence holds while it decodes)
//   prefill          Tpre(n) = (2·active·n + 2·layers·qDim·n²) ÷ (F · ηc)          (linear + causal attention)
//   per output token TPOT(c) = τ(c) + c · Tpre(in) ÷ out                            (prefill steals decode time)
//   first token      TTFT(c) = Tpre(in) + wait + τ(c) · (1 + in ÷ chunk),  wait = Tpre · q·c ÷ (c + q),
//                    q = κ · c · Tpre ÷ (τ · out)   (M/D/1 queueing for prefill, bounded by the c prefills ahead)
//   throughput       R(c) = c ÷ (out · TPOT(c)) requests/s,   tokens/s = R · (in + out)
//   end to end       E2E(c) = TTFT + (out − 1) · TPOT
//
// ηbw, ηc, τ0 and κ are fitted per configuration to measured points (catalog/performance.json,
// scripts/capacity-fit.ts); p95 latencies = the modelled medians × the p95 ÷ median ratios measured on
// the same data (TTFT for a first-token target, end-to-end for a full-response one).

export type PerfConfig = {
  /** Weight bytes of the whole model at this precision. */
  weightsBytes: number;
  totalParams: number;
  activeParams: number;
  /** KV-cache bytes per token per sequence in full-attention layers, and in sliding-window layers (bounded by `window`). */
  kvBytesPerTokenFull: number;
  kvBytesPerTokenWindowed: number;
  window: number;
  /** Causal attention FLOPs coefficient: 2 · full-attention layers · query dim (per prompt token squared). */
  attentionFlopsCoeff: number;
  /** Replica totals: HBM bandwidth (B/s), dense compute at the precision (FLOP/s), memory (B). */
  bandwidth: number;
  flops: number;
  memoryBytes: number;
  calibration: Calibration;
};

export type Calibration = {
  etaBandwidth: number;
  etaCompute: number;
  stepOverheadMs: number;
  queueing: number;
  /** Prefill chunk, tokens per scheduler step. */
  chunkTokens: number;
};

export type Workload = { inTok: number; outTok: number };

export type PerfPoint = {
  concurrency: number;
  /** One decode step with `concurrency` sequences, ms (TPOT without the prefill work it shares time with). */
  stepMs: number;
  ttftMs: number;
  tpotMs: number;
  e2eMs: number;
  requestsPerSecond: number;
  tokensPerSecond: number;
};

/** Share of GPU memory usable for weights and KV (the rest: activations, CUDA graphs, fragmentation; vLLM's default gpu_memory_utilization is 0.9). */
export const USABLE_MEMORY_SHARE = 0.9;

const tok = (x: number) => Math.max(x, 1);

export function kvBytesPerSequence(c: PerfConfig, contextTokens: number): number {
  return c.kvBytesPerTokenFull * contextTokens + c.kvBytesPerTokenWindowed * Math.min(contextTokens, c.window);
}

export function prefillSeconds(c: PerfConfig, n: number): number {
  const k = c.calibration;
  return (2 * c.activeParams * n + c.attentionFlopsCoeff * n * n) / (c.flops * k.etaCompute);
}

export function decodeStepSeconds(c: PerfConfig, concurrency: number, context: number): number {
  const k = c.calibration;
  const a = Math.min(1, c.activeParams / c.totalParams);
  const weightsRead = a >= 1 ? c.weightsBytes : c.weightsBytes * (1 - (1 - a) ** concurrency);
  const kv = concurrency * kvBytesPerSequence(c, context);
  return (
    k.stepOverheadMs / 1000 +
    (weightsRead + kv) / (c.bandwidth * k.etaBandwidth) +
    (concurrency * 2 * c.activeParams) / (c.flops * k.etaCompute)
  );
}

/** Median latencies and throughput of one replica at `concurrency` requests in flight (real-valued, ≥ 1). */
export function perfAt(c: PerfConfig, w: Workload, concurrency: number): PerfPoint {
  const inTok = tok(w.inTok);
  const outTok = tok(w.outTok);
  const n = Math.max(1, concurrency);
  const tpre = prefillSeconds(c, inTok);
  const tau = decodeStepSeconds(c, n, inTok + outTok / 2);
  const tpot = tau + (n * tpre) / outTok;
  const q = (c.calibration.queueing * n * tpre) / (tau * outTok);
  const wait = (tpre * q * n) / (n + q);
  const ttft = tpre + wait + tau * (1 + inTok / c.calibration.chunkTokens);
  const rps = n / (outTok * tpot);
  return {
    concurrency: n,
    stepMs: tau * 1000,
    ttftMs: ttft * 1000,
    tpotMs: tpot * 1000,
    e2eMs: (ttft + (outTok - 1) * tpot) * 1000,
    requestsPerSecond: rps,
    tokensPerSecond: rps * (inTok + outTok),
  };
}

/** Most sequences the replica's memory holds at this context (real-valued; < 1 means one does not fit). */
export function maxConcurrency(c: PerfConfig, w: Workload): number {
  const free = c.memoryBytes * USABLE_MEMORY_SHARE - c.weightsBytes;
  if (free <= 0) return 0;
  return free / kvBytesPerSequence(c, tok(w.inTok) + tok(w.outTok));
}

/** GPU memory one replica holds at `concurrency` sequences of the workload's full context, GB. */
export function memoryGbAt(c: PerfConfig, w: Workload, concurrency: number): number {
  return (c.weightsBytes + concurrency * kvBytesPerSequence(c, tok(w.inTok) + tok(w.outTok))) / 1e9;
}

export type LatencyMeasure = "first-token" | "full-response";
export type P95Factors = { ttft: number; e2e: number };

/** p95 of the latency the user's target is about, from the model's medians and the measured p95 ÷ median ratios. */
export function p95Ms(p: PerfPoint, measure: LatencyMeasure, f: P95Factors): number {
  return measure === "first-token" ? p.ttftMs * f.ttft : p.e2eMs * f.e2e;
}

export type SloPoint = PerfPoint & { p95Ms: number; memoryGb: number; limitedBy: "latency" | "memory" | "max-batch" };

/** Upper bound of the batch a serving engine schedules (vLLM's default max_num_seqs is 256; SGLang/TRT-LLM go higher). */
export const MAX_BATCH = 512;
const BISECTIONS = 16;

/**
 * The highest concurrency whose p95 latency meets `targetMs` (and whose time per output token, prefill
 * interference included, stays within `maxTpotMs`: a streamed answer must still read fluently) within the replica's memory: the SLO
 * operating point that sizes the fleet. `undefined` when even one request at a time misses the
 * target or one sequence does not fit in memory. Latency rises continuously with concurrency, so a
 * bisection on real-valued concurrency keeps throughput continuous in the target and the workload.
 */
export function sloPoint(
  c: PerfConfig,
  w: Workload,
  targetMs: number,
  measure: LatencyMeasure,
  f: P95Factors,
  maxTpotMs = Infinity,
): SloPoint | undefined {
  const memMax = maxConcurrency(c, w);
  if (memMax < 1) return undefined;
  const hi0 = Math.min(memMax, MAX_BATCH);
  // Both rise with concurrency, so "meets the target" holds below one concurrency and fails above it.
  const ok = (n: number) => {
    const p = perfAt(c, w, n);
    // The streaming floor holds the whole time per output token a user sees: the decode step plus the
    // prefill chunks of the other requests in flight interleaved with it (chunked prefill), both rising
    // with concurrency. The bare decode step let TPOT run to 2.5× the bound at the chosen concurrency.
    return p95Ms(p, measure, f) <= targetMs && (p.tpotMs <= maxTpotMs || w.outTok <= 1);
  };
  if (!ok(1)) return undefined;
  let limitedBy: SloPoint["limitedBy"] = hi0 === memMax ? "memory" : "max-batch";
  let n = hi0;
  if (!ok(hi0)) {
    limitedBy = "latency";
    // A fixed number of halvings: the result is then a non-decreasing function of the target
    // (each comparison is), resolved to hi0 / 2^16 requests.
    let lo = 1;
    let hi = hi0;
    for (let i = 0; i < BISECTIONS; i++) {
      const mid = (lo + hi) / 2;
      if (ok(mid)) lo = mid;
      else hi = mid;
    }
    n = lo;
  }
  const p = perfAt(c, w, n);
  return { ...p, p95Ms: p95Ms(p, measure, f), memoryGb: memoryGbAt(c, w, n), limitedBy };
}
