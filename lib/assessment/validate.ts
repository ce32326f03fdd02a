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
} from "@/lib/engine/schema";
import { portfolioInputSchema } from "@/lib/engine/portfolio/schema";
import {
  isPortfolio,
  isWorkloadStep,
  locateIssue,
  STEPS,
  toInput,
  toPortfolioInput,
  type CompanyGroup,
  type Draft,
  type FieldErrors,
  type StepId,
} from "./draft";

// The questionnaire's validation with the engine's own schemas (zod). The form imports this module
// on its first "Next" or submit (`await import(...)`), so its first load does not download zod.

/** Counts the form takes as whole numbers (the engine accepts averages; a person types counts). */
const WHOLE_NUMBER_FIELDS: Record<string, string> = {
  requestsPerDay: "Whole requests per day",
  inputTokensPerRequest: "Whole tokens per request",
  outputTokensPerRequest: "Whole tokens per request",
};

/** The unit a bare bound in a message is in ("At most 100" → "At most 100× the average"). */
const FIELD_UNITS: Record<string, string> = {
  "volume.requestsPerDay": "requests a day",
  "volume.inputTokensPerRequest": "tokens",
  "volume.outputTokensPerRequest": "tokens",
  "volume.peakToAverage": "× the average",
  "latency.p95TargetMs": "ms",
  "strategy.horizonMonths": "months",
};

/** A schema message with the field's unit when it ends on a bare number. */
export function withUnit(path: string, message: string): string {
  const field = path.replace(/^workloads\.\d+\./, "");
  const unit = FIELD_UNITS[field];
  return unit && /\d$/.test(message) ? `${message}${unit.startsWith("×") ? "" : " "}${unit}` : message;
}

const SCHEMAS = {
  volume: volumeSchema,
  data: dataSchema,
  team: teamSchema,
  latency: latencySchema,
  capability: capabilitySchema,
  deployment: deploymentSchema,
  strategy: strategySchema,
} as const;

/** Errors for one step (of the active workload), keyed by dotted path (e.g. "volume.requestsPerDay"), first issue per field. */
export function validateStep(draft: Draft, step: StepId, workload = draft.active): FieldErrors {
  if (step === "review") return validateAll(draft);
  const value = isWorkloadStep(step) ? draft.workloads[workload]![step] : draft[step as CompanyGroup];
  const result = (SCHEMAS[step] as z.ZodType).safeParse(value);
  const errors: FieldErrors = {};
  if (!result.success) {
    for (const issue of result.error.issues) {
      const path = [step, ...issue.path.map(String)].join(".");
      errors[path] ??= withUnit(path, issue.message);
    }
  }
  if (step === "volume") {
    for (const [field, message] of Object.entries(WHOLE_NUMBER_FIELDS)) {
      const v = (value as Record<string, unknown>)[field];
      if (typeof v === "number" && Number.isFinite(v) && !Number.isInteger(v)) errors[`volume.${field}`] ??= message;
    }
  }
  return errors;
}

/** Every error of the whole input, keyed by the API's issue path (`workloads.2.latency.p95TargetMs` for a portfolio). */
export function validateAll(draft: Draft): FieldErrors {
  const result = isPortfolio(draft)
    ? portfolioInputSchema.safeParse(toPortfolioInput(draft))
    : assessmentInputSchema.safeParse(toInput(draft));
  const errors: FieldErrors = {};
  if (!result.success)
    for (const i of result.error.issues)
      errors[i.path.map(String).join(".")] ??= withUnit(i.path.map(String).join("."), i.message);
  return errors;
}

/** The first step (and workload) with an error, to send the user back to it from the review. */
export function firstInvalid(draft: Draft): { step: StepId; workload: number } | undefined {
  for (const s of STEPS) {
    if (s.id === "review") continue;
    if (s.scope === "workload") {
      for (let w = 0; w < draft.workloads.length; w++)
        if (Object.keys(validateStep(draft, s.id, w)).length) return { step: s.id, workload: w };
    } else if (Object.keys(validateStep(draft, s.id)).length) return { step: s.id, workload: draft.active };
  }
  if (isPortfolio(draft)) {
    // Names and ids are not any step's group: a duplicate id or an empty name is shown on the volume step.
    const bad = Object.keys(validateAll(draft))
      .map(locateIssue)
      .find((l) => l?.workload !== undefined);
    if (bad) return { step: bad.step, workload: bad.workload! };
  }
  return undefined;
}

/** The first step with an error in the active workload or the company answers. */
export function firstInvalidStep(draft: Draft): StepId | undefined {
  return firstInvalid(draft)?.step;
}
