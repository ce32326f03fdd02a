import fc from "fast-check";
import { describe, expect, it, test } from "vitest";
import { catalog } from "../catalog";
import { evaluate } from "../evaluate";
import { resolveModel, type Model } from "../model";
import { assessmentInputSchema, GPUS, OPEN_MODELS, type AssessmentInput } from "../schema";
import { capacityCatalog, capacitySummary, sizeFleet } from ".";
import { calibrationFor, perfConfig } from "./configs";
import { MAX_BATCH, maxConcurrency, perfAt, sloPoint } from "./perf";
import { selfHostedCost } from "../economics/costs";
import { serversFor } from "../economics/fleet";
import { gpuPricing } from "../economics/terms";

const cc = capacityCatalog(catalog);
const HOURS_PER_MONTH = 8760 / 12;

const base = {
  volume: { requestsPerDay: 3_000_000, inputTokensPerRequest: 1522, outputTokensPerRequest: 560 },
  data: { sensitivity: "internal" },
  team: { mlOpsMaturity: "dedicated" },
  latency: { p95TargetMs: 8_000, measure: "full-response" },
  capability: { frontier: "helpful" },
} satisfies AssessmentInput;

type Patch = {
  volume?: Partial<AssessmentInput["volume"]>;
  latency?: Partial<AssessmentInput["latency"]>;
  capability?: Partial<AssessmentInput["capability"]>;
  deployment?: Partial<NonNullable<AssessmentInput["deployment"]>>;
};
function model(p: Patch = {}): Model {
  const input = {
    ...base,
    volume: { ...base.volume, ...p.volume },
    latency: { ...base.latency, ...p.latency },
    capability: { ...base.capability, ...p.capability },
    deployment: { ...p.deployment },
  };
  return resolveModel(assessmentInputSchema.parse(input), catalog);
}
/** What the choice minimises: the chosen configuration's fleet as paid over the horizon (GPUs, their overheads and people). */
const horizonGpuUsd = (m: Model) => m.capacity.chosen.usdHorizon;
/** One replica of the configuration over the horizon (its GPUs, their storage/network share and people): one step of the staircase. */
const replicaHorizonUsd = (m: Model) => {
  const v = m.values;
  const perGpuMonth =
    m.capacity.chosen.usdPerGpuHour * HOURS_PER_MONTH * (1 + v["overheads.storageNetworkShareOfGpu"]) +
    ((v["people.ftePer100Gpus"] / 100) * v["people.loadedEngineerUsdPerYear"]) / 12;
  return m.capacity.chosen.gpusPerReplica * perGpuMonth * m.input.strategy.horizonMonths;
};

/**
 * The smooth part of a step: how much more fleet b needs than a on a's configuration (tokens per day
 * ÷ that configuration's tokens/s per replica at each workload), as a share. A longer output that
 * meets the same latency target needs fewer requests in flight, so it can need more than its 2%.
 * undefined when a's configuration no longer meets the target at b (the step to another configuration
 * is then a real one, explained by the exclusion) or misses it at a.
 */
function needGrowth(a: Model, b: Model): number | undefined {
  const ca = a.capacity.chosen;
  const cb = b.capacity.chosen.id === ca.id ? b.capacity.chosen : b.capacity.candidates.find((c) => c.id === ca.id);
  if (a.capacity.unmet || !cb || !cb.feasible) return undefined;
  return Math.max(
    0,
    b.tokensPerDay / cb.tokensPerSecondPerReplica / (a.tokensPerDay / ca.tokensPerSecondPerReplica) - 1,
  );
}

function cfgOf(modelId: string, gpuId: string, precision: "bf16" | "fp8" | "fp4", tp: number) {
  const m = cc.openModels.find((x) => x.id === modelId)!;
  const g = cc.gpus.find((x) => x.id === gpuId)!;
  return perfConfig(
    m,
    g,
    precision,
    tp,
    calibrationFor(cc.performance, modelId, gpuId, precision, tp, {
      vendorOf: (id) => cc.gpus.find((x) => x.id === id)?.vendor,
      figure: (k) => cc.figure(k as never),
      architecture: m.architecture,
    }).calibration,
  );
}

describe("catalog ↔ schema", () => {
  it("lists every open model of the catalog as a deployment.openModel choice", () => {
    expect([...OPEN_MODELS].filter((x) => x !== "auto").sort()).toEqual(cc.openModels.map((m) => m.id).sort());
  });

  it("lists every GPU of the catalog as a deployment.gpu choice, and nothing else", () => {
    expect([...GPUS].filter((x) => x !== "auto").sort()).toEqual(cc.gpus.map((g) => g.id).sort());
  });
});

describe("performance model", () => {
  const cfg = cfgOf("gpt-oss-120b", "h100", "fp4", 2);
  const w = { inTok: 1024, outTok: 1024 };
  it("latency and throughput rise with concurrency (what the SLO search relies on)", () => {
    let prev = perfAt(cfg, w, 1);
    for (let c = 1.5; c <= 256; c *= 1.5) {
      const p = perfAt(cfg, w, c);
      expect(p.tpotMs).toBeGreaterThan(prev.tpotMs);
      expect(p.ttftMs).toBeGreaterThanOrEqual(prev.ttftMs);
      expect(p.tokensPerSecond).toBeGreaterThan(prev.tokensPerSecond);
      prev = p;
    }
  });
  it("KV cache bounds concurrency: a longer context holds fewer sequences", () => {
    const a = maxConcurrency(cfg, { inTok: 1000, outTok: 1000 });
    const b = maxConcurrency(cfg, { inTok: 100_000, outTok: 1000 });
    expect(b).toBeLessThan(a);
    expect(b).toBeGreaterThan(0);
  });
  it("the SLO point meets the target exactly at the latency limit", () => {
    const p = sloPoint(cfg, w, 20_000, "full-response", { ttft: 2, e2e: 1.1 })!;
    expect(p.limitedBy).toBe("latency");
    expect(p.p95Ms).toBeLessThanOrEqual(20_000);
    expect(p.p95Ms).toBeGreaterThan(19_000);
    expect(p.concurrency).toBeLessThan(MAX_BATCH);
  });
});

