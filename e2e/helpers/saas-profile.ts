import type { AssessmentInput } from "@/lib/engine/schema";

/** A 2M-requests-a-day SaaS with a dedicated ML team that fine-tunes: the result journeys' shared profile. */
export const SAAS_FINE_TUNING: AssessmentInput = {
  volume: {
    requestsPerDay: 2_000_000,
    inputTokensPerRequest: 1_000,
    outputTokensPerRequest: 300,
    monthlyGrowthPct: 3,
    peakToAverage: 2,
  },
  data: { sensitivity: "confidential" },
  team: { mlOpsMaturity: "dedicated" },
  latency: { p95TargetMs: 2_000 },
  capability: { frontier: "helpful", customization: "fine-tuning" },
  strategy: { timeToMarket: "flexible", lockInConcern: "high" },
};
