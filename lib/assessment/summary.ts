import type { Evaluation, Option } from "@/lib/engine";
import { optionLabel } from "@/lib/engine/vocabulary";
import { hybridCollapse } from "@/components/result/hybrid-collapse";

// What the one-screen summary says above the details: the main risk and the main lever, picked from the
// Evaluation's own texts (conflicts, latency, premium, what-would-change). No number is computed here.

export type SummaryLine = { kind: string; text: string; detail?: string };

/** The one thing most likely to make the verdict wrong, in the order a CTO should worry about it. */
export function mainRisk(e: Evaluation): SummaryLine {
  const conflict = e.conflicts[0];
  if (conflict) return { kind: "conflict", text: conflict.text, detail: `What to do: ${conflict.advice}` };
  if (e.latencyMiss) return { kind: "latency", text: e.latencyMiss.text };
  const premium = e.costPremiumUsd > 0 ? e.reasons.find((r) => r.factor === "premium") : undefined;
  if (premium) return { kind: "premium", text: premium.text };
  const flip = e.whatWouldChange?.[0];
  if (flip) return { kind: "flip", text: `The answer turns at one figure: ${flip.text}` };
  return { kind: "none", text: "No requirement conflict, no latency miss and no cheaper usable option." };
}

/** The figure whose nearest change flips the verdict (the engine sorts whatWouldChange nearest first). */
export function mainLever(e: Evaluation): SummaryLine & { becomes?: Option } {
  const flip = e.whatWouldChange?.[0];
  if (flip) return { kind: "flip", text: flip.text, becomes: flip.becomes };
  return {
    kind: "holds",
    text: `${optionLabel(e.recommendation)} holds across the plausible range of every figure tested: no single change flips it.`,
  };
}

/** The summary's cost bar: each option's horizon TCO, its state, and what a Hybrid that does not split equals. */
export function tcoBars(e: Evaluation) {
  const max = Math.max(...e.ranking.map((r) => e.costs[r.option].tcoUsd), 1);
  const collapsed = hybridCollapse(e);
  return e.ranking.map((r) => {
    return {
      option: r.option,
      tcoUsd: e.costs[r.option].tcoUsd,
      share: e.costs[r.option].tcoUsd / max,
      recommended: r.option === e.recommendation,
      excluded: r.excluded,
      /** A Hybrid whose best split keeps everything on one side is that option, said so and greyed. */
      equals: r.option === "hybrid" ? collapsed : null,
    };
  });
}
