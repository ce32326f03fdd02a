import { describe, expect, it } from "vitest";
import { evaluate } from "./evaluate";
import type { AssessmentInput } from "./schema";

// Issue 26 item 1: a price override is a fact about one model. Revision 1 raises Claude Sonnet 5's
// output price to $30; revision 2 changes only latency and growth, which makes the engine price
// Gemini 3.8 Flash instead. The $30 must not price Gemini silently.
const revision1: AssessmentInput = {
  volume: { requestsPerDay: 50_000, inputTokensPerRequest: 1_500, outputTokensPerRequest: 400, monthlyGrowthPct: 2 },
  data: { sensitivity: "internal" },
  team: { mlOpsMaturity: "basic" },
  latency: { p95TargetMs: 3_000 },
  capability: { frontier: "helpful" },
  assumptions: { "api.outputUsdPerMTok": 30 },
  overrideModels: { api: "anthropic/claude-sonnet-5" },
};
const revision2: AssessmentInput = {
  ...revision1,
  volume: { ...revision1.volume, monthlyGrowthPct: 5 },
  latency: { p95TargetMs: 1_000 },
};
const { assumptions: _a, overrideModels: _m, ...unpriced2 } = revision2;

describe("price overrides are bound to the model they were set on", () => {
  it("applies the $30 to Claude Sonnet 5 in revision 1", () => {
    const e = evaluate(revision1);
    expect(e.comparison.apiModelId).toBe("anthropic/claude-sonnet-5");
    expect(e.priceOverrides).toEqual([
      expect.objectContaining({
        key: "api.outputUsdPerMTok",
        value: 30,
        setOn: "anthropic/claude-sonnet-5",
        applied: true,
      }),
    ]);
    expect(e.assumptions.find((r) => r.key === "api.outputUsdPerMTok")).toMatchObject({ value: 30, overridden: true });
  });

  it("holds it when revision 2's answers price Gemini 3.8 Flash, prices Gemini at list and says so", () => {
    const e = evaluate(revision2);
    expect(e.comparison.apiModelId).toBe("google/gemini-3.8-flash");
    const [o] = e.priceOverrides;
    expect(o).toMatchObject({
      key: "api.outputUsdPerMTok",
      value: 30,
      setOn: "anthropic/claude-sonnet-5",
      priced: "google/gemini-3.8-flash",
      applied: false,
      listValue: 3.75,
    });
    const row = e.assumptions.find((r) => r.key === "api.outputUsdPerMTok")!;
    expect(row).toMatchObject({ value: 3.75, overridden: false });
    // Priced exactly as if the override had never been entered.
    expect(e.costs.api.tcoUsd).toBe(evaluate(unpriced2).costs.api.tcoUsd);
    expect(e.reasons.find((r) => r.factor === "override")?.text).toBe(
      "Your output price of $30/M tokens was set for Claude Sonnet 5 (Anthropic); your answers now price Gemini 3.8 Flash (Google), at its list output price of $3.75/M tokens. Your figure is not applied to it unless you keep it for Gemini 3.8 Flash (Google).",
    );
  });

  it("keeping it for the new model rebinds it; an unbound override (v1/v1.1 callers) prices whatever model is priced", () => {
    const kept = evaluate({ ...revision2, overrideModels: { api: "google/gemini-3.8-flash" } });
    expect(kept.priceOverrides[0]).toMatchObject({ applied: true, setOn: "google/gemini-3.8-flash" });
    expect(kept.assumptions.find((r) => r.key === "api.outputUsdPerMTok")!.value).toBe(30);
    const { overrideModels: _x, ...unbound } = revision2;
    expect(evaluate(unbound).costs.api.tcoUsd).toBe(kept.costs.api.tcoUsd);
  });
});
