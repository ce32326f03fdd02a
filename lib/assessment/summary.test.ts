import { describe, expect, it } from "vitest";
import { evaluate } from "@/lib/engine";
import { PROFILES } from "@/test/fixtures/profiles";
import { confidenceBasis } from "./confidence";
import { topLevers } from "./levers";
import { mainLever, mainRisk, tcoBars } from "./summary";

describe("the one-screen summary (issue 26 items 12, 13, 7)", () => {
  it("puts every option's TCO on the bar, the winner marked, a non-splitting Hybrid shown as what it equals", () => {
    for (const p of Object.values(PROFILES)) {
      const e = evaluate(p);
      const bars = tcoBars(e);
      expect(bars.map((b) => b.option).sort()).toEqual(["api", "hosted-open", "hybrid", "self-hosted"]);
      expect(bars.filter((b) => b.recommended).map((b) => b.option)).toEqual([e.recommendation]);
      const pure = e.costs.hybrid.split?.pure;
      expect(bars.find((b) => b.option === "hybrid")!.equals).toBe(pure && pure !== "hybrid" ? pure : null);
      for (const b of bars) expect(b.tcoUsd).toBe(e.costs[b.option].tcoUsd);
    }
  });

  it("names a conflict as the main risk first, and the nearest flip as the main lever", () => {
    for (const p of Object.values(PROFILES)) {
      const e = evaluate(p);
      const risk = mainRisk(e);
      if (e.conflicts.length) expect(risk).toMatchObject({ kind: "conflict", text: e.conflicts[0]!.text });
      else if (e.latencyMiss) expect(risk.kind).toBe("latency");
      const lever = mainLever(e);
      if (e.whatWouldChange.length)
        expect(lever).toMatchObject({ text: e.whatWouldChange[0]!.text, becomes: e.whatWouldChange[0]!.becomes });
      else expect(lever.kind).toBe("holds");
    }
  });

  it("defines confidence as a margin from the scores, not a probability", () => {
    const e = evaluate(PROFILES.frontierNoMlTeam);
    const c = confidenceBasis(e);
    expect(c.value).toBe(e.confidence);
    expect(c.definition).toMatch(/not a probability/);
    expect(c.probability).toBeUndefined();
    // With the draws run, confidence is the engine's sampled figure and says how often the verdict holds.
    const sampled = confidenceBasis({
      ...e,
      uncertainty: {
        confidence: 0.6,
        verdictHolds: 0.7,
        verdictText: "API wins in 70% of 2,000 draws.",
      } as unknown as typeof e.uncertainty,
    });
    expect(sampled).toMatchObject({ value: 0.6, probability: 0.7, text: "API wins in 70% of 2,000 draws." });
  });

  it("offers at most five levers, each an editable figure whose range has room", () => {
    const e = evaluate(PROFILES.veryHighVolumeDedicatedTeam);
    const levers = topLevers(e);
    expect(levers.length).toBeGreaterThan(0);
    expect(levers.length).toBeLessThanOrEqual(5);
    for (const l of levers) {
      expect(e.assumptions.map((a) => a.key)).toContain(l.key);
      expect(l.high).toBeGreaterThan(l.low);
    }
  });
});