// Published capacity figures for named configurations, against the performance model with the
// catalog's calibration. Tolerance ±25% on throughput and per-token latency (the fits' median error
// is 1–17%, catalog/performance.json `fitError`); TTFT is not checked at high concurrency (the
// benchmarks start every request at once, a queue the model does not reproduce).
const TOL = 0.25;
test.each([
  {
    label: "InferenceMAX README: gpt-oss-120b FP4 vLLM 2x H100, 1k/1k, c=16: 1,869 tok/s/GPU at 8.3 ms/token",
    model: "gpt-oss-120b",
    gpu: "h100",
    p: "fp4",
    tp: 2,
    isl: 1024,
    osl: 1024,
    c: 16,
    tpsPerGpu: 1869,
    tpotMs: 8.3,
  },
  {
    label: "InferenceMAX README: same, c=64: 4,113 tok/s/GPU at 15.3 ms/token",
    model: "gpt-oss-120b",
    gpu: "h100",
    p: "fp4",
    tp: 2,
    isl: 1024,
    osl: 1024,
    c: 64,
    tpsPerGpu: 4113,
    tpotMs: 15.3,
  },
  {
    label: "NVIDIA NIM 1.8.0: Llama 3.3 70B FP8 2x H100, 5000/500, c=1: 51.7 output tok/s, ITL 18.6 ms",
    model: "llama-3.3-70b",
    gpu: "h100",
    p: "fp8",
    tp: 2,
    isl: 5000,
    osl: 500,
    c: 1,
    tpsPerGpu: (51.7 * 5500) / 500 / 2,
    tpotMs: 18.6,
  },
  {
    label: "NVIDIA NIM 1.8.0: Llama 3.3 70B FP8 2x H100, 5000/500, c=50: 814 output tok/s, ITL 60 ms",
    model: "llama-3.3-70b",
    gpu: "h100",
    p: "fp8",
    tp: 2,
    isl: 5000,
    osl: 500,
    c: 50,
    tpsPerGpu: (814 * 5500) / 500 / 2,
    tpotMs: 60,
  },
  {
    label: "silybench (Qwen3-8B proxy) FP8 1x H100, chat 128/128 at 512 users: 16,542 output tok/s",
    model: "llama-3.1-8b",
    gpu: "h100",
    p: "fp8",
    tp: 1,
    isl: 128,
    osl: 128,
    c: 512,
    tpsPerGpu: 16542 * 2,
  },
  {
    label: "silybench (Qwen3-8B proxy) FP8 1x H100, balanced 2048/2048 at 52 users: 3,653 output tok/s",
    model: "llama-3.1-8b",
    gpu: "h100",
    p: "fp8",
    tp: 1,
    isl: 2048,
    osl: 2048,
    c: 52,
    tpsPerGpu: 3653 * 2,
  },
] as const)("$label", ({ model: id, gpu, p, tp, isl, osl, c, tpsPerGpu, ...rest }) => {
  const r = perfAt(cfgOf(id, gpu, p, tp), { inTok: isl, outTok: osl }, c);
  expect(r.tokensPerSecond / tp / tpsPerGpu).toBeGreaterThan(1 - TOL);
  expect(r.tokensPerSecond / tp / tpsPerGpu).toBeLessThan(1 + TOL);
  if ("tpotMs" in rest && rest.tpotMs !== undefined) {
    expect(r.tpotMs / rest.tpotMs).toBeGreaterThan(1 - TOL);
    expect(r.tpotMs / rest.tpotMs).toBeLessThan(1 + TOL);
  }
});

// TensorRT-LLM's offline maximum (output tokens/s at unbounded latency; never fitted) checks the
// model far from the points it was fitted on (a different engine: the 8B fit is vLLM's): at the
// largest batch memory and the engine allow, the model's total throughput must be within ±50% of the
// published maximum × (in+out)/out.
test.each([
  {
    label: "TRT-LLM Llama 3.1 8B FP8 1x H100 1000/1000: 15,220 output tok/s max",
    model: "llama-3.1-8b",
    gpu: "h100",
    tp: 1,
    isl: 1000,
    osl: 1000,
    maxOut: 15220,
  },
  {
    label: "TRT-LLM Llama 3.1 8B FP8 1x H100 128/128: 28,312 output tok/s max",
    model: "llama-3.1-8b",
    gpu: "h100",
    tp: 1,
    isl: 128,
    osl: 128,
    maxOut: 28312,
  },
  {
    label: "TRT-LLM Llama 3.3 70B FP8 2x H100 1000/1000: 4,205 output tok/s max",
    model: "llama-3.3-70b",
    gpu: "h100",
    tp: 2,
    isl: 1000,
    osl: 1000,
    maxOut: 4205,
  },
  {
    label: "TRT-LLM Llama 3.3 70B FP8 2x H100 5000/500: 898 output tok/s max",
    model: "llama-3.3-70b",
    gpu: "h100",
    tp: 2,
    isl: 5000,
    osl: 500,
    maxOut: 898,
  },
] as const)("$label", ({ model: id, gpu, tp, isl, osl, maxOut }) => {
  const cfg = cfgOf(id, gpu, "fp8", tp);
  const w = { inTok: isl, outTok: osl };
  const r = perfAt(cfg, w, Math.min(maxConcurrency(cfg, w), MAX_BATCH));
  const total = (maxOut * (isl + osl)) / osl;
  expect(r.tokensPerSecond / total).toBeGreaterThan(0.5);
  expect(r.tokensPerSecond / total).toBeLessThan(1.5);
});

