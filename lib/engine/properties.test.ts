import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { catalog } from "./catalog";
import { steadyMonthlyUsd } from "./economics";
import { evaluate } from "./evaluate";
import { resolveModel } from "./model";
import { assessmentInputSchema } from "./schema";
import { inputArb } from "@/test/fixtures/arbitraries";

const RUNS = { numRuns: Number(process.env.FC_RUNS ?? 150) };

describe("engine properties", () => {
  it("never throws on schema-valid input and always recommends a feasible option", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        expect(assessmentInputSchema.safeParse(input).success).toBe(true);
        const e = evaluate(input);
        const top = e.ranking[0]!;
        expect(top.option).toBe(e.recommendation);
        // When the hard rules leave nothing (e.g. no model reads the request in house), the verdict is
        // still the top-ranked option and the conflicts say why nothing fits; otherwise it is feasible.
        if (e.ranking.every((r) => r.excluded)) expect(e.conflicts.length).toBeGreaterThan(0);
        else expect(top.excluded).toBe(false);
        expect(e.confidence).toBeGreaterThanOrEqual(0);
        expect(e.confidence).toBeLessThanOrEqual(1);
        for (const c of Object.values(e.costs))
          for (const v of c.monthlyUsd) expect(Number.isFinite(v) && v >= 0).toBe(true);
      }),
      RUNS,
    );
  });

  it("is deterministic", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        expect(evaluate(input)).toEqual(evaluate(input));
      }),
      { numRuns: 60 },
    );
  });

  it("API cost never falls as volume rises", () => {
    fc.assert(
      fc.property(inputArb, fc.double({ min: 1, max: 10, noNaN: true }), (input, factor) => {
        const more = { ...input, volume: { ...input.volume, requestsPerDay: input.volume.requestsPerDay * factor } };
        expect(evaluate(more).costs.api.tcoUsd).toBeGreaterThanOrEqual(evaluate(input).costs.api.tcoUsd - 1e-9);
      }),
      RUNS,
    );
  });

  it("a cheaper GPU never raises self-hosted or hybrid cost", () => {
    fc.assert(
      fc.property(
        inputArb,
        fc.double({ min: 0.1, max: 20, noNaN: true }),
        fc.double({ min: 0.1, max: 1, noNaN: true }),
        (input, rate, cut) => {
          const at = (usd: number) => evaluate({ ...input, assumptions: { "gpu.usdPerHour": usd } });
          const dear = at(rate);
          const cheap = at(rate * cut);
          expect(cheap.costs["self-hosted"].tcoUsd).toBeLessThanOrEqual(dear.costs["self-hosted"].tcoUsd + 1e-6);
          expect(cheap.costs.hybrid.tcoUsd).toBeLessThanOrEqual(dear.costs.hybrid.tcoUsd + 1e-6);
        },
      ),
      RUNS,
    );
  });

  it("more deferrable (batch) traffic never raises the self-hosted or API cost", () => {
    fc.assert(
      fc.property(
        inputArb,
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (input, a, b) => {
          const at = (batchShare: number) => evaluate({ ...input, volume: { ...input.volume, batchShare } });
          const less = at(Math.min(a, b));
          const more = at(Math.max(a, b));
          expect(more.costs["self-hosted"].tcoUsd).toBeLessThanOrEqual(
            less.costs["self-hosted"].tcoUsd * (1 + 1e-9) + 1e-6,
          );
          expect(more.costs.api.tcoUsd).toBeLessThanOrEqual(less.costs.api.tcoUsd * (1 + 1e-9) + 1e-6);
        },
      ),
      RUNS,
    );
  });

  it("break-even volume agrees with the cost curves on both sides of it", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const e = evaluate(input);
        const m = resolveModel(assessmentInputSchema.parse(input), catalog);
        for (const against of ["api", "hosted-open"] as const) {
          const x = e.breakEven[against].tokensPerDay;
          if (x === null) continue;
          // At and just above the break-even self-hosting is cheaper; just below it is not.
          expect(steadyMonthlyUsd(m, "self-hosted", x)).toBeLessThan(steadyMonthlyUsd(m, against, x));
          if (x > 1_000)
            expect(steadyMonthlyUsd(m, "self-hosted", x * 0.999)).toBeGreaterThanOrEqual(
              steadyMonthlyUsd(m, against, x * 0.999) * 0.999,
            );
        }
      }),
      RUNS,
    );
  });

  it("a hybrid never sends data that must stay in (by mandate or uncovered regulation) to the API", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const e = evaluate(input);
        const parsed = assessmentInputSchema.parse(input);
        const m = resolveModel(parsed, catalog);
        const hybrid = e.ranking.find((r) => r.option === "hybrid")!;
        const apiExcludedForData =
          e.ranking.find((r) => r.option === "api")!.excluded &&
          (parsed.data.mustStayInHouse || e.reasons.some((r) => r.kind === "rule" && r.factor === "compliance"));
        if (m.sensitiveStaysIn) {
          const split = e.costs.hybrid.split!;
          expect(split.mandatoryInHouseShare).toBe(parsed.data.sensitiveShare);
          if (parsed.data.sensitiveShare > 0) {
            expect(split.mode).toBe("sensitive-in-house");
            expect(split.selfHostedShare).toBeGreaterThanOrEqual(parsed.data.sensitiveShare - 1e-9);
            expect(split.pure === "api" || split.pure === "hosted-open").toBe(false);
          }
        }
        if (apiExcludedForData && !hybrid.excluded) expect(m.sensitiveStaysIn).toBe(true);
      }),
      RUNS,
    );
  });

  it("break-even month agrees with cumulative costs", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const e = evaluate(input);
        for (const against of ["api", "hosted-open"] as const) {
          const month = e.breakEven[against].month;
          const sh = e.costs["self-hosted"].monthlyUsd;
          const other = e.costs[against].monthlyUsd;
          const cum = (a: number[], n: number) => a.slice(0, n).reduce((s, v) => s + v, 0);
          if (month === null) {
            for (let n = 1; n <= sh.length; n++) expect(cum(sh, n)).toBeGreaterThanOrEqual(cum(other, n));
          } else {
            expect(cum(sh, month)).toBeLessThan(cum(other, month));
            for (let n = 1; n < month; n++) expect(cum(sh, n)).toBeGreaterThanOrEqual(cum(other, n));
          }
        }
      }),
      RUNS,
    );
  });
});
