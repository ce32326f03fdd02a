import {
  CUSTOMIZATION_LABELS,
  FRONTIER_LABELS,
  GPU_SOURCE_LABELS,
  LOCK_IN_LABELS,
  ML_OPS_LABELS,
  REGULATION_LABELS,
  SENSITIVITY_LABELS,
  TIME_TO_MARKET_LABELS,
} from "@/lib/engine/vocabulary";

// The questionnaire's words, all from the one vocabulary (lib/engine/vocabulary.ts). GPU names are the
// catalog's: they come from the server with the form's facts (useFormFacts().gpuLabels).
export const LABELS = {
  sensitivity: SENSITIVITY_LABELS,
  regulations: REGULATION_LABELS,
  maturity: ML_OPS_LABELS,
  frontier: FRONTIER_LABELS,
  customization: CUSTOMIZATION_LABELS,
  ttm: TIME_TO_MARKET_LABELS,
  lockIn: LOCK_IN_LABELS,
  gpuSource: GPU_SOURCE_LABELS as Record<string, string>,
} as const;
