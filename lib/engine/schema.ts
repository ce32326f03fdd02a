import { z } from "zod";
import { ASSESSMENT_DEFAULTS } from "./defaults";
import { ECONOMICS_ASSUMPTION_BOUNDS, GPU_TERMS } from "./economics/bounds";
import {
  SENSITIVITIES,
  REGULATIONS,
  ML_OPS_MATURITIES,
  FRONTIER_NEEDS,
  CUSTOMIZATIONS,
  TIMES_TO_MARKET,
  LOCK_IN_CONCERNS,
  GPU_SOURCES,
  GPUS,
  OPEN_MODELS,
  LATENCY_MEASURES,
} from "./enums";

// The engine's input: names, units and defaults fixed by docs/assessment-api-v1.md.
// Optional additions (cachedInputShare, batchShare, sensitiveShare, gpu, gpuSource) have defaults,
// so a contract-only input is always complete. Groups whose fields all default may be omitted
// (`prefault` parses the empty object, so the inner defaults apply).

// The answer values live in enums.ts (zod-free); re-exported so the schema stays the one import.
export {
  OPTIONS,
  SENSITIVITIES,
  REGULATIONS,
  ML_OPS_MATURITIES,
  FRONTIER_NEEDS,
  CUSTOMIZATIONS,
  TIMES_TO_MARKET,
  LOCK_IN_CONCERNS,
  GPU_SOURCES,
  GPUS,
  OPEN_MODELS,
  LATENCY_MEASURES,
} from "./enums";
export type { Option } from "./enums";

export type Regulation = (typeof REGULATIONS)[number];
export type GpuSource = (typeof GPU_SOURCES)[number];
export type Gpu = (typeof GPUS)[number];

// Form-friendly messages: the same schema validates the questionnaire and the API.
const num = () => z.number({ error: "Enter a number" });
const share = num().min(0, "Must be 0% or more").max(1, "Must be 100% or less");

/**
 * Every figure the engine takes from the catalog, overridable per assessment. Flat keys, stable:
 * saved projects and URLs persist them. `min`/`max` bound what a user may enter.
 */
export const ASSUMPTION_BOUNDS = {
  "api.inputUsdPerMTok": { min: 0, max: 1000, unit: "USD / 1M tokens" },
  "api.cachedInputUsdPerMTok": { min: 0, max: 1000, unit: "USD / 1M tokens" },
  "api.outputUsdPerMTok": { min: 0, max: 1000, unit: "USD / 1M tokens" },
  "api.batchDiscount": { min: 0, max: 1, unit: "share off list price" },
  "hostedOpen.inputUsdPerMTok": { min: 0, max: 1000, unit: "USD / 1M tokens" },
  "hostedOpen.outputUsdPerMTok": { min: 0, max: 1000, unit: "USD / 1M tokens" },
  "gpu.usdPerHour": { min: 0.01, max: 1000, unit: "USD / GPU-hour" },
  "selfHosted.tokensPerSecondPerReplica": { min: 1, max: 10_000_000, unit: "tokens/s per replica" },
  "selfHosted.gpusPerReplica": { min: 1, max: 64, unit: "GPUs per replica" },
  "selfHosted.targetUtilization": { min: 0.05, max: 1, unit: "share" },
  "selfHosted.minReplicas": { min: 1, max: 64, unit: "replicas" },
  "people.loadedEngineerUsdPerYear": { min: 0, max: 5_000_000, unit: "USD/year" },
  "people.fte": { min: 0, max: 100, unit: "FTE" },
  "people.setupEngineerMonths": { min: 0, max: 240, unit: "engineer-months" },
  "overheads.toolingUsdPerMonth": { min: 0, max: 10_000_000, unit: "USD/month" },
  "overheads.storageNetworkShareOfGpu": { min: 0, max: 5, unit: "share of GPU cost" },
  "latency.apiRoundTripMs": { min: 1, max: 60_000, unit: "ms" },
  "hybrid.frontierRoutedShare": { min: 0, max: 1, unit: "share of traffic" },
  ...ECONOMICS_ASSUMPTION_BOUNDS,
} as const;

export type AssumptionKey = keyof typeof ASSUMPTION_BOUNDS;
export const ASSUMPTION_KEYS = Object.keys(ASSUMPTION_BOUNDS) as AssumptionKey[];

const assumptionsSchema = z
  .strictObject(
    Object.fromEntries(
      ASSUMPTION_KEYS.map((k) => [
        k,
        z.number().min(ASSUMPTION_BOUNDS[k].min).max(ASSUMPTION_BOUNDS[k].max).optional(),
      ]),
    ) as { [K in AssumptionKey]: z.ZodOptional<z.ZodNumber> },
  )
  .describe("Overrides of catalog figures; unknown keys are rejected.");

export const volumeSchema = z.object({
  requestsPerDay: num()
    .min(0, "Must be 0 or more")
    .max(1e10, "That is more than 10 billion calls a day")
    .describe("average LLM calls per day today"),
  inputTokensPerRequest: num()
    .min(0, "Must be 0 or more")
    .max(2_000_000, "No model takes prompts over 2M tokens")
    .describe("prompt tokens per call"),
  outputTokensPerRequest: num()
    .min(0, "Must be 0 or more")
    .max(200_000, "No model writes over 200k tokens per call")
    .describe("completion tokens per call"),
  monthlyGrowthPct: num()
    .min(0, "Must be 0 or more")
    .max(100, "At most 100% a month")
    .default(ASSESSMENT_DEFAULTS.volume.monthlyGrowthPct)
    .describe("compound growth of volume per month, %"),
  peakToAverage: num()
    .min(1, "Peak is at least the average (1)")
    .max(100, "At most 100")
    .default(ASSESSMENT_DEFAULTS.volume.peakToAverage)
    .describe("peak traffic ÷ average traffic"),
  cachedInputShare: share
    .default(ASSESSMENT_DEFAULTS.volume.cachedInputShare)
    .describe("share of input tokens served from a prompt cache"),
  batchShare: share
    .default(ASSESSMENT_DEFAULTS.volume.batchShare)
    .describe("share of traffic with no latency target: discounted on batch APIs, run flat off-peak on own GPUs"),
});

