import type { ParsedAssessmentInput } from "./schema";

// Time and volume units: a leaf module (no runtime imports) any engine module or UI component may import.

export const HOURS_PER_MONTH = 8760 / 12;
export const DAYS_PER_MONTH = 365 / 12;
export const SECONDS_PER_DAY = 86_400;

/** Tokens per day (contract: requests per day × (input + output tokens per request)); the one formula. */
export function tokensPerDayOfVolume(
  v: Pick<ParsedAssessmentInput["volume"], "requestsPerDay" | "inputTokensPerRequest" | "outputTokensPerRequest">,
): number {
  return v.requestsPerDay * (v.inputTokensPerRequest + v.outputTokensPerRequest);
}

/**
 * Peak ÷ average load the GPUs must carry. Batch traffic (volume.batchShare) has no latency target, so it is
 * scheduled flat at its average instead of peaking with interactive traffic:
 * peak = ((1 − batch) × peakToAverage + batch) × average. The one formula (sizing, costs, capacity, portfolio fleets).
 */
export function capacityPeakFactor(peakToAverage: number, batchShare: number): number {
  return (1 - batchShare) * peakToAverage + batchShare;
}