describe("sizing properties", () => {
  const workload = fc.record({
    requestsPerDay: fc.integer({ min: 1_000, max: 50_000_000 }),
    inputTokensPerRequest: fc.integer({ min: 1, max: 20_000 }),
    outputTokensPerRequest: fc.integer({ min: 1, max: 4_000 }),
  });
  const target = fc.constantFrom(1_000, 5_000, 20_000, 60_000);
  const tier = fc.constantFrom("unnecessary", "helpful", "required" as const);
  const opts = { numRuns: 40, seed: 13 };

  it("cost is non-decreasing in prompt length, output length and volume", () => {
    fc.assert(
      fc.property(
        workload,
        target,
        tier,
        fc.constantFrom("inputTokensPerRequest", "outputTokensPerRequest", "requestsPerDay" as const),
        fc.double({ min: 1.01, max: 3, noNaN: true }),
        (v, t, f, key, k) => {
          const a = model({ volume: v, latency: { p95TargetMs: t }, capability: { frontier: f } });
          const b = model({
            volume: { ...v, [key]: Math.round(v[key] * k) + 1 },
            latency: { p95TargetMs: t },
            capability: { frontier: f },
          });
          expect(horizonGpuUsd(b)).toBeGreaterThanOrEqual(horizonGpuUsd(a) - 1e-6);
        },
      ),
      opts,
    );
  });

  it("a tighter latency target never lowers cost", () => {
    fc.assert(
      fc.property(
        workload,
        fc.integer({ min: 200, max: 60_000 }),
        fc.double({ min: 0.3, max: 0.99, noNaN: true }),
        tier,
        (v, t, k, f) => {
          const loose = model({ volume: v, latency: { p95TargetMs: t }, capability: { frontier: f } });
          const tight = model({ volume: v, latency: { p95TargetMs: t * k }, capability: { frontier: f } });
          expect(horizonGpuUsd(tight)).toBeGreaterThanOrEqual(horizonGpuUsd(loose) - 1e-6);
        },
      ),
      opts,
    );
  });

  // Continuity: walking a workload figure up 2% in 0.2% steps, no step moves cost by more than one
  // replica plus the smooth part (≤ 10 × 0.2% of cost: near the latency limit concurrency is elastic,
  // a step that does not shrink with the step size is a jump). Checked where the configuration in use
  // keeps meeting the target; when a longer request pushes it past the target, the next configuration
  // that meets it is priced (a real step, which the exclusion and the runners-up explain).
  it("continuity: across a 2% change of any workload figure, no jump larger than one replica", () => {
    fc.assert(
      fc.property(
        workload,
        target,
        tier,
        fc.constantFrom("inputTokensPerRequest", "outputTokensPerRequest", "requestsPerDay" as const),
        (v, t, f, key) => {
          const at = (k: number) =>
            model({ volume: { ...v, [key]: v[key] * k }, latency: { p95TargetMs: t }, capability: { frontier: f } });
          let a = at(1);
          for (let i = 1; i <= 10; i++) {
            const b = at(1 + 0.002 * i);
            if (a.capacity.unmet || b.capacity.chosen.id !== a.capacity.chosen.id) {
              a = b;
              continue;
            }
            const step = replicaHorizonUsd(a);
            expect(horizonGpuUsd(b)).toBeGreaterThanOrEqual(horizonGpuUsd(a) - 1e-6);
            expect(horizonGpuUsd(b) - horizonGpuUsd(a)).toBeLessThanOrEqual(step + horizonGpuUsd(a) * 0.02 + 1e-6);
            a = b;
          }
        },
      ),
      { numRuns: 15, seed: 13 },
    );
  });

  it("feasibility is continuous in the target: each option flips exactly at its own p95", () => {
    fc.assert(
      fc.property(workload, tier, fc.constantFrom("full-response", "first-token" as const), (v, f, measure) => {
        const m = model({ volume: v, latency: { p95TargetMs: 2_000, measure }, capability: { frontier: f } });
        for (const option of ["api", "hosted-open"] as const) {
          const l = m.latency[option];
          if (l.contextExceeded) continue;
          const above = model({
            volume: v,
            latency: { p95TargetMs: l.ms * 1.001, measure },
            capability: { frontier: f },
          }).latency[option];
          const below = model({
            volume: v,
            latency: { p95TargetMs: l.ms * 0.999, measure },
            capability: { frontier: f },
          }).latency[option];
          // The priced model may switch within the tier at a threshold, but never to a slower one.
          expect(above.feasible).toBe(true);
          if (below.model === l.model) expect(below.feasible).toBe(false);
        }
        // (a first-token target also holds the stream to the floor: configurations that cannot are never feasible)
        const floor = catalog.figures["capacity.selfHosted.maxTpotMs" as keyof typeof catalog.figures] as {
          value: number;
        };
        const streams = (c: { point: { stepMs: number } }) =>
          measure === "full-response" || v.outputTokensPerRequest <= 1 || c.point.stepMs <= floor.value;
        const pool = model({
          volume: v,
          latency: { p95TargetMs: 1, measure },
          capability: { frontier: f },
        }).capacity.candidates.filter(streams);
        fc.pre(pool.length > 0);
        const fastest = Math.min(...pool.map((c) => c.bestP95Ms));
        expect(
          model({ volume: v, latency: { p95TargetMs: fastest * 1.001, measure }, capability: { frontier: f } }).latency[
            "self-hosted"
          ].feasible,
        ).toBe(true);
        expect(
          model({ volume: v, latency: { p95TargetMs: fastest * 0.999, measure }, capability: { frontier: f } }).latency[
            "self-hosted"
          ].feasible,
        ).toBe(false);
      }),
      { numRuns: 15, seed: 13 },
    );
  });

  it("sizeFleet: whole replicas for the peak at the SLO throughput, utilization = average ÷ capacity", () => {
    const m = model();
    const s = sizeFleet(m, m.tokensPerDay, 3);
    const peak = (m.tokensPerDay / 86_400) * 3;
    expect(s.replicas).toBe(
      Math.max(
        m.values["selfHosted.minReplicas"],
        Math.ceil(peak / (s.tokensPerSecondPerReplica * m.values["selfHosted.targetUtilization"])),
      ),
    );
    expect(s.gpus).toBe(s.replicas * s.gpusPerReplica);
    expect(s.utilization).toBeCloseTo(m.tokensPerDay / 86_400 / (s.replicas * s.tokensPerSecondPerReplica), 9);
    expect(s.slo.targetMs).toBe(8_000);
  });

  it("a 560 → 570 output-token change (the issue's cliff) moves cost by at most one replica", () => {
    const a = model({ volume: { outputTokensPerRequest: 560 }, capability: { frontier: "unnecessary" } });
    const b = model({ volume: { outputTokensPerRequest: 570 }, capability: { frontier: "unnecessary" } });
    expect(horizonGpuUsd(b)).toBeGreaterThanOrEqual(horizonGpuUsd(a));
    expect(horizonGpuUsd(b) - horizonGpuUsd(a)).toBeLessThanOrEqual(replicaHorizonUsd(b));
  });
});

