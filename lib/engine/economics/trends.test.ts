import { describe, expect, it } from "vitest";
import { PROFILES } from "@/test/fixtures/profiles";
import { assessmentInputSchema } from "../schema";
import { catalog } from "../catalog";
import { resolveModel } from "../model";
import { gpuPricing, steadyMonthlyUsd } from "./index";
import { atPricesOfMonth, priceFactor } from "./trends";

const model = (input: unknown) => resolveModel(assessmentInputSchema.parse(input), catalog);

describe("prices of a later month", () => {
  it.each([
    ["rented GPUs (GPU cloud, on demand)", PROFILES.veryHighVolumeDedicatedTeam],
    ["owned servers (air-gapped site)", PROFILES.airGapped],
  ])("%s: a steady month at month t costs what month-t prices say", (_label, input) => {
    const m = model(input);
    const t = m.input.strategy.horizonMonths - 1;
    const later = atPricesOfMonth(m, t, gpuPricing(m).term);
    const tpd = 50_000_000;
    // Token bills scale exactly by the trend factor.
    expect(steadyMonthlyUsd(later, "api", tpd)).toBeCloseTo(
      steadyMonthlyUsd(m, "api", tpd) * priceFactor(m, "api", t),
      6,
    );
    expect(steadyMonthlyUsd(later, "hosted-open", tpd) - steadyMonthlyUsd(later, "hosted-open", 0)).toBeCloseTo(
      (steadyMonthlyUsd(m, "hosted-open", tpd) - steadyMonthlyUsd(m, "hosted-open", 0)) *
        priceFactor(m, "hosted-open", t),
      6,
    );
    // GPUs follow the GPU trend (down here): the fleet is cheaper, people are not.
    expect(priceFactor(m, "gpu", t)).toBeLessThan(1);
    expect(steadyMonthlyUsd(later, "self-hosted", tpd)).toBeLessThan(steadyMonthlyUsd(m, "self-hosted", tpd));
    expect(atPricesOfMonth(m, 0, gpuPricing(m).term)).toBe(m);
  });
});
