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

/**
 * Whether the GPU can run the model's weights at that precision. FP4 needs FP4 tensor cores, or else a
 * natively FP4 checkpoint run weight-only (dequantised to the GPU's FP8/BF16 compute) on an architecture
 * where such a checkpoint was measured running so (`weightOnlyArchitectures`: gpt-oss MXFP4 on Hopper,
 * InferenceMAX vLLM runs on H100/H200). Elsewhere (A100, L40S, MI300X: no FP4 tensor cores and no measured
 * weight-only run) the FP4 checkpoint is not offered.
 */
export function supports(
  g: GpuHardware,
  m: OpenModel,
  p: Precision,
  weightOnlyArchitectures: ReadonlySet<string> = new Set(),
): boolean {
  const row = m.precisions.find((x) => x.precision === p);
  if (!row) return false;
  if (p === "fp4" && !g.denseTflops.fp4 && !(row.native && weightOnlyArchitectures.has(g.architecture))) return false;
  return true;
}

/** Architectures without FP4 tensor cores on which an FP4 checkpoint was measured weight-only (an FP4 calibration in performance.json). */
export function weightOnlyFp4Architectures(perf: PerformanceFile, gpus: readonly GpuHardware[]): Set<string> {
  const out = new Set<string>();
  for (const c of perf.calibrations) {
    const g = gpus.find((x) => x.id === c.gpuId);
    if (c.precision === "fp4" && g && !g.denseTflops.fp4) out.add(g.architecture);
  }
  return out;
}

export function kvBytesPerToken(m: OpenModel, p: Precision): { full: number; windowed: number } {
  const perLayer = (m.kvLatent ? m.headDim : 2 * m.kvHeads * m.headDim) * kvElementBytes(p);
  return { full: perLayer * m.fullAttentionLayers, windowed: perLayer * (m.layers - m.fullAttentionLayers) };
}

export function perfConfig(
  m: OpenModel,
  g: GpuHardware,
  p: Precision,
  tp: number,
  calibration: Calibration,
): PerfConfig {
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
  return TENSOR_PARALLEL.find(
    (tp) => row.weightsGb.value < 0.9 * USABLE_MEMORY_SHARE * tp * g.memoryGb.value && tp <= g.maxGpusPerNode,
  );
}

export type CalibrationSource = {
  calibration: Calibration;
  grade: "measured" | "derived";
  source: string;
  framework?: string;
};

/**
 * The calibration for a configuration: its own fit when one was measured; else the same model and
 * GPU at the nearest tensor-parallel degree; else the same model on other GPUs of the same vendor
 * (median), or of the other vendor adjusted by the measured vendor gap; else the catalog default
 * (median of every fit, vendor-adjusted). Each step says what it used.
 */
const calibrationCache = new WeakMap<PerformanceFile, Map<string, CalibrationSource>>();

export type CalibrationContext = {
  vendorOf?: (gpuId: string) => string | undefined;
  figure?: FigureLookup;
  architecture?: "dense" | "moe";
};

export function calibrationFor(
  perf: PerformanceFile,
  modelId: string,
  gpuId: string,
  p: Precision,
  tp: number,
  ctx: CalibrationContext = {},
): CalibrationSource {
  let byKey = calibrationCache.get(perf);
  if (!byKey) calibrationCache.set(perf, (byKey = new Map()));
  const key = `${modelId}|${gpuId}|${p}|${tp}`;
  let hit = byKey.get(key);
  if (!hit) byKey.set(key, (hit = lookupCalibration(perf, modelId, gpuId, p, tp, ctx)));
  return hit;
}

/** A keyed figure of the catalog (performance.json's `figures` land in catalog.figures), undefined when absent. */
export type FigureLookup = (key: string) => { value: number; source: string } | undefined;

function lookupCalibration(
  perf: PerformanceFile,
  modelId: string,
  gpuId: string,
  p: Precision,
  tp: number,
  ctx: CalibrationContext,
): CalibrationSource {
  const { vendorOf, figure, architecture } = ctx;
  const chunkTokens = perf.chunkTokens.value;
  const toCal = (c: {
    etaBandwidth: number;
    etaCompute: number;
    stepOverheadMs: number;
    queueing: number;
  }): Calibration => ({
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
    return {
      calibration: toCal(near),
      grade: "derived",
      source: `fit of ${near.tp}-GPU replicas applied at ${tp} GPUs (${near.source})`,
      framework: near.framework,
    };
  }
  const vendor = vendorOf?.(gpuId);
  const model = perf.calibrations.filter((c) => c.modelId === modelId);
  const sameVendor = vendor ? model.filter((c) => vendorOf!(c.gpuId) === vendor) : model;
  const pool = sameVendor.length ? sameVendor : model;
  if (pool.length) {
    const med = (k: "etaBandwidth" | "etaCompute" | "stepOverheadMs" | "queueing") => median(pool.map((c) => c[k]));
    const base = {
      etaBandwidth: med("etaBandwidth"),
      etaCompute: med("etaCompute"),
      stepOverheadMs: med("stepOverheadMs"),
      queueing: med("queueing"),
    };
    const adj = sameVendor.length || !vendor ? undefined : vendorAdjustment(figure, vendor);
    return {
      calibration: toCal(adj ? adjust(base, adj) : base),
      grade: "derived",
      source: `median efficiency of ${modelId} on ${[...new Set(pool.map((c) => c.gpuId))].join(", ")} applied to this GPU's datasheet bandwidth and compute${adj ? `, ${adj.text}` : ""}`,
    };
  }
  const adj = vendor ? vendorAdjustment(figure, vendor) : undefined;
  // No measurement of the model: the median of the fitted models of the same architecture (dense
  // models read all their weights every step; the MoE fits absorb expert-routing effects).
  const d = (architecture && perf.defaultCalibrations?.[architecture]) || perf.defaultCalibration;
  return {
    calibration: toCal(adj ? adjust(d, adj) : d),
    grade: "derived",
    source: `${d.source}${adj ? `, ${adj.text}` : ""}`,
  };
}

type Eff = { etaBandwidth: number; etaCompute: number; stepOverheadMs: number; queueing: number };
type VendorAdj = { factor: number; text: string };
const adjust = (c: Eff, a: VendorAdj): Eff => ({
  ...c,
  etaBandwidth: c.etaBandwidth * a.factor,
  etaCompute: c.etaCompute * a.factor,
});

/**
 * An AMD configuration whose efficiency comes from NVIDIA measurements is scaled by the gap measured on
 * configurations run on both (performance.json figure capacity.vendorEfficiency.amd, derived by the fit).
 */
function vendorAdjustment(figure: FigureLookup | undefined, vendor: string): VendorAdj | undefined {
  const f = figure?.(`capacity.vendorEfficiency.${vendor}`);
  if (!f || f.value >= 1) return undefined;
  return { factor: f.value, text: `scaled ×${f.value} for the ${vendor.toUpperCase()} serving stack (${f.source})` };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const i = (s.length - 1) / 2;
  return (s[Math.floor(i)]! + s[Math.ceil(i)]!) / 2;
}
