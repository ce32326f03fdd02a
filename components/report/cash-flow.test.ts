import { describe, expect, it } from "vitest";
import { evaluate } from "@/lib/engine";
import { PROFILES } from "@/test/fixtures/profiles";
import { cashFlowByYear, cashFlowOptions } from "./cash-flow";
import { memoRisks } from "./report-document";

describe("the CFO's year-by-year cash flow (issue 26 item 16)", () => {
  it("sums to the TCO, splits running costs, set-up and capex, and shows the depreciation view for an owned fleet", () => {
    for (const p of Object.values(PROFILES)) {
      const e = evaluate(p);
      for (const o of cashFlowOptions(e)) {
        const years = cashFlowByYear(e, o);
        expect(years.length).toBe(Math.ceil(e.horizonMonths / 12));
        expect(years.reduce((a, y) => a + y.months, 0)).toBe(e.horizonMonths);
        expect(years.reduce((a, y) => a + y.cashUsd, 0)).toBeCloseTo(e.costs[o].tcoUsd, 0);
        for (const y of years) expect(y.opexUsd + y.setupUsd + y.capexUsd).toBeCloseTo(y.cashUsd, 6);
        expect(years[0]!.setupUsd).toBe(e.costs[o].setupUsd);
        const dep = e.costs[o].fleet?.depreciation;
        if (dep) expect(years.reduce((a, y) => a + (y.depreciatedUsd ?? 0), 0)).toBeCloseTo(dep.tcoUsd, 0);
      }
    }
  });

  it("compares the verdict with its closest usable rival", () => {
    const e = evaluate(PROFILES.veryHighVolumeDedicatedTeam);
    expect(cashFlowOptions(e)[0]).toBe(e.recommendation);
    if (e.headline.rival) expect(cashFlowOptions(e)[1]).toBe(e.headline.rival);
  });

  it("never calls a Hybrid that only fails to split 'ruled out'", () => {
    for (const p of Object.values(PROFILES)) {
      const e = evaluate(p);
      const pure = e.costs.hybrid.split?.pure;
      const hybridRuledOutByRule =
        e.ranking.some((r) => r.option === "hybrid" && r.excluded) && !(pure && pure !== "hybrid");
      expect(memoRisks(e).some((r) => r.startsWith("Hybrid is ruled out"))).toBe(hybridRuledOutByRule);
    }
  });
});
