// Compatibility shim: the cost model moved to lib/engine/economics (issue #11). New code imports from
// "./economics". `hybridSplit`/`inHousePeak` keep the old rule-based split ONLY for the portfolio
// adapter until it prices shared fleets with economics' selfHostedFleetCost (see the board).
import { capacityPeak, hybridConstraints } from "./economics";
import type { Model } from "./model";

export * from "./economics";

/** @deprecated rule-based split (base-load spill (r−1)/(2r)); evaluate() uses the optimised hybrid in economics/costs.ts. */
export function hybridSplit(m: Model): { mode: "sensitive-in-house" | "frontier-routing" | "base-load"; selfHostedShare: number; external: "api" } {
  const { sMin, eMin, mode } = hybridConstraints(m);
  if (mode === "sensitive-in-house") return { mode, selfHostedShare: sMin, external: "api" };
  if (mode === "frontier-routing") return { mode, selfHostedShare: 1 - eMin, external: "api" };
  const r = capacityPeak(m);
  return { mode, selfHostedShare: 1 - (r - 1) / (2 * r), external: "api" };
}

/** @deprecated see hybridSplit. */
export function inHousePeak(m: Model, split: { mode: string; selfHostedShare: number }): number {
  return split.mode === "base-load" ? 1 / Math.max(split.selfHostedShare, 1e-9) : capacityPeak(m);
}
