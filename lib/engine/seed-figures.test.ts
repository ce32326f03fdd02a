import { describe, expect, it } from "vitest";
import { catalog } from "./catalog";
import { pricePerRequest } from "./economics";
import { evaluate } from "./evaluate";
import { resolveModel } from "./model";
import { assessmentInputSchema, type AssessmentInput } from "./schema";

// The seeds' own figures (shared/seeds/001) as checks on the catalog and the cost model.

describe("seed figures", () => {
  // "A minimal internal deployment easily runs $125,000 to $190,000 per year": a small open model
  // on rented H100s run by a team that already operates GPUs (research §2.5: 0.5–0.75 FTE + one GPU).
  const minimal: AssessmentInput = {
    volume: { requestsPerDay: 2_000, inputTokensPerRequest: 500, outputTokensPerRequest: 200 },
    data: { sensitivity: "confidential", mustStayInHouse: true },
    team: { mlOpsMaturity: "dedicated" },
    latency: { p95TargetMs: 2_000 },
    capability: { frontier: "unnecessary" },
    strategy: { horizonMonths: 12 },
  };

  // The seed's conditions (research §2.5): one rented GPU, no redundancy, no 24×7 on-call, after set-up.
  it("a minimal self-hosted year lands within $125k–$190k on the seed's conditions", () => {
    const e = evaluate({
      ...minimal,
      deployment: { gpuSource: "gpu-cloud" },
      assumptions: { "selfHosted.minReplicas": 1, "people.onCallFte": 0 },
    });
    const year = e.costs["self-hosted"].tcoUsd - e.costs["self-hosted"].setupUsd;
    expect(year).toBeGreaterThanOrEqual(125_000);
    expect(year).toBeLessThanOrEqual(190_000);
  });

  it("a production year (two replicas, on-call) costs more than the seed's minimal range, as research §2.5 says", () => {
    const e = evaluate({ ...minimal, deployment: { gpuSource: "gpu-cloud" } });
    expect(e.costs["self-hosted"].tcoUsd - e.costs["self-hosted"].setupUsd).toBeGreaterThan(190_000);
  });

  // "Open-source models on hosted infrastructure typically cost 50 to 80% less than equivalent proprietary options."
  // Blended at the research notes' 3:1 input:output ratio (§3.1), the engine's own pairing: the tier-default API model
  // against the hosted median of the tier's open model. The seed's lower bound holds; its 80% ceiling is from the 2024
  // market: in the 2026-12-01 catalog the saving is ~95% (mid: Claude Sonnet 5 at $4.00 vs Qwen3 32B at $0.21 per 1M
  // blended, median of 6 hosts) and ~88% (small: Gemini 3.5 Flash-Lite $0.85 vs gpt-oss-20b $0.10), so it is not asserted.
  it.each([["helpful"], ["unnecessary"]] as const)(
    "hosted open-weights are at least 50%% cheaper per token than the API (frontier %s)",
    (frontier) => {
      const m = resolveModel(
        assessmentInputSchema.parse({ ...minimal, data: { sensitivity: "internal" }, capability: { frontier } }),
        catalog,
      );
      const apiPerM = pricePerRequest(m.apiPrice, 750_000, 250_000, 0);
      const hostedPerM = pricePerRequest(m.hostedPrice, 750_000, 250_000, 0);
      expect(1 - hostedPerM / apiPerM).toBeGreaterThanOrEqual(0.5);
    },
  );

  it("volume bands match the seed: under 100k tokens/day favours APIs, over 10M favours self-hosting where the costs agree", () => {
    const run = (requestsPerDay: number) =>
      evaluate({
        ...minimal,
        data: { sensitivity: "internal" },
        team: { mlOpsMaturity: "dedicated" },
        volume: { ...minimal.volume, requestsPerDay },
      });
    const volume = (e: ReturnType<typeof run>) => e.reasons.find((r) => r.factor === "volume")!;
    expect(volume(run(100)).favours).toBe("api"); // 70k tokens/day
    // Over 10M tokens/day the seed's band is stated; it favours self-hosting where self-hosting is the cheaper of the two…
    const high = run(2_000_000); // 1.4B tokens/day
    expect(high.costs["self-hosted"].tcoUsd).toBeLessThan(high.costs.api.tcoUsd);
    expect(volume(high).text).toContain("above 10M a day");
    expect(volume(high).favours).toBe("self-hosted");
    // …and weighs as the gray zone where this evaluation's own costs say self-hosting is dearer.
    const dearer = run(20_000); // 14M tokens/day
    expect(dearer.costs["self-hosted"].tcoUsd).toBeGreaterThan(dearer.costs.api.tcoUsd);
    expect(volume(dearer).text).toContain("above 10M a day");
    expect(volume(dearer).favours).not.toBe("self-hosted");
  });
});
