import { describe, expect, it } from "vitest";
import { resolveModel } from "../model";
import { assessmentInputSchema } from "../schema";
import { catalog } from "./index";
import { hostedQuote } from "./market";

// Which open model the hosted option prices: the cheapest market median of the tier's open models that read the request.
describe("hosted open-weights pick", () => {
  const base = {
    data: { sensitivity: "internal" },
    team: { mlOpsMaturity: "experienced" },
    latency: { p95TargetMs: 5000 },
    capability: { frontier: "helpful" },
  };
  const open = (id: string) => catalog.openModels.models.find((m) => m.id === id)!;

  it("is the cheapest tier model by market median for a short prompt", () => {
    const m = resolveModel(
      assessmentInputSchema.parse({
        ...base,
        volume: { requestsPerDay: 5000, inputTokensPerRequest: 1000, outputTokensPerRequest: 300 },
      }),
      catalog,
    );
    const tier = catalog.openModels.models.filter(
      (o) => o.qualityTier === "mid" && catalog.hostedMarket.models.some((h) => h.id === o.id),
    );
    const perReq = (id: string) => {
      const p = hostedQuote(catalog, id, {
        data: { sensitivity: "internal", regulations: [], mustStayInHouse: false, sensitiveShare: 1 },
      }).price!;
      return p.inputUsdPerMTok * 1000 + p.outputUsdPerMTok * 300;
    };
    const cheapest = tier.map((o) => o.id).sort((a, b) => perReq(a) - perReq(b))[0]!;
    expect(m.hostedQuote.modelId).toBe(cheapest);
  });

  it("skips open models that cannot read a 200k-token request", () => {
    const m = resolveModel(
      assessmentInputSchema.parse({
        ...base,
        volume: { requestsPerDay: 1000, inputTokensPerRequest: 200_000, outputTokensPerRequest: 500 },
      }),
      catalog,
    );
    expect(open(m.hostedQuote.modelId).contextWindowTokens.value).toBeGreaterThanOrEqual(200_500);
  });
});
