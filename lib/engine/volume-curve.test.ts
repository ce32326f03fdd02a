import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { inputArb } from "@/test/fixtures/arbitraries";
import { PROFILES } from "@/test/fixtures/profiles";
import { breakEven } from "./break-even";
import { catalog } from "./catalog";
import { steadyMonthlyUsd } from "./economics";
import { hybridConstraints } from "./economics/hybrid-plan";
import { evaluate, verdictOf, verdictRules } from "./evaluate";
import { resolveModel } from "./model";
import { assessmentInputSchema, type AssessmentInput } from "./schema";
import { volumeCurve } from "./volume-curve";

// Speed: the curve prices every option at every point in one pass (steadyMonthlyCurve: token rates, the
// self-hosted month's figures and the hybrid's one-month model read once; the hybrid is handed the API's and
// self-hosting's points). Each point must be what steadyMonthlyUsd gives for that option and volume on its own.
describe("volume curve", () => {
  const inputs: AssessmentInput[] = [
    ...Object.values(PROFILES as Record<string, AssessmentInput>),
    ...fc.sample(inputArb, { seed: 4141, numRuns: 40 }),
  ];
  it("every point is each option's steady monthly cost at that volume, priced on its own", () => {
    for (const input of inputs) {
      const m = resolveModel(assessmentInputSchema.parse(input), catalog);
      const rules = verdictRules(m, catalog);
      const v = verdictOf(m, catalog, { rules });
      const targets = rules.ctx.spillTargets;
      const points = volumeCurve(m, catalog, m.tokensPerDay, breakEven(m, v.costs), targets);
      expect(points).toHaveLength(41);
      for (const p of points) {
        for (const o of ["api", "hosted-open", "self-hosted", "hybrid"] as const)
          expect(p[o], `${o} at ${p.tokensPerDay}`).toBe(steadyMonthlyUsd(m, o, p.tokensPerDay, { targets }));
      }
    }
  });

  // Issue 26 item 2: one definition of the hybrid. Where it may spill to hosted open weights, the steady
  // hybrid is never dearer than hosting them (the horizon decision's pure candidates), so at "You are
  // here" it is not drawn on the self-hosted or API line while the table shows the hosted figure.
  it("the hybrid collapses to the same pure options at every volume as over the horizon", () => {
    const e = evaluate(PROFILES.lockInAverseNoMlOps);
    expect(e.costs.hybrid.split?.pure).toBe("hosted-open");
    for (const p of e.volumeCurve) expect(p.hybrid, `at ${p.tokensPerDay}`).toBeLessThanOrEqual(p["hosted-open"]);
    for (const input of inputs) {
      const m = resolveModel(assessmentInputSchema.parse(input), catalog);
      const targets = verdictRules(m, catalog).ctx.spillTargets;
      const curve = volumeCurve(m, catalog, m.tokensPerDay, breakEven(m, verdictOf(m, catalog).costs), targets);
      const { sMin, eMin } = hybridConstraints(m);
      if (sMin === 0 && eMin === 0)
        for (const p of curve) for (const o of targets) expect(p.hybrid).toBeLessThanOrEqual(p[o]);
    }
  });
});
