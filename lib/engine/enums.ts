// The input's enumerations (answer values): no zod here, so client code that only needs the list of
// choices (questionnaire steps, charts) does not download the schema library. schema.ts re-exports them.

export const OPTIONS = ["api", "hosted-open", "self-hosted", "hybrid"] as const;
export type Option = (typeof OPTIONS)[number];

/** The verdict's weighted factors, in scoring order (catalog.policy.weights has one weight for each, scores one row per answer of each but cost). */
export const FACTORS = [
  "cost",
  "team",
  "frontier",
  "sensitivity",
  "volume",
  "timeToMarket",
  "latency",
  "customization",
  "lockIn",
] as const;
export type FactorName = (typeof FACTORS)[number];
/** Answers of the two factors the engine derives rather than asks: the volume band and the latency class. */
export const VOLUME_BANDS = ["low", "medium", "high"] as const;
export const LATENCY_CLASSES = ["instant", "tight", "relaxed"] as const;

export const SENSITIVITIES = ["public", "internal", "confidential", "regulated"] as const;
export const REGULATIONS = ["hipaa", "gdpr", "pci", "soc2", "finra", "fedramp", "itar"] as const;
export const ML_OPS_MATURITIES = ["none", "basic", "experienced", "dedicated"] as const;
export const FRONTIER_NEEDS = ["required", "helpful", "unnecessary"] as const;
export const CUSTOMIZATIONS = ["none", "prompting", "fine-tuning", "full-control"] as const;
export const TIMES_TO_MARKET = ["weeks", "quarter", "flexible"] as const;
export const LOCK_IN_CONCERNS = ["low", "medium", "high"] as const;
export const GPU_SOURCES = ["gpu-cloud", "hyperscaler", "owned"] as const;
/** "auto" (the default): the engine picks the cheapest GPU that meets the latency target (capacity, catalog/gpus.json). */
export const GPUS = ["auto", "h100", "h200", "b200", "a100-80gb", "l40s", "mi300x"] as const;
/** "auto" (the default) or an id of catalog/open-models.json (a test keeps the two lists equal). */
export const OPEN_MODELS = [
  "auto",
  "llama-3.1-8b",
  "gpt-oss-20b",
  "llama-3.3-70b",
  "qwen3-32b",
  "gpt-oss-120b",
  "llama-4-maverick",
  "llama-4-scout",
  "qwen3-235b-a22b",
  "deepseek-v3.2",
  "kimi-k2",
] as const;
/**
 * What the p95 target times: the first token of a streamed response (default: what a user waits for in
 * chat, and what saved projects' targets were judged against — the engine compared them with an API's
 * network plus first token) or the whole response (voice, code completion, batch jobs: nothing is shown
 * before the last token).
 */
export const LATENCY_MEASURES = ["first-token", "full-response"] as const;
/** The most workloads one portfolio holds (lib/engine/portfolio/schema.ts's limit; a test keeps the two equal). */
export const MAX_WORKLOADS = 20;
