import type { GpuHardware, Precision } from "@/catalog/schemas/gpus";
import type { OpenModel } from "@/catalog/schemas/open-models";
import type { PerformanceFile } from "@/catalog/schemas/performance";
import { USABLE_MEMORY_SHARE, type Calibration, type PerfConfig } from "./perf";

// Turns catalog rows (an open model, a GPU, a precision, a tensor-parallel degree) into the numbers
// the performance model runs on, and lists the configurations worth sizing.

export const TENSOR_PARALLEL = [1, 2, 4, 8] as const;

/** Bytes per KV-cache element: FP8 KV cache with FP8/FP4 weights (as vLLM, SGLang and TRT-LLM serve them), BF16 otherwise. */
export function kvElementBytes(p: Precision): number {
  return p === "bf16" ? 2 : 1;
}

/** Dense tensor FLOP/s of one GPU at a precision; a precision the GPU lacks runs weight-only at the next wider one. */
export function gpuFlops(g: GpuHardware, p: Precision): number {
  const t = g.denseTflops;
  const f = p === "fp4" ? (t.fp4 ?? t.fp8 ?? t.bf16) : p === "fp8" ? (t.fp8 ?? t.bf16) : t.bf16;
  return f.value * 1e12;
}

/** Whether the GPU can run the model's weights at that precision: FP4 needs FP4 tensor cores unless the checkpoint is natively FP4 (gpt-oss MXFP4 runs weight-only on Hopper). */
export function supports(g: GpuHardware, m: OpenModel, p: Precision): boolean {
  const row = m.precisions.find((x) => x.precision === p);
  if (!row) return false;
  if (p === "fp4" && !g.denseTflops.fp4 && !row.native) return false;
  return true;
}

export function kvBytesPerToken(m: OpenModel, p: Precision): { full: number; windowed: number } {
  const perLayer = (m.kvLatent ? m.headDim : 2 * m.kvHeads * m.headDim) * kvElementBytes(p);
  return { full: perLayer * m.fullAttentionLayers, windowed: perLayer * (m.layers - m.fullAttentionLayers) };
}

export function perfConfig(m: OpenModel, g: GpuHardware, p: Precision, tp: number, calibration: Calibration): PerfConfig {
  const row = m.precisions.find((x) => x.precision === p);
  if (!row) throw new Error(`${m.id} has no ${p} weights`);
  const kv = kvBytesPerToken(m, p);
  return {
    weightsBytes: row.weightsGb.value * 1e9,
    totalParams: m.totalParamsB.value * 1e9,
    activeParams: m.activeParamsB.value * 1e9,
    kvBytesPerTokenFull: kv.full,
    kvBytesPerTokenWindowed: kv.windowed,
    window: m.slidingWindow,
    attentionFlopsCoeff: 2 * m.fullAttentionLayers * m.queryDim,
    bandwidth: tp * g.memoryBandwidthTBps.value * 1e12,
    flops: tp * gpuFlops(g, p),
    memoryBytes: tp * g.memoryGb.value * 1e9,
    calibration,
  };
}

/** Smallest tensor-parallel degree whose memory holds the weights with room for KV cache (weights ≤ 90% of usable memory). */
export function minTensorParallel(m: OpenModel, g: GpuHardware, p: Precision): number | undefined {
  const row = m.precisions.find((x) => x.precision === p);
  if (!row) return undefined;
  return TENSOR_PARALLEL.find((tp) => row.weightsGb.value < 0.9 * USABLE_MEMORY_SHARE * tp * g.memoryGb.value && tp <= g.maxGpusPerNode);
}

export type CalibrationSource = { calibration: Calibration; grade: "measured" | "derived"; source: string; framework?: string };

/**
 * The calibration for a configuration: its own fit when one was measured; else the same model and
 * GPU at the nearest tensor-parallel degree; else the same model on another GPU (median); else the
 * catalog default (median of every fit). Each step says what it used.
 */
const calibrationCache = new WeakMap<PerformanceFile, Map<string, CalibrationSource>>();

export function calibrationFor(perf: PerformanceFile, modelId: string, gpuId: string, p: Precision, tp: number): CalibrationSource {
  let byKey = calibrationCache.get(perf);
  if (!byKey) calibrationCache.set(perf, (byKey = new Map()));
  const key = `${modelId}|${gpuId}|${p}|${tp}`;
  let hit = byKey.get(key);
  if (!hit) byKey.set(key, (hit = lookupCalibration(perf, modelId, gpuId, p, tp)));
  return hit;
}

function lookupCalibration(perf: PerformanceFile, modelId: string, gpuId: string, p: Precision, tp: number): CalibrationSource {
  const chunkTokens = perf.chunkTokens.value;
  const toCal = (c: { etaBandwidth: number; etaCompute: number; stepOverheadMs: number; queueing: number }): Calibration => ({
    etaBandwidth: c.etaBandwidth,
    etaCompute: c.etaCompute,
    stepOverheadMs: c.stepOverheadMs,
    queueing: c.queueing,
    chunkTokens,
  });
  const same = perf.calibrations.filter((c) => c.modelId === modelId && c.gpuId === gpuId && c.precision === p);
  const exact = same.find((c) => c.tp === tp);
  if (exact) return { calibration: toCal(exact), grade: "measured", source: exact.source, framework: exact.framework };
  if (same.length) {
    const near = same.reduce((a, b) => (Math.abs(Math.log2(b.tp / tp)) < Math.abs(Math.log2(a.tp / tp)) ? b : a));
    return { calibration: toCal(near), grade: "derived", source: `fit of ${near.tp}-GPU replicas applied at ${tp} GPUs (${near.source})`, framework: near.framework };
  }
  const model = perf.calibrations.filter((c) => c.modelId === modelId);
  if (model.length) {
    const med = (k: "etaBandwidth" | "etaCompute" | "stepOverheadMs" | "queueing") => median(model.map((c) => c[k]));
    return {
      calibration: toCal({ etaBandwidth: med("etaBandwidth"), etaCompute: med("etaCompute"), stepOverheadMs: med("stepOverheadMs"), queueing: med("queueing") }),
      grade: "derived",
      source: `median efficiency of ${modelId} on ${[...new Set(model.map((c) => c.gpuId))].join(", ")} applied to this GPU's datasheet bandwidth and compute`,
    };
  }
  return { calibration: toCal(perf.defaultCalibration), grade: "derived", source: perf.defaultCalibration.source };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const i = (s.length - 1) / 2;
  return (s[Math.floor(i)]! + s[Math.ceil(i)]!) / 2;
}