// TensorRT-LLM serves Llama 3.3 70B FP8 on 2x H100 or 1x H200 (research §2.4b): the smallest replica
// is the smallest power of two of GPUs whose memory holds the weights with room for KV cache, and the
// memory a replica uses at its operating point (weights + KV cache at the workload's context) fits it.
describe("memory per replica", () => {
  test.each([
    { gpu: "h100", minGpus: 2 },
    { gpu: "h200", minGpus: 1 },
    { gpu: "a100-80gb", minGpus: 2 },
    { gpu: "l40s", minGpus: 2 },
    { gpu: "b200", minGpus: 1 },
  ] as const)(
    "Llama 3.3 70B FP8 on $gpu: at least $minGpus GPU(s) per replica, memory in use within them",
    ({ gpu, minGpus }) => {
      const m = model({ deployment: { gpu, openModel: "llama-3.3-70b" }, latency: { p95TargetMs: 60_000 } });
      const c = m.capacity.chosen;
      expect(c.gpusPerReplica).toBeGreaterThanOrEqual(minGpus);
      expect(m.values["selfHosted.gpusPerReplica"]).toBe(c.gpusPerReplica);
      const g = cc.gpus.find((x) => x.id === gpu)!;
      expect(c.point.memoryGb).toBeLessThanOrEqual(c.gpusPerReplica * g.memoryGb.value);
      expect(c.point.memoryGb).toBeGreaterThan(c.precision === "fp8" ? 70 : 35);
    },
  );
  it("longer contexts hold fewer requests per replica (KV cache), so throughput per replica falls", () => {
    const short = model({
      deployment: { gpu: "h100", openModel: "llama-3.3-70b" },
      volume: { inputTokensPerRequest: 2_000 },
      latency: { p95TargetMs: 600_000 },
    }).capacity.chosen;
    const long = model({
      deployment: { gpu: "h100", openModel: "llama-3.3-70b" },
      volume: { inputTokensPerRequest: 60_000 },
      latency: { p95TargetMs: 600_000 },
    }).capacity.chosen;
    expect(long.point.concurrency).toBeLessThan(short.point.concurrency);
    expect(long.point.requestsPerSecond).toBeLessThan(short.point.requestsPerSecond);
  });
});

