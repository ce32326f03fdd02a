import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { inputArb } from "@/test/fixtures/arbitraries";
import { PROFILES } from "@/test/fixtures/profiles";
import { catalog } from "./catalog";
import { evaluate, liteVerdict, verdictOf } from "./evaluate";
import { resolveModel } from "./model";
import { assessmentInputSchema, type AssessmentInput } from "./schema";
import { whatWouldChange, type VerdictProbe } from "./what-would-change";

// The engine is pure and re-entrant: module-level memos and scratch buffers never carry one evaluation's state
// into another. The sharpest interleaving the engine allows: a second evaluation run inside the first one's
// whatWouldChange search, at every verdict probe (before the probe returns, while the search holds its own
// brackets, costs and buffers). Both must come out exactly as each does alone.

const profiles = Object.entries(PROFILES as Record<string, AssessmentInput>);
const random = fc
  .sample(inputArb, { seed: 4242, numRuns: 6 })
  .map((x, i): [string, AssessmentInput] => [`random ${i}`, x]);
const all = [...profiles, ...random];
// Pairs that differ in what the month loops and memos key on (horizon, GPU source, growth, volume).
const pairs: [string, AssessmentInput, string, AssessmentInput][] = all.map(([a, x], i) => {
  const [b, y] = all[(i * 7 + 3) % all.length]!;
  return [a, x, b, y];
});

let innerEvaluations = 0;

describe("re-entrancy", () => {
  it.each(pairs)(
    "%s evaluated with %s run inside its whatWouldChange search gives what each gives alone",
    (_a, a, _b, b) => {
      const aloneA = JSON.stringify(evaluate(a));
      const aloneB = JSON.stringify(evaluate(b));
      const m = resolveModel(assessmentInputSchema.parse(a), catalog);
      const v = verdictOf(m, catalog);
      const ruledOut = [...new Set(v.excluded.filter((x) => x.rule !== "no-split").map((x) => x.option))];
      let inner = 0;
      const interleaving: VerdictProbe<unknown> = {
        verdict: (mm, c, hints) => {
          const r = liteVerdict.verdict(mm, c, hints as never);
          // The other evaluation runs after this probe priced and before it returns its result.
          if (inner++ % 2 === 0) {
            innerEvaluations++;
            expect(JSON.stringify(evaluate(b))).toBe(aloneB);
          }
          return r;
        },
        rules: liteVerdict.rules,
      };
      const found = whatWouldChange(m, catalog, interleaving, v.recommendation, ruledOut, v.costs);
      expect(JSON.stringify(found)).toBe(
        JSON.stringify((JSON.parse(aloneA) as { whatWouldChange: unknown }).whatWouldChange),
      );
      // And in turn: A after B's evaluations, B after A's.
      expect(JSON.stringify(evaluate(a))).toBe(aloneA);
      expect(JSON.stringify(evaluate(b))).toBe(aloneB);
    },
  );

  it("ran evaluations inside the searches (the check above is not vacuous)", () => {
    expect(innerEvaluations).toBeGreaterThan(50);
  });
});
