import { formatUsd } from "../text";

// Portfolio words shared by the engine's reasons and the result page / PDF. No engine imports: the
// client bundle reads this file (components/portfolio) without pulling in the evaluation code.

export type AlternativeName = "all-api" | "all-hosted-open" | "all-self-hosted" | "all-hybrid" | "each-alone";

/** The alternatives in words. */
export const ALTERNATIVE_LABELS: Record<AlternativeName, string> = {
  "all-api": "Every workload on the proprietary API",
  "all-hosted-open": "Every workload on hosted open weights",
  "all-self-hosted": "Every workload on your own GPUs (pooled)",
  "all-hybrid": "Every workload split between your own GPUs (pooled) and an external API",
  "each-alone": "Every workload at its own verdict, nothing shared",
};

/** Amounts under half a cent are no amount: never "adds $0.00". */
export const EPS_USD = 0.005;

/** What a workload adds to the plan where it sits (plan with it minus plan without it), in words. */
export function marginalText(marginalTcoUsd: number, months: number): string {
  if (Math.abs(marginalTcoUsd) < EPS_USD) return `adds nothing to the plan's cost over ${months} months`;
  return marginalTcoUsd > 0
    ? `adds ${formatUsd(marginalTcoUsd)} over ${months} months`
    : `lowers the plan's cost by ${formatUsd(-marginalTcoUsd)} over ${months} months`;
}