describe("edge cases", () => {
  test.each([
    {
      label: "5 ms target: nothing can answer, self-hosted priced on the fastest configuration",
      patch: { latency: { p95TargetMs: 5 } },
      check: (m: Model) => {
        expect(Object.values(m.latency).every((l) => !l.feasible)).toBe(true);
        expect(m.capacity.unmet).toBe(true);
        expect(m.capacity.why).toMatch(/No open model × GPU configuration meets a 5 ms/);
      },
    },
    {
      label: "80 ms code completion (1,500 in / 60 out, first token): remote APIs out, a self-hosted model meets it",
      patch: {
        volume: { requestsPerDay: 400_000, inputTokensPerRequest: 1500, outputTokensPerRequest: 60 },
        latency: { p95TargetMs: 80, measure: "first-token" },
        capability: { frontier: "unnecessary" },
      },
      check: (m: Model) => {
        expect(m.latency.api.feasible).toBe(false);
        expect(m.latency["hosted-open"].feasible).toBe(false);
        expect(m.latency.api.text).toMatch(/you need 80 ms/);
        expect(m.latency["self-hosted"].feasible).toBe(true);
        expect(m.capacity.slo.p95Ms).toBeLessThanOrEqual(80);
      },
    },
    {
      label: "300 ms voice, 60 output tokens, full response: only a self-hosted small model on fast GPUs",
      patch: {
        volume: { requestsPerDay: 200_000, inputTokensPerRequest: 400, outputTokensPerRequest: 60 },
        latency: { p95TargetMs: 300, measure: "full-response" },
        capability: { frontier: "unnecessary" },
      },
      check: (m: Model) => {
        expect(m.latency.api.feasible).toBe(false);
        expect(m.latency["self-hosted"].feasible).toBe(true);
        expect(m.capacity.chosen.point.p95Ms + m.capacity.networkMs).toBeLessThanOrEqual(300);
      },
    },
    {
      label: "200k-token prompts: 128k-context models are excluded with the numbers",
      patch: {
        volume: { requestsPerDay: 2_000, inputTokensPerRequest: 200_000, outputTokensPerRequest: 500 },
        latency: { p95TargetMs: 120_000 },
      },
      check: (m: Model) => {
        expect(m.capacity.chosen.contextWindowTokens).toBeGreaterThanOrEqual(200_500);
        expect(m.capacity.excludedModels.map((x) => x.modelId)).toContain("llama-3.3-70b");
        expect(m.capacity.excludedModels.find((x) => x.modelId === "gpt-oss-120b")!.reason).toMatch(
          /131k tokens; your requests need 201k/,
        );
        // The hosted option prices an open model that reads the request (catalog, 1be499a): a 1M-context Llama 4 here.
        expect(m.latency["hosted-open"].contextExceeded).toBeFalsy();
        expect(m.hostedQuote.modelId).toMatch(/^llama-4/);
      },
    },
    {
      label: "500k-token prompts: only long-context models remain; KV cache needs more memory per replica",
      patch: {
        volume: { requestsPerDay: 500, inputTokensPerRequest: 500_000, outputTokensPerRequest: 1000 },
        latency: { p95TargetMs: 300_000 },
        capability: { frontier: "unnecessary" },
      },
      check: (m: Model) => {
        expect(m.capacity.chosen.modelId).toMatch(/^llama-4/);
        expect(m.capacity.chosen.point.memoryGb).toBeGreaterThan(
          model({
            capability: { frontier: "unnecessary" },
            deployment: { openModel: m.capacity.chosen.modelId as "llama-4-scout" },
          }).capacity.chosen.point.memoryGb / m.capacity.chosen.point.concurrency,
        );
        // Hosted open weights price a long-context model too (Llama 4 at a hosted provider reads 501k tokens).
        expect(m.latency["hosted-open"].contextExceeded).toBeFalsy();
      },
    },
    {
      label: "1 output token: prefill-bound, finite and positive",
      patch: { volume: { outputTokensPerRequest: 1 } },
      check: (m: Model) => {
        expect(Number.isFinite(m.values["selfHosted.tokensPerSecondPerReplica"])).toBe(true);
        expect(m.values["selfHosted.tokensPerSecondPerReplica"]).toBeGreaterThan(0);
        expect(m.latency["self-hosted"].ms).toBeGreaterThan(0);
      },
    },
    {
      label: "zero volume: the availability floor, nothing utilised",
      patch: { volume: { requestsPerDay: 0 } },
      check: (m: Model) => {
        const s = sizeFleet(m, 0, 3);
        expect(s.replicas).toBe(m.values["selfHosted.minReplicas"]);
        expect(s.utilization).toBe(0);
        expect(m.tokensPerDay).toBe(0);
      },
    },
    {
      label: "a forced GPU and model are used even when dearer",
      patch: { deployment: { gpu: "h100", openModel: "llama-3.3-70b" } },
      check: (m: Model) => {
        expect(m.capacity.chosen.gpuId).toBe("h100");
        expect(m.capacity.chosen.modelId).toBe("llama-3.3-70b");
        expect(m.capacity.why).toMatch(/the model you chose and the GPU you chose/);
      },
    },
  ] as { label: string; patch: Patch; check: (m: Model) => void }[])("$label", ({ patch, check }) =>
    check(model(patch)),
  );
});

describe("the priced option (evaluate)", () => {
  it("self-hosted TCO (GPUs, people, overheads) is non-decreasing in prompt length, output length and volume", () => {
    fc.assert(
      fc.property(
        fc.record({
          requestsPerDay: fc.integer({ min: 1_000, max: 50_000_000 }),
          inputTokensPerRequest: fc.integer({ min: 1, max: 20_000 }),
          outputTokensPerRequest: fc.integer({ min: 1, max: 4_000 }),
        }),
        fc.constantFrom("inputTokensPerRequest", "outputTokensPerRequest", "requestsPerDay" as const),
        fc.constantFrom("unnecessary", "helpful", "required" as const),
        fc.constantFrom(1_000, 5_000, 30_000),
        (v, key, f, t) => {
          const at = (volume: typeof v) =>
            evaluate({ ...base, volume, latency: { p95TargetMs: t }, capability: { frontier: f } }).costs["self-hosted"]
              .tcoUsd;
          expect(at({ ...v, [key]: Math.round(v[key] * 1.5) + 1 })).toBeGreaterThanOrEqual(at(v) - 1e-6);
        },
      ),
      { numRuns: 15, seed: 13 },
    );
  });
});

