import type { z } from "zod";
import {
  assessmentInputSchema,
  capabilitySchema,
  dataSchema,
  deploymentSchema,
  latencySchema,
  strategySchema,
  teamSchema,
  volumeSchema,
  type AssessmentInput,
} from "@/lib/engine";

// The questionnaire's working copy of the answers, and per-step validation with the engine's own
// group schemas (one schema for form and server).

type PartialGroup<S extends z.ZodType> = Partial<z.input<S>>;
export type Draft = {
  volume: PartialGroup<typeof volumeSchema>;
  data: PartialGroup<typeof dataSchema>;
  team: PartialGroup<typeof teamSchema>;
  latency: PartialGroup<typeof latencySchema>;
  capability: PartialGroup<typeof capabilitySchema>;
  deployment: PartialGroup<typeof deploymentSchema>;
  strategy: PartialGroup<typeof strategySchema>;
  assumptions?: AssessmentInput["assumptions"];
};

export const emptyDraft = (): Draft => ({
  volume: { monthlyGrowthPct: 0, peakToAverage: 3, cachedInputShare: 0, batchShare: 0 },
  data: { regulations: [], mustStayInHouse: false, sensitiveShare: 1 },
  team: {},
  latency: {},
  capability: { customization: "prompting" },
  deployment: { offline: false, gpu: "h100", gpuSource: "gpu-cloud" },
  strategy: { timeToMarket: "quarter", lockInConcern: "medium", horizonMonths: 36 },
});

export const STEPS = [
  { id: "volume", title: "Volume and growth", schema: volumeSchema },
  { id: "data", title: "Data and regulations", schema: dataSchema },
  { id: "team", title: "Team", schema: teamSchema },
  { id: "latency", title: "Latency", schema: latencySchema },
  { id: "capability", title: "Quality and customization", schema: capabilitySchema },
  { id: "deployment", title: "Deployment", schema: deploymentSchema },
  { id: "strategy", title: "Strategy", schema: strategySchema },
  { id: "review", title: "Review", schema: null },
] as const;

export type StepId = (typeof STEPS)[number]["id"];
export type FieldErrors = Record<string, string>;

/** Errors for one step, keyed by dotted path (e.g. "volume.requestsPerDay"), first issue per field. */
export function validateStep(draft: Draft, step: StepId): FieldErrors {
  if (step === "review") return validateAll(draft);
  const def = STEPS.find((s) => s.id === step)!;
  const result = def.schema!.safeParse(draft[step]);
  const errors: FieldErrors = {};
  if (!result.success) {
    for (const issue of result.error.issues) {
      const path = [step, ...issue.path.map(String)].join(".");
      errors[path] ??= issue.message;
    }
  }
  return errors;
}

export function validateAll(draft: Draft): FieldErrors {
  const result = assessmentInputSchema.safeParse(toInput(draft));
  const errors: FieldErrors = {};
  if (!result.success) for (const i of result.error.issues) errors[i.path.map(String).join(".")] ??= i.message;
  return errors;
}

/** The first step with an error (to send the user back to it from the review). */
export function firstInvalidStep(draft: Draft): StepId | undefined {
  return STEPS.find((s) => s.id !== "review" && Object.keys(validateStep(draft, s.id)).length > 0)?.id;
}

export function toInput(draft: Draft): AssessmentInput {
  return { ...draft, ...(draft.assumptions ? { assumptions: draft.assumptions } : {}) } as AssessmentInput;
}

export function draftFromInput(input: AssessmentInput): Draft {
  const base = emptyDraft();
  return {
    volume: { ...base.volume, ...input.volume },
    data: { ...base.data, ...input.data },
    team: { ...input.team },
    latency: { ...input.latency },
    capability: { ...base.capability, ...input.capability },
    deployment: { ...base.deployment, ...input.deployment },
    strategy: { ...base.strategy, ...input.strategy },
    ...(input.assumptions ? { assumptions: input.assumptions } : {}),
  };
}