export const dataSchema = z.object({
  sensitivity: z
    .enum(SENSITIVITIES, { error: "Choose the most sensitive data" })
    .describe("most sensitive data the prompts carry"),
  regulations: z
    .array(z.enum(REGULATIONS))
    .default(() => [...ASSESSMENT_DEFAULTS.data.regulations])
    .describe("regimes that apply"),
  mustStayInHouse: z
    .boolean()
    .default(ASSESSMENT_DEFAULTS.data.mustStayInHouse)
    .describe("prompts may not leave infrastructure the company controls"),
  sensitiveShare: share
    .default(ASSESSMENT_DEFAULTS.data.sensitiveShare)
    .describe("share of traffic that carries the sensitive data (for a hybrid split)"),
});

export const teamSchema = z.object({
  mlOpsMaturity: z.enum(ML_OPS_MATURITIES, { error: "Choose your team's experience" }),
});
export const latencySchema = z.object({
  p95TargetMs: num()
    .positive("Must be more than 0 ms")
    .max(600_000, "At most 10 minutes")
    .describe("end-to-end p95, ms"),
  measure: z
    .enum(LATENCY_MEASURES)
    .default(ASSESSMENT_DEFAULTS.latency.measure)
    .describe("what the p95 target times: the first token of a streamed response (default) or the full response"),
});
export const capabilitySchema = z.object({
  frontier: z.enum(FRONTIER_NEEDS, { error: "Choose how much quality matters" }),
  customization: z.enum(CUSTOMIZATIONS).default(ASSESSMENT_DEFAULTS.capability.customization),
  apiModel: z
    .string()
    .regex(/^[a-z0-9-]+\/[a-z0-9.-]+$/, "Use a model id of the catalog, e.g. openai/gpt-6-sol")
    .optional()
    .describe(
      "proprietary model to price (an id of the catalog's apiModels, e.g. anthropic/claude-sonnet-5); unset = the tier default; an id the catalog no longer has falls back to the default",
    ),
});
export const deploymentSchema = z.object({
  offline: z.boolean().default(ASSESSMENT_DEFAULTS.deployment.offline).describe("must run with no internet"),
  gpu: z
    .enum(GPUS)
    .default(ASSESSMENT_DEFAULTS.deployment.gpu)
    .describe("GPU for self-hosting; auto = the cheapest that meets the latency target"),
  openModel: z
    .enum(OPEN_MODELS)
    .default(ASSESSMENT_DEFAULTS.deployment.openModel)
    .describe("open-weights model to self-host; auto = the cheapest of the quality tier that meets the latency target"),
  gpuSource: z
    .enum(GPU_SOURCES)
    .optional()
    .describe(
      "where self-hosted GPUs come from; unset: owned servers in a colocation hall when offline or prompts must stay in house, else a GPU cloud",
    ),
  gpuTerm: z.enum(GPU_TERMS).optional().describe("rented GPUs: on-demand (default), 1- or 3-year committed"),
});
export const strategySchema = z.object({
  timeToMarket: z.enum(TIMES_TO_MARKET).default(ASSESSMENT_DEFAULTS.strategy.timeToMarket),
  lockInConcern: z.enum(LOCK_IN_CONCERNS).default(ASSESSMENT_DEFAULTS.strategy.lockInConcern),
  horizonMonths: num()
    .int("Whole months")
    .min(6, "At least 6 months")
    .max(60, "At most 60 months")
    .default(ASSESSMENT_DEFAULTS.strategy.horizonMonths),
});

/**
 * v1.2: the model each group of price overrides was entered for (`api.*UsdPerMTok` on the proprietary
 * model, `hostedOpen.*UsdPerMTok` on the hosted open model). A price is a fact about one model: when the
 * answers make the engine price another one, the override is held (not applied) and reported in
 * `priceOverrides`, so a figure never silently prices a model it was not set on. Unset: applies to
 * whichever model is priced (v1/v1.1 behaviour).
 */
export const overrideModelsSchema = z
  .strictObject({
    api: z
      .string()
      .regex(/^[a-z0-9-]+\/[a-z0-9.-]+$/, "Use a model id of the catalog")
      .optional()
      .describe("id of catalog.apiModels the api.* price overrides were set on"),
    hostedOpen: z
      .string()
      .min(1)
      .max(100)
      .optional()
      .describe("id of the open model (catalog/open-models.json) the hostedOpen.* price overrides were set on"),
  })
  .describe("v1.2: the model each group of price overrides was set on");

export const assessmentInputSchema = z.object({
  volume: volumeSchema,
  data: dataSchema,
  team: teamSchema,
  latency: latencySchema,
  capability: capabilitySchema,
  deployment: deploymentSchema.prefault({}),
  strategy: strategySchema.prefault({}),
  assumptions: assumptionsSchema.optional(),
  overrideModels: overrideModelsSchema.optional(),
});

/** What callers may pass (defaults optional). */
export type AssessmentInput = z.input<typeof assessmentInputSchema>;
/** After parsing: every default applied. */
export type ParsedAssessmentInput = z.output<typeof assessmentInputSchema>;
export type Assumptions = NonNullable<ParsedAssessmentInput["assumptions"]>;