describe("verdict when nothing meets the target", () => {
  it("a 5 ms target: the conflict says so with the fastest option's numbers, confidence drops, the verdict is still a usable option", () => {
    const input = { ...base, latency: { p95TargetMs: 5 } };
    const tight = evaluate(input);
    const relaxed = evaluate({ ...base, latency: { p95TargetMs: 60_000 } });
    const c = tight.conflicts.find((x) => x.id === "latency-unreachable");
    expect(c?.text).toMatch(/No option meets a 5 ms p95/);
    expect(c?.text).toMatch(/the fastest, .+, takes ~\d+ ms/);
    expect(tight.confidence).toBeLessThan(relaxed.confidence);
    expect(tight.ranking.find((r) => r.option === tight.recommendation)!.excluded).toBe(false);
    expect(tight.capacity.unmet).toBe(true);
  });
  it("an API that misses the target is ruled out with its numbers, continuous in the target", () => {
    const input = { ...base, latency: { p95TargetMs: 8_000, measure: "full-response" as const } };
    const e = evaluate(input);
    const api = e.capacity.latency.api;
    const just = (k: number) =>
      evaluate({ ...input, latency: { ...input.latency, p95TargetMs: api.ms * k } }).ranking.find(
        (r) => r.option === "api",
      )!;
    expect(just(0.99).excluded).toBe(true);
    expect(just(0.99).reasons.join(" ")).toMatch(/takes ~[\d.]+ s p95 for 560 output tokens .*you need/);
    expect(just(1.01).reasons.join(" ")).not.toMatch(/takes ~[\d.]+ s p95 for 560 output tokens/);
  });
});

