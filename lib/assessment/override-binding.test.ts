import { describe, expect, it } from "vitest";
import { assessmentInputSchema, evaluate } from "@/lib/engine";
import { dropHeld, editOverride, keepHeld, withOverrides, type OverrideState } from "./override-binding";

const answers = assessmentInputSchema.parse({
  volume: { requestsPerDay: 50_000, inputTokensPerRequest: 1_500, outputTokensPerRequest: 400, monthlyGrowthPct: 2 },
  data: { sensitivity: "internal" },
  team: { mlOpsMaturity: "basic" },
  latency: { p95TargetMs: 3_000 },
  capability: { frontier: "helpful" },
});
const fast = { ...answers, latency: { ...answers.latency, p95TargetMs: 1_000 } }; // prices Gemini 3.8 Flash
const empty: OverrideState = { assumptions: {}, overrideModels: {} };

describe("editing price overrides on the live result", () => {
  it("an edited price is bound to the model on screen; the model changing holds it; keep rebinds, drop removes", () => {
    const s1 = editOverride(empty, evaluate(answers), "api.outputUsdPerMTok", 30);
    expect(s1).toEqual({
      assumptions: { "api.outputUsdPerMTok": 30 },
      overrideModels: { api: "anthropic/claude-sonnet-5" },
    });
    const e2 = evaluate(withOverrides(fast, s1));
    expect(e2.priceOverrides[0]!.applied).toBe(false);
    const kept = keepHeld(s1, e2, "api");
    expect(kept.overrideModels.api).toBe("google/gemini-3.8-flash");
    expect(evaluate(withOverrides(fast, kept)).assumptions.find((r) => r.key === "api.outputUsdPerMTok")!.value).toBe(
      30,
    );
    const dropped = dropHeld(s1, e2, "api");
    expect(withOverrides(fast, dropped)).toEqual(fast);
  });

  it("editing one price of a model drops its siblings still held for another model", () => {
    const s1 = editOverride(
      editOverride(empty, evaluate(answers), "api.outputUsdPerMTok", 30),
      evaluate(answers),
      "api.inputUsdPerMTok",
      6,
    );
    const e2 = evaluate(withOverrides(fast, s1));
    const s2 = editOverride(s1, e2, "api.outputUsdPerMTok", 4);
    expect(s2).toEqual({
      assumptions: { "api.outputUsdPerMTok": 4 },
      overrideModels: { api: "google/gemini-3.8-flash" },
    });
  });
});
