import type { Evaluation } from "@/lib/engine";
import { optionLabel } from "@/lib/engine/vocabulary";

// What the confidence figure means, in words, from the engine's own outputs. Without draws the engine's
// confidence (rules/confidence.ts) is the verdict's lead on the weighted score over the runner-up,
// lowered for each requirement conflict: a margin, not a probability. When the Evaluation carries the
// uncertainty (contract v1.2, sampled assumptions), confidence is grounded in the draws and every place
// that shows it says so, with the share of draws in which the verdict holds.

export type ConfidenceBasis = {
  value: number;
  /** One sentence: what the figure is made of for this result. */
  text: string;
  /** The definition shown beside every confidence figure. */
  definition: string;
  /** Share of sampled futures in which the verdict holds, when the draws were run. */
  probability?: number;
};

export const CONFIDENCE_DEFINITION =
  "How clearly the recommendation leads the next usable option on the weighted score of every factor, minus a step for each requirement conflict. It is a margin, not a probability.";
export const SAMPLED_CONFIDENCE_DEFINITION =
  "The share of sampled futures (every uncertain figure drawn across its evidence range) in which the recommendation still wins, minus a step for each requirement conflict.";

export function confidenceBasis(e: Evaluation): ConfidenceBasis {
  const u = e.uncertainty;
  if (u)
    return {
      value: u.confidence,
      text: u.verdictText,
      definition: SAMPLED_CONFIDENCE_DEFINITION,
      probability: u.verdictHolds,
    };
  const feasible = e.ranking.filter((r) => !r.excluded);
  const [top, second] = feasible;
  const conflicts = e.conflicts.length;
  const lead =
    top && second
      ? `${optionLabel(top.option)} scores ${Math.round(top.score)} against ${Math.round(second.score)} for ${optionLabel(second.option)}`
      : top
        ? `${optionLabel(top.option)} is the only usable option`
        : "No option is usable";
  const text = `${lead}${conflicts ? `; ${conflicts} requirement conflict${conflicts > 1 ? "s" : ""} lower${conflicts > 1 ? "" : "s"} it` : ""}.`;
  return { value: e.confidence, text, definition: CONFIDENCE_DEFINITION };
}
