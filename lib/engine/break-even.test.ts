import { describe, expect, it } from "vitest";
import { PROFILES } from "@/test/fixtures/profiles";
import { catalog } from "./catalog";
import { gpuPricing, monthlySeries } from "./economics";
import { atPricesOfMonth, priceFactor } from "./economics/trends";
import { evaluate } from "./evaluate";
import { resolveModel } from "./model";
import { assessmentInputSchema, type AssessmentInput } from "./schema";
import { breakEvenTokensPerDay, sensitivity, sensitivityVariants } from "./break-even";

// Speed: a sensitivity variant reuses the base monthly series of every option its figure cannot move
// (`keeps`). That claim is checked here against a fresh computation at the variant's low and high value,
// so a cost formula that starts reading one of these figures fails this test instead of going stale.
const profiles = Object.entries(PROFILES as Record<string, AssessmentInput>);

describe("sensitivity variants", () => {
  it.each(profiles)("%s: each variant's kept series equals the one recomputed at its low and high value", (_name, input) => {
    const m = resolveModel(assessmentInputSchema.parse(input), catalog);
    const variants = sensitivityVariants(m, catalog);
    expect(variants.some((v) => v.keeps.length > 0)).toBe(true);
    for (const vr of variants) {
      for (const value of [vr.low, vr.high, vr.base * 1.7 + 0.01]) {
        const mm = vr.apply(m, value);
        for (const o of vr.keeps) expect(monthlySeries(mm, o).monthlyUsd, `${vr.key}=${value} moved ${o}`).toEqual(monthlySeries(m, o).monthlyUsd);
      }
    }
  });

  it.each(profiles)("%s: rows are the same with and without the base series passed in", (_name, input) => {
    const m = resolveModel(assessmentInputSchema.parse(input), catalog);
    const base = { "self-hosted": monthlySeries(m, "self-hosted").monthlyUsd, api: monthlySeries(m, "api").monthlyUsd };
    expect(sensitivity(m, catalog, base)).toEqual(sensitivity(m, catalog));
  });
});

describe("break-even volume at the horizon-end prices", () => {
  it("is the same crossing computed on the last month's prices, and rises when API prices fall faster than GPU prices", () => {
    const input = assessmentInputSchema.parse(PROFILES.veryHighVolumeDedicatedTeam);
    const e = evaluate(input);
    const m = resolveModel(input, catalog);
    const late = atPricesOfMonth(m, input.strategy.horizonMonths - 1, gpuPricing(m).term);
    expect(e.breakEven.api.tokensPerDayAtHorizonEnd).toBe(breakEvenTokensPerDay(late, "api"));
    expect(e.breakEven.api.tokensPerDay).not.toBeNull();
    // Defaults: API prices fall faster than rented GPUs get cheaper, so self-hosting needs more volume later.
    expect(priceFactor(m, "api", 35)).toBeLessThan(priceFactor(m, "gpu", 35));
    expect(e.breakEven.api.tokensPerDayAtHorizonEnd!).toBeGreaterThan(e.breakEven.api.tokensPerDay!);
    // With no price trends at all, the two are the same.
    const flat = evaluate({ ...input, assumptions: { "api.priceDeclinePerYear": 0, "hostedOpen.priceDeclinePerYear": 0, "gpu.priceChangePerYear": 0 } });
    expect(flat.breakEven.api.tokensPerDayAtHorizonEnd).toBe(flat.breakEven.api.tokensPerDay);
  });
});
