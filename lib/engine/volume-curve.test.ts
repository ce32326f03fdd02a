import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { inputArb } from "@/test/fixtures/arbitraries";
import { PROFILES } from "@/test/fixtures/profiles";
import { breakEven } from "./break-even";
import { catalog } from "./catalog";
import { steadyMonthlyUsd } from "./economics";
import { verdictOf } from "./evaluate";
import { resolveModel } from "./model";
import { assessmentInputSchema, type AssessmentInput } from "./schema";
import { volumeCurve } from "./volume-curve";

// Speed: the curve prices every option at every point in one pass (steadyMonthlyCurve: token rates, the
// self-hosted month's figures and the hybrid's one-month model read once; the hybrid is handed the API's and
// self-hosting's points). Each point must be what steadyMonthlyUsd gives for that option and volume on its own.
describe("volume curve", () => {
  const inputs: AssessmentInput[] = [...Object.values(PROFILES as Record<string, AssessmentInput>), ...fc.sample(inputArb, { seed: 4141, numRuns: 40 })];
  it("every point is each option's steady monthly cost at that volume, priced on its own", () => {
    for (const input of inputs) {
      const m = resolveModel(assessmentInputSchema.parse(input), catalog);
      const v = verdictOf(m, catalog);
      const points = volumeCurve(m, catalog, m.tokensPerDay, breakEven(m, v.costs));
      expect(points).toHaveLength(41);
      for (const p of points) {
        for (const o of ["api", "hosted-open", "self-hosted", "hybrid"] as const) expect(p[o], `${o} at ${p.tokensPerDay}`).toBe(steadyMonthlyUsd(m, o, p.tokensPerDay));
      }
    }
  });
});
