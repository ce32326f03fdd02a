import { readFileSync, readdirSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { inputArb } from "@/test/fixtures/arbitraries";
import { catalog } from "./catalog";
import { evaluate } from "./evaluate";
import { drawsOf, evaluateUncertainty } from "./evaluate-uncertainty";
import { resolveModel } from "./model";
import { assessmentInputSchema, OPTIONS, type AssessmentInput } from "./schema";
import { distributionsFor, drawValue, normalQuantile, spearman } from "./uncertainty";

const examples: [string, AssessmentInput][] = readdirSync("examples")
  .filter((f) => f.endsWith(".json"))
  .map(
    (f) => [f, JSON.parse(readFileSync(`examples/${f}`, "utf8")) as AssessmentInput & { workloads?: unknown }] as const,
  )
  .filter(([, x]) => !("workloads" in x))
  .map(([f, x]) => [f, x]);
const modelOf = (input: AssessmentInput) => resolveModel(assessmentInputSchema.parse(input), catalog);
const saas = examples.find(([f]) => f === "high-volume-saas.json")![1];

describe("uncertainty (Monte Carlo over the catalog's ranges)", () => {
  it("reproduces with the seed and changes with another", () => {
    const a = evaluateUncertainty(saas, catalog, { draws: 300, seed: 11 });
    expect(evaluateUncertainty(saas, catalog, { draws: 300, seed: 11 })).toEqual(a);
    const b = evaluateUncertainty(saas, catalog, { draws: 300, seed: 12 });
    expect(b.options.api.p50).not.toBe(a.options.api.p50);
    expect(b.seed).toBe(12);
    // The default seed is the catalog's.
    expect(evaluateUncertainty(saas, catalog, { draws: 50 }).seed).toBe(catalog.uncertainty.seed);
  });

  it("with every range collapsed to its value, every draw is evaluate()'s verdict and TCOs", () => {
    const check = (input: AssessmentInput) => {
      const e = evaluate(input);
      const d = drawsOf(modelOf(input), catalog, { draws: 5, spread: 0 });
      for (let i = 0; i < d.n; i++) {
        expect(OPTIONS[d.verdict[i]!]).toBe(e.recommendation);
        OPTIONS.forEach((o, k) => expect(d.tco[k * d.n + i]).toBe(e.costs[o].tcoUsd));
      }
      const u = evaluateUncertainty(input, catalog, { draws: 5, spread: 0 });
      expect(u.verdictHolds).toBe(1);
      for (const o of OPTIONS)
        expect([u.options[o].p10, u.options[o].p90]).toEqual([e.costs[o].tcoUsd, e.costs[o].tcoUsd]);
    };
    for (const [, input] of examples) check(input);
    fc.assert(fc.property(inputArb, check), { numRuns: 25, seed: 2312 });
  });

  it("the probability the verdict holds falls as the ranges widen (fixed seed)", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const m = modelOf(input);
        const holds = [0, 0.5, 1, 2].map((spread) => evaluateUncertaintyOfModel(m, spread));
        expect(holds[0]).toBe(1);
        // Common random numbers: the same latent draws scaled, so the share can only fall while the
        // region where the verdict holds is star-shaped around the point values; 2% of slack for
        // the few profiles where a wider draw crosses back into it.
        for (let i = 1; i < holds.length; i++) expect(holds[i]!).toBeLessThanOrEqual(holds[i - 1]! + 0.02);
      }),
      { numRuns: 25, seed: 2323 },
    );
  });

  it("a profile far from any break-even holds in at least 95% of the draws", () => {
    // An early prototype (a few hundred requests a day, no ML-ops team): the API by a wide margin.
    const input: AssessmentInput = {
      volume: { requestsPerDay: 300, inputTokensPerRequest: 600, outputTokensPerRequest: 200 },
      data: { sensitivity: "internal" },
      team: { mlOpsMaturity: "none" },
      latency: { p95TargetMs: 3000 },
      capability: { frontier: "helpful" },
    };
    const u = evaluateUncertainty(input, catalog, { draws: 1000 });
    expect(u.verdict).toBe(evaluate(input).recommendation);
    expect(u.verdictHolds).toBeGreaterThanOrEqual(0.95);
    expect(u.text).toMatch(/in (over )?\d+% of 1,000 draws/);
  });

  it("grounds confidence in the share of draws the verdict holds, less the policy's penalty per conflict", () => {
    const c = catalog.policy.confidence;
    for (const [, input] of examples) {
      const e = evaluate(input);
      const u = evaluateUncertainty(input, catalog, { draws: 300 });
      const expected = Math.min(c.max, Math.max(c.min, u.verdictHolds - c.conflictPenalty * e.conflicts.length));
      expect(u.confidence).toBeCloseTo(expected, 2);
    }
  });

  it("reports per-option percentiles in order, shares that sum to 1 and at most three drivers", () => {
    const u = evaluateUncertainty(saas, catalog, { draws: 500 });
    for (const o of OPTIONS) {
      const b = u.options[o];
      expect(b.p10).toBeLessThanOrEqual(b.p50);
      expect(b.p50).toBeLessThanOrEqual(b.p90);
      expect(b.p90).toBeGreaterThan(b.p10);
    }
    const sum = (f: (o: (typeof OPTIONS)[number]) => number) => OPTIONS.reduce((s, o) => s + f(o), 0);
    expect(sum((o) => u.options[o].verdictShare)).toBeCloseTo(1, 9);
    expect(sum((o) => u.options[o].cheapestShare)).toBeCloseTo(1, 9);
    expect(u.options[u.verdict].verdictShare).toBe(u.verdictHolds);
    expect(u.drivers.length).toBe(3);
    for (let i = 1; i < u.drivers.length; i++)
      expect(Math.abs(u.drivers[i]!.rankCorrelation)).toBeLessThanOrEqual(Math.abs(u.drivers[i - 1]!.rankCorrelation));
    for (const d of u.drivers) expect(d.varianceShare > 0 && d.varianceShare <= 1).toBe(true);
    expect(u.text).toContain("500 draws");
  });

  it("draws each graded range at its coverage, correlated groups together, held figures and overrides not at all", () => {
    const m = modelOf(saas);
    const d = drawsOf(m, catalog, { draws: 4000, seed: 5 });
    const byKey = new Map<string, number>(d.figures.map((f, i) => [f.key, i]));
    const inside = (key: string) => {
      const f = byKey.get(key)!;
      const fig = d.figures[f]!;
      let c = 0;
      for (let i = 0; i < d.n; i++) {
        const x = drawValue(fig, d.z[f * d.n + i]!, 1);
        if (x >= fig.low - 1e-12 && x <= fig.high + 1e-12) c++;
      }
      return c / d.n;
    };
    const method = catalog.uncertainty;
    for (const grade of ["measured", "derived", "assumed"] as const) {
      const fig = d.figures.find(
        (f) => f.grade === grade && f.sigmaLow > 0 && f.sigmaHigh > 0 && f.min < f.low && f.max > f.high * 2,
      )!;
      expect(Math.abs(inside(fig.key) - method.coverage[grade])).toBeLessThan(0.025);
    }
    const col = (key: string) => d.z.subarray(byKey.get(key)! * d.n, (byKey.get(key)! + 1) * d.n);
    const gpu = method.groups.find((g) => g.id === "gpu-market")!;
    expect(
      Math.abs(
        spearman(col("gpu.usdPerHour"), col("gpu.spotUsdPerHour")) - (6 / Math.PI) * Math.asin(gpu.correlation / 2),
      ),
    ).toBeLessThan(0.04);
    expect(Math.abs(spearman(col("gpu.usdPerHour"), col("people.loadedEngineerUsdPerYear")))).toBeLessThan(0.05);
    for (const k of method.held) expect(byKey.has(k)).toBe(false);
    // A user's own figure is theirs: held, unless they give a range for it (read as P10–P90).
    const overridden = modelOf({ ...saas, assumptions: { "gpu.usdPerHour": 2 } });
    expect(distributionsFor(overridden, catalog).some((f) => f.key === "gpu.usdPerHour")).toBe(false);
    const ranged = distributionsFor(overridden, catalog, {
      "gpu.usdPerHour": { low: 1.5, high: 3 },
      "volume.requestsPerDay": { low: 1e5, high: 1e6 },
    });
    const g = ranged.find((f) => f.key === "gpu.usdPerHour")!;
    expect([g.grade, g.value]).toEqual(["user", 2]);
    const z = normalQuantile((1 + catalog.uncertainty.coverage.user) / 2);
    expect(drawValue(g, z, 1)).toBeCloseTo(3, 9);
    expect(drawValue(g, -z, 1)).toBeCloseTo(1.5, 9);
    expect(ranged.some((f) => f.key === "volume.requestsPerDay")).toBe(true);
  });

  it("a user's volume range moves the volume in the draws and can name it a driver", () => {
    const u = evaluateUncertainty(saas, catalog, {
      draws: 400,
      ranges: {
        "volume.requestsPerDay": { low: saas.volume.requestsPerDay / 10, high: saas.volume.requestsPerDay * 10 },
      },
    });
    expect(u.drivers[0]!.key).toBe("volume.requestsPerDay");
    expect(u.drivers[0]!.p10).toBeLessThan(saas.volume.requestsPerDay);
    expect(u.drivers[0]!.p90).toBeGreaterThan(saas.volume.requestsPerDay);
  });

  it("bands: cumulative cost per month and the cost-vs-volume points, P10 ≤ point value ≤ P90 where the point sits inside", () => {
    const e = evaluate(saas);
    const xs = e.volumeCurve.map((p) => p.tokensPerDay);
    const u = evaluateUncertainty(saas, catalog, { draws: 400, bands: { draws: 100, tokensPerDay: xs } });
    const b = u.bands!;
    expect(b.draws).toBe(100);
    for (const o of OPTIONS) {
      expect(b.cumulative[o].p10.length).toBe(e.horizonMonths);
      for (let t = 0; t < e.horizonMonths; t++)
        expect(b.cumulative[o].p10[t]!).toBeLessThanOrEqual(b.cumulative[o].p90[t]!);
      expect(b.volume![o].p10.length).toBe(xs.length);
      for (let i = 1; i < e.horizonMonths; i++)
        expect(b.cumulative[o].p90[i]!).toBeGreaterThanOrEqual(b.cumulative[o].p90[i - 1]! - 1e-6);
    }
    // Collapsed, the bands are the point values themselves.
    const flat = evaluateUncertainty(saas, catalog, {
      draws: 20,
      spread: 0,
      bands: { draws: 4, tokensPerDay: xs },
    }).bands!;
    let s = 0;
    expect(flat.cumulative.api.p90).toEqual(e.costs.api.monthlyUsd.map((x) => (s += x)));
    for (const o of OPTIONS) expect(flat.volume![o].p10).toEqual(e.volumeCurve.map((p) => p[o]));
  });
});

function evaluateUncertaintyOfModel(m: ReturnType<typeof modelOf>, spread: number): number {
  const d = drawsOf(m, catalog, { draws: 200, seed: 99, spread });
  const base = d.verdict.length ? evaluate(m.input).recommendation : null;
  let holds = 0;
  for (let i = 0; i < d.n; i++) if (OPTIONS[d.verdict[i]!] === base) holds++;
  return holds / d.n;
}
