import { describe, expect, it } from "vitest";
import { PROFILES } from "@/test/fixtures/profiles";
import { catalog, figureOf } from "./catalog";
import { optionCosts } from "./economics";
import { verdictOf, verdictRules } from "./evaluate";
import { resolveModel } from "./model";
import { assessmentInputSchema, type AssessmentInput } from "./schema";
import { KEEPS, probes } from "./what-would-change";

// Speed: whatWouldChange computes the verdict's cost-independent part (hard rules, spill targets, hosted
// spill) once, and each probe reuses the base costs of the options its figure cannot move (KEEPS).
// Both claims are checked here against fresh computations at each probe's ends and middle, so a rule or
// cost formula that starts reading one of these figures fails this test instead of going stale.
const inputs: [string, AssessmentInput][] = Object.entries(PROFILES as Record<string, AssessmentInput>).flatMap(([k, b]): [string, AssessmentInput][] => [
  [k, b],
  [`${k} (owned, frontier)`, { ...b, deployment: { ...(b.deployment ?? {}), gpuSource: "owned" }, capability: { ...b.capability, frontier: "required", customization: "fine-tuning" } } as AssessmentInput],
]);
const json = (x: unknown) => JSON.stringify(x);

describe("whatWouldChange probes", () => {
  it.each(inputs)("%s: rules unmoved and kept costs equal fresh ones at every probe", (_name, input) => {
    const m = resolveModel(assessmentInputSchema.parse(input), catalog);
    const rules = verdictRules(m, catalog);
    const base = verdictOf(m, catalog, { lite: true }).costs;
    const minShare = figureOf(catalog, "economics.hybrid.minShare").value;
    const ps = probes(m);
    expect(ps.length).toBeGreaterThan(3);
    for (const p of ps) {
      const mid = p.scale === "log" ? Math.sqrt(p.lo * p.hi) : (p.lo + p.hi) / 2;
      for (const x of [p.lo, mid, p.hi]) {
        const mm = p.patch(m, p.scale === "int" ? Math.round(x) : x);
        expect(json(verdictRules(mm, catalog)), `${p.assumption}=${x} moved the rules`).toBe(json(rules));
        const fresh = optionCosts(mm, rules.ctx, minShare);
        for (const o of KEEPS[p.assumption] ?? []) expect(json(fresh[o]), `${p.assumption}=${x} moved ${o}`).toBe(json(base[o]));
        // The probe's verdict with reuse is the verdict without.
        expect(verdictOf(mm, catalog, { lite: true, rules, known: Object.fromEntries((KEEPS[p.assumption] ?? []).map((o) => [o, base[o]])) }).recommendation).toBe(verdictOf(mm, catalog, { lite: true }).recommendation);
      }
    }
  });
});
