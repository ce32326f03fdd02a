import { describe, expect, it } from "vitest";
import { catalog } from "./catalog";
import { evaluate } from "./evaluate";
import type { AssessmentInput } from "./schema";

// Issue 26 item 4: latency treated the same everywhere.
const workload: AssessmentInput = {
  volume: { requestsPerDay: 50_000, inputTokensPerRequest: 1_500, outputTokensPerRequest: 400 },
  data: { sensitivity: "internal" },
  team: { mlOpsMaturity: "basic" },
  latency: { p95TargetMs: 300, measure: "full-response" },
  capability: { frontier: "helpful" },
};

describe("a verdict that misses the latency target says so", () => {
  it("names the miss with its p95 in the verdict's first reason, offers the target it would meet, and lowers confidence", () => {
    const e = evaluate(workload);
    expect(e.conflicts.map((c) => c.id)).toContain("latency-unreachable");
    const l = e.capacity.latency[e.recommendation];
    expect(l.feasible).toBe(false);
    expect(e.latencyMiss).toMatchObject({ option: e.recommendation, targetMs: 300, ms: l.ms });
    expect(e.latencyMiss!.metAtMs).toBeGreaterThanOrEqual(l.ms);
    expect(e.latencyMiss!.metAtMs - l.ms).toBeLessThan(100);
    expect(e.keyReasons[0]!.text).toBe(e.latencyMiss!.text);
    expect(e.latencyMiss!.text).toMatch(
      /^Hosted open-weights misses your p95 target of 300 ms \(~[\d.]+ m?s for the full response with .+\); no option meets it, so this is the closest fit\. A [\d.]+ m?s target would be met\.( Self-hosted, the fastest option, would meet [\d.]+ m?s\.)?$/,
    );
    // Never more confident than the policy's base while a stated requirement is missed.
    expect(e.confidence).toBeLessThanOrEqual(catalog.policy.confidence.base);
  });

  it("a verdict that meets the target has no miss", () => {
    const e = evaluate({ ...workload, latency: { p95TargetMs: 10_000, measure: "full-response" } });
    expect(e.capacity.latency[e.recommendation].feasible).toBe(true);
    expect(e.latencyMiss).toBeNull();
  });

  it("every option states per-user speed and full-response time; a first-token target met by a slow stream says how slow", () => {
    const e = evaluate({ ...workload, latency: { p95TargetMs: 1_000, measure: "first-token" } });
    for (const o of ["api", "hosted-open", "self-hosted", "hybrid"] as const) {
      const l = e.capacity.latency[o];
      expect(l.userTokensPerSecond, o).toBeGreaterThan(0);
      expect(l.fullResponseMs, o).toBeGreaterThan(l.ms);
    }
    const self = e.capacity.latency["self-hosted"];
    expect(self.feasible).toBe(true);
    // 400 output tokens at the per-user speed take at least 400 ÷ speed seconds.
    expect(self.fullResponseMs).toBeGreaterThanOrEqual((400 / self.userTokensPerSecond) * 1000);
    expect(self.text).toContain(`Each user then receives ~${Math.round(self.userTokensPerSecond)} tokens/s`);
  });
});
