import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { inputArb } from "@/test/fixtures/arbitraries";
import { PROFILES } from "@/test/fixtures/profiles";
import { catalog } from "./catalog";
import { gpuPricing, monthlySeries, steadyMonthlyUsd } from "./economics";
import { atPricesOfMonth, priceFactor } from "./economics/trends";
import { evaluate } from "./evaluate";
import { resolveModel, type Model } from "./model";
import { assessmentInputSchema, type AssessmentInput } from "./schema";
import {
  BREAK_EVEN_RANGE,
  breakEvenMonth,
  breakEvenTokensPerDay,
  fleetAtFloorEveryMonth,
  sensitivity,
  sensitivityVariants,
  swingModel,
  type SensitivityRow,
} from "./break-even";

// Speed: a sensitivity variant reuses the base monthly series of every option its figure cannot move
// (`keeps`). That claim is checked here against a fresh computation at the variant's low and high value,
// so a cost formula that starts reading one of these figures fails this test instead of going stale.
const profiles = Object.entries(PROFILES as Record<string, AssessmentInput>);

describe("sensitivity variants", () => {
  it.each(profiles)(
    "%s: each variant's kept series equals the one recomputed at its low and high value",
    (_name, input) => {
      const m = resolveModel(assessmentInputSchema.parse(input), catalog);
      const variants = sensitivityVariants(m, catalog);
      expect(variants.some((v) => v.keeps.length > 0)).toBe(true);
      for (const vr of variants) {
        for (const value of [vr.low, vr.high, vr.base * 1.7 + 0.01]) {
          const mm = swingModel(m, vr, value);
          for (const o of vr.keeps)
            expect(monthlySeries(mm, o).monthlyUsd, `${vr.key}=${value} moved ${o}`).toEqual(
              monthlySeries(m, o).monthlyUsd,
            );
        }
      }
    },
  );

  it.each(profiles)(
    "%s: a kept option's steady cost, a non-steady figure's break-even volume and a swing to the current value are the base model's",
    (_name, input) => {
      const m = resolveModel(assessmentInputSchema.parse(input), catalog);
      const volumes = [0, 1e4, 1e6, 3.7e7, 1e9, m.tokensPerDay];
      for (const vr of sensitivityVariants(m, catalog)) {
        for (const value of [vr.low, vr.high, vr.base * 1.7 + 0.01]) {
          const mm = swingModel(m, vr, value);
          for (const o of vr.keeps)
            for (const x of volumes)
              expect(steadyMonthlyUsd(mm, o, x), `${vr.key}=${value} moved ${o}'s steady cost at ${x}`).toBe(
                steadyMonthlyUsd(m, o, x),
              );
          if (vr.keeps.includes("self-hosted")) {
            // The staircase's step: tokens a replica carries.
            for (const k of [
              "selfHosted.tokensPerSecondPerReplica",
              "selfHosted.targetUtilization",
              "selfHosted.minReplicas",
            ] as const)
              expect(mm.values[k]).toBe(m.values[k]);
            expect(mm.input.volume).toBe(m.input.volume);
          }
          if (!vr.steady)
            for (const against of ["api", "hosted-open"] as const)
              expect(breakEvenTokensPerDay(mm, against), `${vr.key}=${value}`).toBe(breakEvenTokensPerDay(m, against));
        }
        const same = swingModel(m, vr, vr.current);
        expect(breakEvenTokensPerDay(same, "api")).toBe(breakEvenTokensPerDay(m, "api"));
        for (const o of ["self-hosted", "api"] as const)
          expect(monthlySeries(same, o).monthlyUsd).toEqual(monthlySeries(m, o).monthlyUsd);
      }
    },
  );

  it("a sizing figure leaves self-hosting's series alone when the fleet stays at its floor every month (base and swing)", () => {
    let held = 0;
    const inputs = [...profiles.map(([, x]) => x), ...fc.sample(inputArb, { seed: 1313, numRuns: 60 })];
    for (const input of inputs) {
      const m = resolveModel(assessmentInputSchema.parse(input), catalog);
      for (const vr of sensitivityVariants(m, catalog).filter((x) => x.sizing)) {
        for (const value of [vr.low, vr.high, vr.base * 1.7 + 0.01, vr.base * 0.3]) {
          const mm = swingModel(m, vr, value);
          if (!(fleetAtFloorEveryMonth(m) && fleetAtFloorEveryMonth(mm))) continue;
          held++;
          expect(monthlySeries(mm, "self-hosted").monthlyUsd, `${vr.key}=${value}`).toEqual(
            monthlySeries(m, "self-hosted").monthlyUsd,
          );
        }
      }
    }
    expect(held).toBeGreaterThan(10);
  });

  it("rows are those of swinging each figure on a fresh model and pricing everything again (profiles and random inputs)", () => {
    const inputs = [...profiles.map(([, x]) => x), ...fc.sample(inputArb, { seed: 2024, numRuns: 40 })];
    for (const input of inputs) {
      const m = resolveModel(assessmentInputSchema.parse(input), catalog);
      expect(sensitivity(m, catalog)).toEqual(sensitivityFromScratch(m));
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
    const flat = evaluate({
      ...input,
      assumptions: { "api.priceDeclinePerYear": 0, "hostedOpen.priceDeclinePerYear": 0, "gpu.priceChangePerYear": 0 },
    });
    expect(flat.breakEven.api.tokensPerDayAtHorizonEnd).toBe(flat.breakEven.api.tokensPerDay);
  });
});

/** The tornado with nothing reused: every swing on a fresh model, every series and break-even priced again. */
function sensitivityFromScratch(m: Model): SensitivityRow[] {
  const months = m.input.strategy.horizonMonths;
  const rows = sensitivityVariants(m, catalog).map((vr): SensitivityRow => {
    const at = (value: number) => {
      const mm = swingModel(m, vr, value);
      return {
        tpd: breakEvenTokensPerDay(mm, "api"),
        month: breakEvenMonth(monthlySeries(mm, "self-hosted").monthlyUsd, monthlySeries(mm, "api").monthlyUsd),
      };
    };
    const lo = at(vr.low);
    const hi = at(vr.high);
    return {
      assumption: vr.key,
      label: vr.label,
      unit: vr.unit,
      base: vr.base,
      low: vr.low,
      high: vr.high,
      breakEvenLow: lo.tpd,
      breakEvenHigh: hi.tpd,
      breakEvenMonthLow: lo.month,
      breakEvenMonthHigh: hi.month,
    };
  });
  const swing = (r: SensitivityRow) =>
    Math.abs(
      Math.log10(r.breakEvenLow ?? BREAK_EVEN_RANGE.maxTokensPerDay) -
        Math.log10(r.breakEvenHigh ?? BREAK_EVEN_RANGE.maxTokensPerDay),
    ) +
    Math.abs((r.breakEvenMonthLow ?? months + 1) - (r.breakEvenMonthHigh ?? months + 1)) / months;
  return rows.sort((a, b) => swing(b) - swing(a));
}
