import { describe, expect, it } from "vitest";
import { evaluate } from "@/lib/engine";
import { PROFILES } from "@/test/fixtures/profiles";
import { hybridCollapse, collapsedLabel } from "@/components/result/hybrid-collapse";
import { executiveSummary, overrideLines } from "./report-document";

describe("the PDF's executive summary", () => {
  // Issue 26 item 2: a hybrid whose cheapest split is hosting alone is not "ruled out by hard requirements".
  it("says a hybrid with no split is the pure option it equals, not a requirement", () => {
    const e = evaluate(PROFILES.lockInAverseNoMlOps);
    expect(hybridCollapse(e)).toBe("hosted-open");
    expect(collapsedLabel("hosted-open")).toBe("= Hosted (no split)");
    const text = executiveSummary(e);
    expect(text).not.toMatch(/Hybrid[^.]*ruled out by hard requirements/);
    expect(text).toContain("No hybrid split pays for itself here: the cheapest split is hosted open-weights alone.");
  });

  // Issue 26 item 1: the user's figures, with the model each prices, on the summary page.
  it("lists each price override with the model it was set on, held ones as not applied", () => {
    const input = {
      volume: {
        requestsPerDay: 50_000,
        inputTokensPerRequest: 1_500,
        outputTokensPerRequest: 400,
        monthlyGrowthPct: 5,
      },
      data: { sensitivity: "internal" },
      team: { mlOpsMaturity: "basic" },
      latency: { p95TargetMs: 1_000 },
      capability: { frontier: "helpful" },
      assumptions: { "api.outputUsdPerMTok": 30, "people.loadedEngineerUsdPerYear": 250_000 },
      overrideModels: { api: "anthropic/claude-sonnet-5" },
    } as const;
    expect(overrideLines(evaluate(input))).toEqual([
      "Your output price of $30/M tokens was set for Claude Sonnet 5 (Anthropic) and is not applied: Gemini 3.8 Flash (Google) is priced now, at its list $3.75.",
      expect.stringMatching(/^Your figures also replace: .*250,000 USD\/year \(catalog [\d,]+\)\.$/),
    ]);
  });
});

describe("the PDF summary's comparison (issue 26 item 3)", () => {
  it("compares the verdict with its closest usable rival, not self-hosting with the API", () => {
    const e = evaluate(PROFILES.itarDefenceSupplier);
    const text = executiveSummary(e);
    expect(text).toContain(e.headline.text.headline);
    expect(text).toContain(e.headline.text.volume);
    expect(text).not.toContain("self-hosting becomes cheaper than the proprietary API");
  });
});
