import type { Option } from "../schema";
import type { UncertaintySummary } from "./summary";

// The uncertainty's result types (contract v1.2), apart from the code that computes them so that
// evaluate.ts can name `Evaluation.uncertainty` without importing the Monte Carlo (no cycle).

export type Band = { p10: number[]; p90: number[] };
export type UncertaintyBands = {
  /** How many of the draws (evenly spaced through them) the bands are computed from. */
  draws: number;
  /** Cumulative cost by month (USD, month 1 first, setup included), per option. */
  cumulative: Record<Option, Band>;
  /** Steady monthly cost at each of `tokensPerDay` (the cost-vs-volume chart's points), per option; absent without points. */
  volume?: { tokensPerDay: number[] } & Record<Option, Band>;
};
export type Uncertainty = UncertaintySummary & {
  /**
   * The verdict's confidence grounded in the draws: the share in which it holds, less the policy's
   * penalty per conflict (catalog policy.confidence.conflictPenalty), within its min/max, to 2 decimals.
   */
  confidence: number;
  bands?: UncertaintyBands;
};
