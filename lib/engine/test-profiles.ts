import type { AssessmentInput } from "./schema";

// Realistic company profiles from the seeds' guidance (shared/seeds/001, "Making your decision"),
// shared by the engine's table tests, the e2e journeys and the benchmarks.

const base: AssessmentInput = {
  volume: { requestsPerDay: 5_000, inputTokensPerRequest: 800, outputTokensPerRequest: 300 },
  data: { sensitivity: "internal" },
  team: { mlOpsMaturity: "basic" },
  latency: { p95TargetMs: 2_000 },
  capability: { frontier: "helpful" },
};

const make = (over: { [K in keyof AssessmentInput]?: Partial<NonNullable<AssessmentInput[K]>> }): AssessmentInput => ({
  volume: { ...base.volume, ...over.volume },
  data: { ...base.data, ...over.data },
  team: { ...base.team, ...over.team },
  latency: { ...base.latency, ...over.latency },
  capability: { ...base.capability, ...over.capability },
  deployment: { ...over.deployment },
  strategy: { ...over.strategy },
  ...(over.assumptions ? { assumptions: over.assumptions } : {}),
});

export const PROFILES = {
  earlyPrototype: make({
    volume: { requestsPerDay: 150, inputTokensPerRequest: 400, outputTokensPerRequest: 200, monthlyGrowthPct: 10 },
    team: { mlOpsMaturity: "none" },
    strategy: { timeToMarket: "weeks" },
  }),
  hospitalPatientData: make({
    volume: { requestsPerDay: 20_000, inputTokensPerRequest: 2_500, outputTokensPerRequest: 400, monthlyGrowthPct: 2 },
    data: { sensitivity: "regulated", regulations: ["hipaa"], mustStayInHouse: true },
    capability: { frontier: "helpful", customization: "fine-tuning" },
  }),
  airGapped: make({
    data: { sensitivity: "confidential", mustStayInHouse: true },
    team: { mlOpsMaturity: "experienced" },
    deployment: { offline: true },
    capability: { frontier: "unnecessary" },
  }),
  sub100msCodeCompletion: make({
    volume: { requestsPerDay: 400_000, inputTokensPerRequest: 1_500, outputTokensPerRequest: 60, peakToAverage: 4 },
    team: { mlOpsMaturity: "experienced" },
    latency: { p95TargetMs: 80 },
    capability: { frontier: "unnecessary" },
  }),
  frontierNoMlTeam: make({
    volume: { requestsPerDay: 30_000, inputTokensPerRequest: 3_000, outputTokensPerRequest: 800 },
    team: { mlOpsMaturity: "none" },
    capability: { frontier: "required" },
  }),
  lockInAverseNoMlOps: make({
    volume: { requestsPerDay: 50_000, inputTokensPerRequest: 1_200, outputTokensPerRequest: 400 },
    team: { mlOpsMaturity: "none" },
    capability: { frontier: "unnecessary" },
    strategy: { lockInConcern: "high" },
  }),
  veryHighVolumeDedicatedTeam: make({
    volume: { requestsPerDay: 5_000_000, inputTokensPerRequest: 1_000, outputTokensPerRequest: 300, monthlyGrowthPct: 3, peakToAverage: 2 },
    data: { sensitivity: "confidential" },
    team: { mlOpsMaturity: "dedicated" },
    capability: { frontier: "helpful", customization: "fine-tuning" },
    strategy: { timeToMarket: "flexible", lockInConcern: "high" },
  }),
  zeroVolume: make({ volume: { requestsPerDay: 0 }, team: { mlOpsMaturity: "none" } }),
  frontierButInHouse: make({
    data: { sensitivity: "confidential", mustStayInHouse: true },
    team: { mlOpsMaturity: "experienced" },
    capability: { frontier: "required" },
  }),
  inHouseMandateNoTeam: make({
    data: { sensitivity: "regulated", regulations: ["gdpr"], mustStayInHouse: true },
    team: { mlOpsMaturity: "none" },
  }),
  hipaaAllowedToLeave: make({
    volume: { requestsPerDay: 8_000, inputTokensPerRequest: 1_500, outputTokensPerRequest: 400 },
    data: { sensitivity: "regulated", regulations: ["hipaa"] },
    team: { mlOpsMaturity: "none" },
  }),
  itarDefenceSupplier: make({
    data: { sensitivity: "regulated", regulations: ["itar"] },
    team: { mlOpsMaturity: "experienced" },
    capability: { frontier: "unnecessary" },
  }),
  federalAgencyFedramp: make({
    data: { sensitivity: "regulated", regulations: ["fedramp"] },
    team: { mlOpsMaturity: "basic" },
    capability: { frontier: "required" },
  }),
  sensitiveSliceHybrid: make({
    volume: { requestsPerDay: 300_000, inputTokensPerRequest: 1_500, outputTokensPerRequest: 400, monthlyGrowthPct: 4 },
    data: { sensitivity: "confidential", mustStayInHouse: true, sensitiveShare: 0.3 },
    team: { mlOpsMaturity: "experienced" },
    capability: { frontier: "required" },
    strategy: { lockInConcern: "medium", timeToMarket: "quarter" },
  }),
  // ITAR data on 40% of traffic, allowed to leave in principle, but no API channel covers ITAR.
  itarSensitiveSlice: make({
    volume: { requestsPerDay: 200_000, inputTokensPerRequest: 1_000, outputTokensPerRequest: 300 },
    data: { sensitivity: "regulated", regulations: ["itar"], sensitiveShare: 0.4 },
    team: { mlOpsMaturity: "experienced" },
    capability: { frontier: "unnecessary" },
  }),
} satisfies Record<string, AssessmentInput>;
