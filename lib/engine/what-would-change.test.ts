import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { inputArb } from "@/test/fixtures/arbitraries";
import { PROFILES } from "@/test/fixtures/profiles";
import { catalog, figureOf } from "./catalog";
import { optionCosts, optionTcos } from "./economics";
import { verdictOf, verdictRules } from "./evaluate";
import { resolveModel } from "./model";
import { assessmentInputSchema, type AssessmentInput } from "./schema";
import { KEEPS, probes } from "./what-would-change";

// Speed: whatWouldChange computes the verdict's cost-independent part (hard rules, spill targets, hosted
// spill) once, and each probe reuses the base costs of the options its figure cannot move (KEEPS).
// Both claims are checked here against fresh computations at each probe's ends and middle, so a rule or
// cost formula that starts reading one of these figures fails this test instead of going stale.
const inputs: [string, AssessmentInput][] = Object.entries(PROFILES as Record<string, AssessmentInput>).flatMap(
  ([k, b]): [string, AssessmentInput][] => [
    [k, b],
    [
      `${k} (owned, frontier)`,
      {
        ...b,
        deployment: { ...(b.deployment ?? {}), gpuSource: "owned" },
        capability: { ...b.capability, frontier: "required", customization: "fine-tuning" },
      } as AssessmentInput,
    ],
  ],
);
const json = (x: unknown) => JSON.stringify(x);

describe("whatWouldChange probes", () => {
  it.each(inputs)("%s: rules unmoved and kept costs equal fresh ones at every probe", (_name, input) => {
    const m = resolveModel(assessmentInputSchema.parse(input), catalog);
    const rules = verdictRules(m, catalog);
    const base = verdictOf(m, catalog).costs;
    const minShare = figureOf(catalog, "economics.hybrid.minShare").value;
    const ps = probes(m);
    expect(ps.length).toBeGreaterThan(3);
    for (const p of ps) {
      const mid = p.scale === "log" ? Math.sqrt(p.lo * p.hi) : (p.lo + p.hi) / 2;
      for (const x of [p.lo, mid, p.hi]) {
        const mm = p.patch(m, p.scale === "int" ? Math.round(x) : x);
        expect(json(verdictRules(mm, catalog)), `${p.assumption}=${x} moved the rules`).toBe(json(rules));
        const fresh = optionCosts(mm, rules.ctx, minShare);
        for (const o of KEEPS[p.assumption] ?? [])
          expect(json(fresh[o]), `${p.assumption}=${x} moved ${o}`).toBe(json(base[o]));
        // The probe's verdict with reuse is the verdict without.
        expect(
          verdictOf(mm, catalog, {
            lite: true,
            rules,
            known: Object.fromEntries((KEEPS[p.assumption] ?? []).map((o) => [o, base[o]])),
          }).recommendation,
        ).toBe(verdictOf(mm, catalog, { lite: true }).recommendation);
      }
    }
  });
});

// The probes price options on their TCOs alone (optionTcos: no series, breakdowns or texts). That path
// must give exactly the full costs' TCOs and the same pure-split answer, at every probe point of the
// profiles and of random inputs (fixed seed).
describe("verdict probes' TCO-only pricing", () => {
  const random = fc
    .sample(inputArb, { seed: 20261201, numRuns: 60 })
    .map((x, i): [string, AssessmentInput] => [`random ${i}`, x]);
  it.each([...inputs, ...random])(
    "%s: optionTcos equals optionCosts at the model and every probe's ends and middle",
    (_name, input) => {
      const m = resolveModel(assessmentInputSchema.parse(input), catalog);
      const minShare = figureOf(catalog, "economics.hybrid.minShare").value;
      const models = [
        m,
        ...probes(m).flatMap((p) =>
          [p.lo, p.scale === "log" ? Math.sqrt(p.lo * p.hi) : (p.lo + p.hi) / 2, p.hi].map((x) =>
            p.patch(m, p.scale === "int" ? Math.round(x) : x),
          ),
        ),
      ];
      for (const mm of models) {
        const { ctx } = verdictRules(mm, catalog);
        const full = optionCosts(mm, ctx, minShare);
        const tco = optionTcos(mm, ctx, minShare);
        for (const o of ["api", "hosted-open", "self-hosted", "hybrid"] as const)
          expect(tco[o].tcoUsd, o).toBe(full[o].tcoUsd);
        expect(tco.hybrid.split?.pure ?? null).toBe(full.hybrid.split?.pure ?? null);
        // and the lite verdict (which prices this way) ranks as the full one does
        expect(verdictOf(mm, catalog, { lite: true }).ranking.map((r) => r.option)).toEqual(
          verdictOf(mm, catalog).ranking.map((r) => r.option),
        );
      }
    },
  );
});
