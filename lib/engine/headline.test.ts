import { describe, expect, it } from "vitest";
import { PROFILES } from "@/test/fixtures/profiles";
import { catalog } from "./catalog";
import { steadyMonthlyUsd } from "./economics";
import { evaluate, verdictRules } from "./evaluate";
import { resolveModel } from "./model";
import { assessmentInputSchema } from "./schema";

// Issue 26 item 3: the headline compares the verdict with its closest usable rival, not always self-hosting with the API.
describe("headline: the verdict against its closest usable rival", () => {
  it("a hosted verdict whose API is ruled out is compared with self-hosting, from the engine's own costs", () => {
    const e = evaluate(PROFILES.itarDefenceSupplier);
    expect(e.recommendation).toBe("hosted-open");
    expect(e.ranking.find((r) => r.option === "api")!.excluded).toBe(true);
    const h = e.headline;
    expect(h.rival).toBe("self-hosted");
    expect(h.marginUsd).toBe(e.costs["self-hosted"].tcoUsd - e.costs["hosted-open"].tcoUsd);
    expect(h.aheadFromMonth).toBe(1);
    expect(h.text.headline).toMatch(
      /^Hosted open-weights costs \$[\d.,]+[kM]? less than self-hosted, the closest usable option, over 36 months/,
    );
    // The volume crossing: self-hosting cheaper above it, hosting below (steady months at today's prices).
    const m = resolveModel(assessmentInputSchema.parse(PROFILES.itarDefenceSupplier), catalog);
    const targets = verdictRules(m, catalog).ctx.spillTargets;
    const x = h.breakEvenTokensPerDay!;
    expect(h.rivalCheaperAbove).toBe(true);
    expect(steadyMonthlyUsd(m, "self-hosted", x * 1.05, { targets })).toBeLessThan(
      steadyMonthlyUsd(m, "hosted-open", x * 1.05, { targets }),
    );
    expect(steadyMonthlyUsd(m, "self-hosted", x / 1.05, { targets })).toBeGreaterThan(
      steadyMonthlyUsd(m, "hosted-open", x / 1.05, { targets }),
    );
  });

  it("a hosted verdict with the API usable is compared with the API; its tornado swings that margin", () => {
    const e = evaluate(PROFILES.lockInAverseNoMlOps);
    const h = e.headline;
    expect(h.rival).toBe("api");
    expect(h.marginUsd).toBeCloseTo(e.costs.api.tcoUsd - e.costs["hosted-open"].tcoUsd, 6);
    expect(h.sensitivity.length).toBeGreaterThan(0);
    const widths = h.sensitivity.map((s) => Math.abs(s.marginHighUsd - s.marginLowUsd));
    expect(widths).toEqual([...widths].sort((a, b) => b - a));
    // The API's price range (incl. a year of decline) is the one figure that can reverse a hosted lead over the API.
    expect(h.text.tornado).toContain("reverses at an end of the range of: API price");
  });

  it("a verdict dearer than its rival says what it costs more and when, never that it wins on cost", () => {
    const e = evaluate(PROFILES.veryHighVolumeDedicatedTeam);
    const h = e.headline;
    expect(h.rival).toBe("hybrid");
    expect(h.marginUsd!).toBeLessThan(0);
    expect(h.aheadFromMonth).toBeNull();
    expect(h.text.cumulative).toMatch(/stays above hybrid in cumulative cost to month 36/);
  });

  it("the only usable option has no rival, and says so", () => {
    const e = evaluate(PROFILES.hospitalPatientData);
    expect(e.headline.rival).toBeNull();
    expect(e.headline.text.headline).toBe(
      "Self-hosted is the only option your hard requirements leave, so there is no rival to compare it with.",
    );
  });
});
