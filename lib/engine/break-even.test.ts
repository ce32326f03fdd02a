import { describe, expect, it } from "vitest";
import { PROFILES } from "@/test/fixtures/profiles";
import { catalog } from "./catalog";
import { monthlySeries } from "./economics";
import { resolveModel } from "./model";
import { assessmentInputSchema, type AssessmentInput } from "./schema";
import { sensitivity, sensitivityVariants } from "./break-even";

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