// ---- Owned fleets: the server is the purchase unit ------------------------------------------------
// Offline, in-house and ITAR sites (and gpuSource "owned") buy whole 8-GPU servers. Replicas are packed
// whole into servers; a 2% step that needs one more replica buys at most one more server (or none, when
// an installed server has a free slot). Configurations are ranked on that paid cost (capex, power,
// colocation, maintenance, their storage/network share, the people who run the installed GPUs), so the
// self-hosted TCO is the lower envelope of non-decreasing staircases: never falling with more work, and
// moving by at most one server for the horizon per 2% step (plus the proportional 2% of a fleet whose
// 2% of load is more than one replica).
describe("owned fleets: ranked and priced on whole servers", () => {
  const ownedBase = {
    volume: { requestsPerDay: 50_000, inputTokensPerRequest: 1_000, outputTokensPerRequest: 300 },
    data: { sensitivity: "confidential", mustStayInHouse: true },
    team: { mlOpsMaturity: "experienced" },
    latency: { p95TargetMs: 5_000, measure: "full-response" },
    capability: { frontier: "unnecessary" },
  } satisfies AssessmentInput;
  type Site = "offline" | "in-house" | "itar" | "owned-term";
  const site = fc.constantFrom<Site>("offline", "in-house", "itar", "owned-term");
  function owned(
    v: AssessmentInput["volume"],
    s: Site,
    latency: Partial<AssessmentInput["latency"]> = {},
    frontier: "unnecessary" | "helpful" | "required" = "unnecessary",
  ): Model {
    const input: AssessmentInput = {
      ...ownedBase,
      volume: v,
      latency: { ...ownedBase.latency, ...latency },
      capability: { frontier },
      data:
        s === "itar"
          ? { sensitivity: "regulated", regulations: ["itar"] }
          : s === "in-house"
            ? ownedBase.data
            : { sensitivity: "internal" },
      deployment: s === "offline" ? { offline: true } : s === "owned-term" ? { gpuSource: "owned" } : {},
    };
    return resolveModel(assessmentInputSchema.parse(input), catalog);
  }
  const tco = (m: Model) => selfHostedCost(m).tcoUsd;
  /** One server for the horizon: its price, running it (power, colocation, maintenance), its storage/network share and the people for its GPUs. */
  function serverHorizonUsd(m: Model): number {
    const v = m.values;
    const o = gpuPricing(m).owned!;
    const peoplePerGpuMonth = ((v["people.ftePer100Gpus"] / 100) * v["people.loadedEngineerUsdPerYear"]) / 12;
    const month =
      o.opexPerServerMonth +
      v["overheads.storageNetworkShareOfGpu"] * (o.opexPerServerMonth + o.depreciationPerServerMonth) +
      peoplePerGpuMonth * o.gpusPerServer;
    return o.serverPriceUsd + m.input.strategy.horizonMonths * month;
  }
  const workload = fc.record({
    requestsPerDay: fc.integer({ min: 500, max: 3_000_000 }),
    inputTokensPerRequest: fc.integer({ min: 50, max: 16_000 }),
    outputTokensPerRequest: fc.integer({ min: 1, max: 3_000 }),
    monthlyGrowthPct: fc.constantFrom(0, 0, 3, 8),
  });
  const figure = fc.constantFrom("requestsPerDay", "inputTokensPerRequest", "outputTokensPerRequest" as const);

  test.each([
    { replicas: 0, gpr: 2, gps: 8, servers: 0 },
    { replicas: 1, gpr: 2, gps: 8, servers: 1 },
    { replicas: 4, gpr: 2, gps: 8, servers: 1 },
    { replicas: 5, gpr: 2, gps: 8, servers: 2 },
    { replicas: 5, gpr: 3, gps: 8, servers: 3 },
    { replicas: 2, gpr: 16, gps: 8, servers: 4 },
  ])(
    "serversFor: $replicas replicas of $gpr GPUs pack whole into $servers server(s) of $gps",
    ({ replicas, gpr, gps, servers }) => {
      expect(serversFor(replicas, gpr, gps)).toBe(servers);
    },
  );

  it("the sites that own their GPUs price whole servers, and the fleet states servers, GPUs installed and replicas held", () => {
    for (const s of ["offline", "in-house", "itar", "owned-term"] as const) {
      const m = owned(ownedBase.volume, s);
      const c = selfHostedCost(m);
      const o = gpuPricing(m).owned!;
      expect(o.gpusPerServer).toBe(8);
      expect(c.fleet!.servers!.first).toBe(serversFor(c.gpus!.replicasFirst, m.values["selfHosted.gpusPerReplica"], 8));
      expect(m.capacity.chosen.servers!.first).toBe(c.fleet!.servers!.first);
    }
  });

  it("the capacity summary shows what is paid: servers × GPUs per server, the replicas they hold, utilization of the paid capacity (the fleet's own servers)", () => {
    for (const s of ["offline", "itar"] as const) {
      for (const v of [
        ownedBase.volume,
        { requestsPerDay: 900_000, inputTokensPerRequest: 3_000, outputTokensPerRequest: 500, monthlyGrowthPct: 5 },
      ]) {
        const m = owned(v, s);
        const sum = capacitySummary(m);
        const fleet = selfHostedCost(m).fleet!;
        const gpr = m.values["selfHosted.gpusPerReplica"];
        expect(sum.paid.first.servers).toBe(fleet.servers!.first);
        expect(sum.paid.last.servers).toBe(fleet.servers!.last);
        expect(sum.paid.first.gpus).toBe(fleet.servers!.first * 8);
        expect(sum.paid.first.replicaSlots).toBe(fleet.servers!.first * Math.floor(8 / gpr));
        expect(sum.paid.first.replicas).toBe(fleet.replicas.first);
        expect(sum.paid.first.utilization).toBeCloseTo(
          (sum.utilization.first * sum.paid.first.replicas) / sum.paid.first.replicaSlots,
          9,
        );
        expect(sum.paid.first.text).toMatch(
          new RegExp(
            `^${fleet.servers!.first} servers? × 8 .+ GPUs = ${fleet.servers!.first * 8} GPUs paid, running ${fleet.replicas.first} of the ${sum.paid.first.replicaSlots} replicas? they hold \\(${gpr} GPUs? each\\)`,
          ),
        );
      }
    }
    const rented = capacitySummary(model());
    expect(rented.paid.first.owned).toBe(false);
    expect(rented.paid.first.gpus).toBe(rented.fleet.first.gpus);
    expect(rented.paid.first.text).toMatch(
      /GPUs? rented: \d+ replicas? of \d GPUs? each; \d+% of the paid capacity in use/,
    );
  });

  it("the tornado swings what an owned fleet pays (the server price), not the rental rate it does not pay", () => {
    const input = assessmentInputSchema.parse({ ...ownedBase, deployment: { offline: true } });
    const rows = evaluate(input).sensitivity;
    expect(rows.map((r) => r.assumption)).not.toContain("gpu.usdPerHour");
    const server = rows.find((r) => r.assumption === "owned.serverPriceUsd")!;
    expect(server.breakEvenHigh).not.toBe(server.breakEvenLow);
    const rented = evaluate(assessmentInputSchema.parse(base)).sensitivity.map((r) => r.assumption);
    expect(rented).toContain("gpu.usdPerHour");
    expect(rented).not.toContain("owned.serverPriceUsd");
  });

  it("owned: the book value left at the horizon's end is stated, and is exactly what the cash view pays over the depreciation view", () => {
    const m = owned(
      { requestsPerDay: 900_000, inputTokensPerRequest: 3_000, outputTokensPerRequest: 500, monthlyGrowthPct: 5 },
      "offline",
    );
    const f = selfHostedCost(m);
    const o = gpuPricing(m).owned!;
    expect(o.depreciationMonths).toBeGreaterThan(m.input.strategy.horizonMonths);
    expect(f.fleet!.residualBookValueUsd!).toBeGreaterThan(0);
    expect(f.fleet!.residualBookValueUsd!).toBeCloseTo(f.tcoUsd - f.fleet!.depreciation!.tcoUsd, 3);
    // servers bought in month 1 and never added to: 36 of their 48 months used, a quarter of the price left
    const one = owned(ownedBase.volume, "offline");
    const c1 = selfHostedCost(one);
    const o1 = gpuPricing(one).owned!;
    expect(c1.fleet!.servers!.last).toBe(c1.fleet!.servers!.first);
    expect(c1.fleet!.residualBookValueUsd!).toBeCloseTo(
      c1.fleet!.servers!.first * o1.serverPriceUsd * (1 - 36 / o1.depreciationMonths),
      3,
    );
  });

  it("GPUs per server come from the catalog (gpuMarket.owned.gpusPerServer) and an override repacks the fleet", () => {
    const row = evaluate(assessmentInputSchema.parse({ ...ownedBase, deployment: { offline: true } })).assumptions.find(
      (a) => a.key === "owned.gpusPerServer",
    )!;
    expect(row.value).toBe(
      (catalog.figures as Record<string, { value: number }>)["gpuMarket.owned.gpusPerServer"]!.value,
    );
    const four = resolveModel(
      assessmentInputSchema.parse({
        ...ownedBase,
        volume: { ...ownedBase.volume, requestsPerDay: 900_000 },
        deployment: { offline: true },
        assumptions: { "owned.gpusPerServer": 4 },
      }),
      catalog,
    );
    const c = selfHostedCost(four);
    expect(gpuPricing(four).owned!.gpusPerServer).toBe(4);
    expect(c.fleet!.servers!.first).toBe(
      serversFor(c.gpus!.replicasFirst, four.values["selfHosted.gpusPerReplica"], 4),
    );
    expect(capacitySummary(four).paid.first.text).toMatch(/ × 4 .+ GPUs = /);
  });

  it("the ranking key is the paid cost: the chosen configuration's usdHorizon is the self-hosted TCO less what every configuration pays alike", () => {
    for (const s of ["offline", "in-house", "itar", "owned-term"] as const) {
      for (const v of [
        ownedBase.volume,
        { requestsPerDay: 900_000, inputTokensPerRequest: 3_000, outputTokensPerRequest: 500, monthlyGrowthPct: 5 },
      ]) {
        const m = owned(v, s);
        const c = selfHostedCost(m);
        const x = m.values;
        const alike =
          m.input.strategy.horizonMonths *
            (x["overheads.toolingUsdPerMonth"] +
              ((x["people.fte"] + x["people.ftePerModel"] + x["people.onCallFte"]) *
                x["people.loadedEngineerUsdPerYear"]) /
                12) +
          c.setupUsd;
        expect(m.capacity.chosen.usdHorizon + alike).toBeCloseTo(c.tcoUsd, 3);
      }
    }
  });

  it("owned fleets: TCO is non-decreasing in volume, prompt length and output length (fixed seed)", () => {
    fc.assert(
      fc.property(workload, site, figure, fc.double({ min: 1.01, max: 3, noNaN: true }), (v, s, key, k) => {
        const a = owned(v, s);
        const b = owned({ ...v, [key]: Math.round(v[key] * k) + 1 }, s);
        expect(tco(b)).toBeGreaterThanOrEqual(tco(a) - 1e-6);
      }),
      { numRuns: 40, seed: 1313 },
    );
  });

  it("owned fleets: a 2% change of volume, prompt or output length never moves TCO by more than one server (the purchase unit) for the horizon (fixed seed)", () => {
    fc.assert(
      fc.property(workload, site, figure, (v, s, key) => {
        const a = owned(v, s);
        const b = owned({ ...v, [key]: v[key] * 1.02 }, s);
        const step = tco(b) - tco(a);
        expect(step).toBeGreaterThanOrEqual(-1e-6);
        // beyond one server, only the smooth part: the share more fleet the change needs (2% for volume)
        const grow = needGrowth(a, b);
        if (grow === undefined) return;
        expect(step).toBeLessThanOrEqual(Math.max(serverHorizonUsd(a), serverHorizonUsd(b)) + grow * tco(a) + 1e-6);
      }),
      { numRuns: 60, seed: 1313 },
    );
  });

  it("owned fleets: a tighter latency target never lowers TCO (fixed seed)", () => {
    fc.assert(
      fc.property(
        workload,
        site,
        fc.integer({ min: 300, max: 60_000 }),
        fc.double({ min: 0.3, max: 0.99, noNaN: true }),
        fc.constantFrom("full-response", "first-token" as const),
        (v, s, t, k, measure) => {
          const loose = owned(v, s, { p95TargetMs: t, measure });
          const tight = owned(v, s, { p95TargetMs: t * k, measure });
          expect(tco(tight)).toBeGreaterThanOrEqual(tco(loose) - 1e-6);
        },
      ),
      { numRuns: 40, seed: 1313 },
    );
  });

  // The reviewer's sweep (2% volume steps on the air-gapped example): the cost fell by $156k where the
  // ranking switched from H200 to MI300X on an hourly equivalent, and moved by whole servers bought
  // for a 2-GPU replica. Now: never falls, every step within one server.
  it("air-gapped example, volume 2k → 2M requests/day in 2% steps: no fall, no step above one server", () => {
    let prev: Model | undefined;
    for (let x = 2_000; x <= 2_000_000; x *= 1.02) {
      const m = owned({ ...ownedBase.volume, requestsPerDay: x }, "offline");
      if (prev) {
        const step = tco(m) - tco(prev);
        expect(step).toBeGreaterThanOrEqual(-1e-6);
        expect(step).toBeLessThanOrEqual(serverHorizonUsd(m) + 1e-6);
      }
      prev = m;
    }
  });
});

