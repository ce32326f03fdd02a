import type { Evaluation, Option } from "@/lib/engine";
import { OPTION_SHORT_LABELS } from "@/lib/engine/vocabulary";

// One definition of the hybrid on every surface: when no split pays, the engine's hybrid IS a pure
// option (costs.hybrid = that option's cost, split.pure names it). Table, charts and PDF then say
// "= Hosted (no split)" greyed instead of drawing or pricing the hybrid as if it were a fourth choice.

/** The pure option the hybrid collapses to, or null when a split pays. */
export function hybridCollapse(e: Evaluation): Exclude<Option, "hybrid"> | null {
  const p = e.costs.hybrid.split?.pure;
  return p && p !== "hybrid" ? p : null;
}

/** "= Hosted (no split)". */
export const collapsedLabel = (o: Option) => `= ${OPTION_SHORT_LABELS[o]} (no split)`;

/** The grey the collapsed hybrid is drawn in. */
export const COLLAPSED_COLOR = "#94a3b8";
