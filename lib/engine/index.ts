// The decision engine's public surface (contract: docs/assessment-api-v1.md).
// Pure TypeScript: no I/O, no clock, no randomness. Runs in the browser, route handlers and the PDF.
export {
  assessmentInputSchema,
  volumeSchema,
  dataSchema,
  teamSchema,
  latencySchema,
  capabilitySchema,
  deploymentSchema,
  strategySchema,
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
  ASSUMPTION_KEYS,
  ASSUMPTION_BOUNDS,
} from "./schema";
export type {
  AssessmentInput,
  ParsedAssessmentInput,
  Option,
  AssumptionKey,
  Assumptions,
  Regulation,
  Gpu,
  GpuSource,
} from "./schema";
export { ASSESSMENT_DEFAULTS } from "./defaults";
export { evaluate, listAssumptions, REFERENCE_INPUT } from "./evaluate";
export type { Evaluation, VolumePoint } from "./evaluate";
export { catalog, catalogVersion } from "./catalog";
export type { Catalog } from "./catalog";
export { optionLabel, OPTION_LABELS } from "./rules";
export type { Reason, Conflict, RankedOption } from "./rules";
export type { OptionCost, Breakdown, HybridSplit } from "./economics";
export type { BreakEvenPoint, SensitivityRow } from "./break-even";
export type { AssumptionRow } from "./types";
export type { PriceOverride } from "./types";
export type { Headline, HeadlineSwing } from "./headline";
export type { Requirements, RequirementProbe, WaterfallStep } from "./requirements";
export { evaluateUncertainty, uncertaintyOfModel } from "./evaluate-uncertainty";
export type { Uncertainty, UncertaintyOptions, UncertaintyBands, Band } from "./evaluate-uncertainty";
export type { UncertaintySummary, OptionBand, Driver, UserRanges, UserRange, RangeKey } from "./uncertainty";
export { evaluatePortfolio, portfolioInputSchema, workloadSchema, isPortfolioShape, MAX_WORKLOADS } from "./portfolio";
export type {
  PortfolioInput,
  ParsedPortfolioInput,
  PortfolioEvaluation,
  PortfolioAlternative,
  PortfolioFleet,
  WorkloadPlacement,
} from "./portfolio";
