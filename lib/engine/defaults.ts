// The input's defaults in ONE place: the zod schema (lib/engine/schema.ts), the questionnaire's empty
// draft and its review all read these, so a default cannot differ between the form, the API and the
// summary a user checks before submitting. Names and values are fixed by the contract
// (docs/assessment-api-v1.md) and the engine README's "Input additions".
export const ASSESSMENT_DEFAULTS = {
  volume: { monthlyGrowthPct: 0, peakToAverage: 3, cachedInputShare: 0, batchShare: 0 },
  data: { regulations: [] as never[], mustStayInHouse: false, sensitiveShare: 1 },
  latency: { measure: "first-token" },
  capability: { customization: "prompting" },
  // gpuSource and gpuTerm have no default on purpose: unset lets the engine pick (owned servers when
  // offline or prompts must stay in house, else a GPU cloud on demand).
  deployment: { offline: false, gpu: "auto", openModel: "auto" },
  strategy: { timeToMarket: "quarter", lockInConcern: "medium", horizonMonths: 36 },
} as const;
