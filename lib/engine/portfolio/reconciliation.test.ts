import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { catalog } from "../catalog";
import { evaluatePortfolio } from "./evaluate";

// Issue 26 item 6: the portfolio's numbers reconcile and say what blocks an alternative.
const hospital = evaluatePortfolio(JSON.parse(fs.readFileSync("examples/hospital-group-portfolio.json", "utf8")));
const saas = evaluatePortfolio(JSON.parse(fs.readFileSync("examples/saas-company-portfolio.json", "utf8")));

describe("portfolio reconciliation", () => {
  it("the per-workload adds plus the shared remainder are the plan's TCO, and the shared part is stated", () => {
    for (const e of [hospital, saas]) {
      const r = e.plan.reconciliation;
      expect(r.rows.map((x) => x.addsUsd)).toEqual(e.workloads.map((w) => w.marginalTcoUsd));
      expect(r.rows.reduce((a, x) => a + x.addsUsd, 0) + r.sharedUsd).toBeCloseTo(e.plan.tcoUsd, 6);
      expect(r.totalUsd).toBe(e.plan.tcoUsd);
    }
    // Hospital: the adds alone ($290k) are far from the plan ($1.31M); the team and floors are the difference.
    expect(hospital.plan.reconciliation.sharedUsd).toBeGreaterThan(500_000);
    expect(hospital.plan.reconciliation.text).toMatch(
      /^What each workload adds where it sits sums to \$[\d.,]+[kM]?; the other \$[\d.,]+[kM]? is shared/,
    );
  });

  it("an impossible alternative names each workload that blocks it and the rule's sentence", () => {
    const a = hospital.alternatives["all-api"];
    expect(a.feasible).toBe(false);
    expect(a.blockedBy.map((b) => [b.name, b.rule])).toEqual([
      ["Clinical note summaries", "in-house"],
      ["IT code completion", "latency"],
    ]);
    expect(a.text).toContain("Clinical note summaries: prompts may not leave infrastructure you control");
  });

  it("a split alternative whose splits are each a usable pure option is possible, and never cheaper than the plan", () => {
    for (const e of [hospital, saas]) {
      expect(e.alternatives["all-hybrid"].feasible).toBe(true);
      expect(e.alternatives["all-hybrid"].tcoUsd).toBeGreaterThanOrEqual(e.plan.tcoUsd - 1e-6);
    }
  });

  it("flags a fleet busy under economics.fleet.underusedShare of its paid capacity, with a reason", () => {
    const share = catalog.figures["economics.fleet.underusedShare"]!.value;
    const low = hospital.plan.fleets.filter((f) => f.underused);
    expect(low.length).toBeGreaterThan(0);
    for (const f of hospital.plan.fleets) expect(f.underused).toBe(f.utilization.first < share);
    for (const f of low)
      expect(hospital.reasons.find((r) => r.factor === `fleet:${f.key}`)?.text).toMatch(
        /is busy [\d.]+% of its paid capacity in month 1, under 10%: most of what it costs pays for its availability floor/,
      );
  });
});
