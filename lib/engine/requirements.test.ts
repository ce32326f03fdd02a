import { describe, expect, it } from "vitest";
import { PROFILES } from "@/test/fixtures/profiles";
import { evaluate } from "./evaluate";
import { assessmentInputSchema, type AssessmentInput } from "./schema";

// Issue 26 item 5: what would change probes the user's own requirements, and each requirement's cost adds up.
const cheapestUsable = (e: ReturnType<typeof evaluate>) =>
  Math.min(...e.ranking.filter((r) => !r.excluded).map((r) => e.costs[r.option].tcoUsd));

describe("requirement probes", () => {
  it("relaxing the p95 target to what hosted open weights meet: the verdict and saving there, as evaluate() gives them", () => {
    const e = evaluate(PROFILES.sub100msCodeCompletion);
    const p = e.requirements.probes.find((x) => x.requirement === "latency.p95TargetMs")!;
    expect(p.text).toMatch(
      /^p95 latency target: 80 ms → (\d+) ms: Hosted open-weights, saves \$[\d.,]+[kM]? over 36 months\.$/,
    );
    const to = Number(/→ (\d+) ms/.exec(p.text)![1]);
    const parsed = assessmentInputSchema.parse(PROFILES.sub100msCodeCompletion);
    const relaxed = evaluate({ ...parsed, latency: { ...parsed.latency, p95TargetMs: to } });
    expect(relaxed.recommendation).toBe(p.becomes);
    expect(relaxed.costs[p.becomes].tcoUsd).toBeCloseTo(p.tcoUsd, 6);
    expect(p.savingUsd).toBeCloseTo(e.costs[e.recommendation].tcoUsd - p.tcoUsd, 6);
  });

  it("frontier quality required → helpful, and prompts in house → allowed out, each probed on its own", () => {
    const e = evaluate(PROFILES.frontierButInHouse);
    expect(e.requirements.probes.map((p) => p.requirement)).toEqual(["data.mustStayInHouse", "capability.frontier"]);
    const parsed = assessmentInputSchema.parse(PROFILES.frontierButInHouse);
    const out = evaluate({ ...parsed, data: { ...parsed.data, mustStayInHouse: false } });
    expect(e.requirements.probes[0]!.becomes).toBe(out.recommendation);
  });

  it("the waterfall starts at the cheapest usable option with no requirement and sums to the verdict's TCO", () => {
    for (const [name, input] of Object.entries(PROFILES as Record<string, AssessmentInput>)) {
      const e = evaluate(input);
      const w = e.requirements.waterfall;
      if (!w) continue;
      const sum = w.startUsd + w.steps.reduce((a, s) => a + s.addsUsd, 0) + w.prioritiesUsd;
      expect(sum, name).toBeCloseTo(e.costs[e.recommendation].tcoUsd, 4);
      expect(w.steps.at(-1)!.cheapestUsd, name).toBeCloseTo(cheapestUsable(e), 4);
      expect(w.prioritiesUsd, name).toBeCloseTo(e.costPremiumUsd, 4);
    }
    const w = evaluate(PROFILES.hospitalPatientData).requirements.waterfall!;
    expect(w.text).toMatch(
      /^With none of your hard requirements the cheapest option is hosted open-weights at \$[\d.,]+[kM]?; Prompts stay in house \+\$[\d.,]+[kM]?: self-hosted at \$[\d.,]+[kM]? over 36 months\.$/,
    );
  });

  it("no hard requirement set: nothing to probe", () => {
    const e = evaluate(PROFILES.earlyPrototype);
    expect(e.requirements).toEqual({ probes: [], waterfall: null });
  });
});
