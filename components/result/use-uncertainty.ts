"use client";

import { useEffect, useState } from "react";
import type { Evaluation, ParsedAssessmentInput, Uncertainty } from "@/lib/engine";

// The uncertainty on the live result page (issue 23): computed in the browser after the page has
// loaded and again after each edit settles, so it never delays the first paint nor a keystroke. The
// engine module is fetched on first use (the result page's initial JavaScript does not grow).

/** Draws on the page: the bench's budget figure (1,000 draws in < 150 ms in Chromium). */
export const PAGE_DRAWS = 1000;
/** Draws behind the charts' bands. */
export const PAGE_BAND_DRAWS = 100;
/** Wait after the last edit before drawing (edits in a burst draw once). */
const SETTLE_MS = 250;

let mod: Promise<typeof import("@/lib/engine/evaluate-uncertainty")> | undefined;
const load = () => (mod ??= import("@/lib/engine/evaluate-uncertainty"));

/** The uncertainty of `input` (whose evaluation is `evaluation`), or null until it is computed. */
export function useUncertainty(input: ParsedAssessmentInput, evaluation: Evaluation): Uncertainty | null {
  const [result, setResult] = useState<{ for: Evaluation; u: Uncertainty } | null>(null);
  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      void load().then(({ evaluateUncertainty }) => {
        if (!live) return;
        try {
          const u = evaluateUncertainty(input, undefined, {
            draws: PAGE_DRAWS,
            bands: { draws: PAGE_BAND_DRAWS, tokensPerDay: evaluation.volumeCurve.map((p) => p.tokensPerDay) },
          });
          if (live) setResult({ for: evaluation, u });
        } catch {
          // An input the engine refuses has no evaluation on screen either: nothing to show.
        }
      });
    }, SETTLE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [input, evaluation]);
  // A result for another evaluation (an edit since) is not shown beside this one.
  return result && result.for === evaluation && result.u.verdict === evaluation.recommendation ? result.u : null;
}

/** The evaluation with its uncertainty attached (what ResultView, the charts and the confidence read). */
export function withUncertainty(e: Evaluation, u: Uncertainty | null): Evaluation {
  return u ? { ...e, uncertainty: u } : e;
}