describe("rented fleets: the paid TCO", () => {
  it("a 2% change of volume, prompt or output length never moves the self-hosted TCO by more than one replica (fixed seed)", () => {
    fc.assert(
      fc.property(
        fc.record({
          requestsPerDay: fc.integer({ min: 1_000, max: 20_000_000 }),
          inputTokensPerRequest: fc.integer({ min: 50, max: 16_000 }),
          outputTokensPerRequest: fc.integer({ min: 1, max: 3_000 }),
        }),
        fc.constantFrom("requestsPerDay", "inputTokensPerRequest", "outputTokensPerRequest" as const),
        fc.constantFrom(2_000, 8_000, 30_000),
        (v, key, t) => {
          const a = model({ volume: v, latency: { p95TargetMs: t } });
          const b = model({ volume: { ...v, [key]: v[key] * 1.02 }, latency: { p95TargetMs: t } });
          const step = selfHostedCost(b).tcoUsd - selfHostedCost(a).tcoUsd;
          expect(step).toBeGreaterThanOrEqual(-1e-6);
          const grow = needGrowth(a, b);
          if (grow === undefined) return;
          expect(step).toBeLessThanOrEqual(
            Math.max(replicaHorizonUsd(a), replicaHorizonUsd(b)) + grow * selfHostedCost(a).tcoUsd + 1e-6,
          );
        },
      ),
      { numRuns: 40, seed: 1313 },
    );
  });
});

describe("memoised rates", () => {
  it("a configuration's GPU rate does not depend on what was resolved before (ITAR owns its GPUs, as if it had asked for owned servers)", () => {
    const input = (regulations: string[], deployment: Record<string, unknown> = {}) =>
      assessmentInputSchema.parse({ ...base, data: { sensitivity: "regulated", regulations }, deployment });
    // Same answers but ITAR, resolved right after: the rates memo must not hand it the GPU cloud's rates.
    const cloud = resolveModel(input([]), catalog).capacity.chosen.usdPerGpuHour;
    const itar = resolveModel(input(["itar"]), catalog).capacity.chosen;
    const owned = resolveModel(input(["itar"], { gpuSource: "owned" }), catalog).capacity.chosen;
    expect(itar.id).toBe(owned.id);
    expect(itar.usdPerGpuHour).toBe(owned.usdPerGpuHour);
    expect(itar.usdPerGpuHour).not.toBe(cloud);
  });
});
