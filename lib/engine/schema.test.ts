import { describe, expect, it } from "vitest";
import { ASSUMPTION_BOUNDS, ASSUMPTION_KEYS, assessmentInputSchema, type AssessmentInput } from "./schema";

// The contract's input (docs/assessment-api-v1.md): groups with all-default fields may be
// omitted; overrides are a flat, strict object of known keys.
const contractOnly: AssessmentInput = {
  volume: { requestsPerDay: 1_000, inputTokensPerRequest: 500, outputTokensPerRequest: 200 },
  data: { sensitivity: "internal" },
  team: { mlOpsMaturity: "basic" },
  latency: { p95TargetMs: 1_500 },
  capability: { frontier: "helpful" },
};

describe("assessment input schema", () => {
  it("fills the contract's defaults and the additions' defaults", () => {
    const p = assessmentInputSchema.parse(contractOnly);
    expect(p.volume).toMatchObject({ monthlyGrowthPct: 0, peakToAverage: 3, cachedInputShare: 0, batchShare: 0 });
    expect(p.data).toMatchObject({ regulations: [], mustStayInHouse: false, sensitiveShare: 1 });
    expect(p.capability.customization).toBe("prompting");
    // gpuSource has no default: unset means owned servers when offline or in house, else a GPU cloud (economics).
    expect(p.deployment).toEqual({ offline: false, gpu: "auto", openModel: "auto" });
    // The p95 target times the first token unless the input says the full response (capacity).
    expect(p.latency.measure).toBe("first-token");
    expect(p.strategy).toEqual({ timeToMarket: "quarter", lockInConcern: "medium", horizonMonths: 36 });
  });

  it.each<[string, unknown, string]>([
    ["an unknown assumption key", { ...contractOnly, assumptions: { "gpu.costPerHour": 2 } }, "assumptions"],
    [
      "an override outside its bounds",
      { ...contractOnly, assumptions: { "selfHosted.targetUtilization": 1.5 } },
      "assumptions.selfHosted.targetUtilization",
    ],
    [
      "a negative volume",
      { ...contractOnly, volume: { ...contractOnly.volume, requestsPerDay: -1 } },
      "volume.requestsPerDay",
    ],
    [
      "peak below average",
      { ...contractOnly, volume: { ...contractOnly.volume, peakToAverage: 0.5 } },
      "volume.peakToAverage",
    ],
    ["a horizon over 60 months", { ...contractOnly, strategy: { horizonMonths: 61 } }, "strategy.horizonMonths"],
    ["a fractional horizon", { ...contractOnly, strategy: { horizonMonths: 12.5 } }, "strategy.horizonMonths"],
    [
      "an unknown regulation",
      { ...contractOnly, data: { sensitivity: "regulated", regulations: ["sox"] } },
      "data.regulations.0",
    ],
    [
      "a share over 100%",
      { ...contractOnly, volume: { ...contractOnly.volume, cachedInputShare: 1.2 } },
      "volume.cachedInputShare",
    ],
  ])("rejects %s", (_label, input, path) => {
    const r = assessmentInputSchema.safeParse(input);
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.path.join("."))).toContain(path);
  });

  it("accepts every documented override key with a unit", () => {
    const all = Object.fromEntries(ASSUMPTION_KEYS.map((k) => [k, ASSUMPTION_BOUNDS[k].min]));
    expect(assessmentInputSchema.safeParse({ ...contractOnly, assumptions: all }).success).toBe(true);
    for (const k of ASSUMPTION_KEYS) expect(ASSUMPTION_BOUNDS[k].unit.length, k).toBeGreaterThan(0);
  });
});
