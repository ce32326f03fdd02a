import { describe, expect, it } from "vitest";
import { evaluate } from "../evaluate";

describe("full control of the model", () => {
  it("weighs toward self-hosting without claiming the verdict cannot be an API", () => {
    const e = evaluate({
      volume: { requestsPerDay: 2_000, inputTokensPerRequest: 800, outputTokensPerRequest: 200 },
      data: { sensitivity: "internal" },
      team: { mlOpsMaturity: "experienced" },
      latency: { p95TargetMs: 2_000 },
      capability: { frontier: "helpful", customization: "full-control" },
    });
    const reason = e.reasons.find((r) => r.factor === "customization")!;
    expect(reason.favours).toBe("self-hosted");
    expect(reason.text).toContain("rules no option out");
  });
});

// A voice bot: 300 ms to the first token with short answers; every remote model misses it.
const voiceBot = {
  volume: { requestsPerDay: 200_000, inputTokensPerRequest: 600, outputTokensPerRequest: 60, monthlyGrowthPct: 3 },
  data: { sensitivity: "internal" as const },
  team: { mlOpsMaturity: "experienced" as const },
  latency: { p95TargetMs: 300 },
  capability: { frontier: "helpful" as const },
};

describe("the volume band never contradicts the evaluation's own costs", () => {
  it("above the band where self-hosting can pay, it does not favour self-hosting when self-hosting costs more than the API", () => {
    const e = evaluate(voiceBot);
    const v = e.reasons.find((r) => r.factor === "volume")!;
    expect(e.costs["self-hosted"].tcoUsd).toBeGreaterThan(e.costs.api.tcoUsd);
    expect(v.text).toContain("yet here self-hosting still costs");
    expect(v.favours).not.toBe("self-hosted");
  });
  it("still favours self-hosting at a volume where it is cheaper than the API", () => {
    const e = evaluate({
      ...voiceBot,
      volume: { ...voiceBot.volume, requestsPerDay: 20_000_000 },
      latency: { p95TargetMs: 2_000 },
    });
    expect(e.costs["self-hosted"].tcoUsd).toBeLessThan(e.costs.api.tcoUsd);
    expect(e.reasons.find((r) => r.factor === "volume")!.favours).toBe("self-hosted");
  });
});

describe("the latency factor compares the options' own latencies", () => {
  it("favours a co-located model when it is the one that meets a tight target", () => {
    const e = evaluate(voiceBot);
    expect(e.capacity.latency["self-hosted"].feasible).toBe(true);
    expect(e.reasons.find((r) => r.factor === "latency")!.favours).toBe("self-hosted");
  });
  it("gives self-hosting no edge when it is slower than the remote models (a 1.5M-token prompt)", () => {
    const e = evaluate({
      ...voiceBot,
      volume: { requestsPerDay: 2_000, inputTokensPerRequest: 1_500_000, outputTokensPerRequest: 200 },
      latency: { p95TargetMs: 2_000 },
    });
    const lat = e.capacity.latency;
    expect(lat["self-hosted"].ms).toBeGreaterThan(Math.min(lat.api.ms, lat["hosted-open"].ms));
    const reason = e.reasons.find((r) => r.factor === "latency")!;
    expect(reason.favours).not.toBe("self-hosted");
    expect(reason.text).toContain("self-hosting is no faster here");
  });
});

describe("the hybrid never routes traffic to a model that misses the latency target", () => {
  it("with every external model too slow, the split is self-hosting and says so instead of naming an API", () => {
    const e = evaluate(voiceBot);
    expect(e.capacity.latency.api.feasible).toBe(false);
    expect(e.capacity.latency["hosted-open"].feasible).toBe(false);
    const split = e.costs.hybrid.split!;
    expect(split.pure).toBe("self-hosted");
    expect(split.text).toContain("No external model meets your latency target");
    expect(e.costs.hybrid.tcoUsd).toBeCloseTo(e.costs["self-hosted"].tcoUsd, 6);
  });
});

describe("the cost reason with no traffic", () => {
  it("says the options cost nothing instead of '$0.00 in total'", () => {
    const e = evaluate({
      ...voiceBot,
      volume: { ...voiceBot.volume, requestsPerDay: 0 },
      latency: { p95TargetMs: 2_000 },
    });
    const cost = e.reasons.find((r) => r.factor === "cost")!.text;
    expect(cost).toContain("costs nothing");
    expect(cost).not.toContain("$0.00");
  });
});
