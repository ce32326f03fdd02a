import {
  CUSTOMIZATION_LABELS,
  FRONTIER_LABELS,
  GPU_SOURCE_LABELS,
  gpuLabel,
  LOCK_IN_LABELS,
  ML_OPS_LABELS,
  REGULATION_LABELS,
  SENSITIVITY_LABELS,
  TIME_TO_MARKET_LABELS,
} from "@/lib/engine/vocabulary";
import { catalog } from "@/lib/engine/catalog";
import { GPUS } from "@/lib/engine/schema";

// The questionnaire's words, all from the one vocabulary (lib/engine/vocabulary.ts).
export const LABELS = {
  sensitivity: SENSITIVITY_LABELS,
  regulations: REGULATION_LABELS,
  maturity: ML_OPS_LABELS,
  frontier: FRONTIER_LABELS,
  customization: CUSTOMIZATION_LABELS,
  ttm: TIME_TO_MARKET_LABELS,
  lockIn: LOCK_IN_LABELS,
  gpu: Object.fromEntries(GPUS.map((g) => [g, gpuLabel(g, catalog.gpus.gpus)])) as Record<string, string>,
  gpuSource: GPU_SOURCE_LABELS as Record<string, string>,
} as const;
