"use client";

import { useEffect, useState } from "react";
import type { Evaluation } from "@/lib/engine";
import { optionLabel } from "@/lib/engine/vocabulary";
import { formatUsd } from "@/lib/format";

// Once the verdict card has scrolled away (editing assumptions far below it), a bar at the top keeps
// the verdict and what the edits changed in sight: the verdict before and now, and the TCO delta.

export function StickySummary({
  initial,
  evaluation: e,
  invalid,
  failed,
  edited,
}: {
  initial: Evaluation;
  evaluation: Evaluation;
  invalid: number;
  failed?: string;
  edited: number;
}) {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    const card = document.querySelector("[data-testid=result-summary]");
    if (!card) return;
    const io = new IntersectionObserver(([entry]) => setShown(!entry!.isIntersecting));
    io.observe(card);
    return () => io.disconnect();
  }, []);
  const tco = e.costs[e.recommendation].tcoUsd;
  const before = initial.costs[e.recommendation].tcoUsd;
  const delta = tco - before;
  const changed = initial.recommendation !== e.recommendation;
  return (
    <div
      role="status"
      aria-hidden={!shown}
      data-testid="sticky-summary"
      data-shown={shown}
      className={`fixed inset-x-0 top-0 z-30 border-b border-brand-800 bg-brand-900/95 text-white shadow-md backdrop-blur transition-transform print:hidden ${shown ? "translate-y-0" : "-translate-y-full"}`}
    >
      <div className="mx-auto flex max-w-6xl flex-wrap items-baseline gap-x-4 gap-y-1 px-4 py-2 text-sm sm:px-6">
        <span className="font-semibold" data-testid="sticky-verdict">
          {e.recommendationLabel}
        </span>
        {changed && (
          <span className="rounded bg-amber-300 px-1.5 text-xs font-semibold text-amber-950">
            was {optionLabel(initial.recommendation)}
          </span>
        )}
        <span className="tabular-nums text-slate-200">
          {formatUsd(tco)} over {e.horizonMonths} months
        </span>
        {edited > 0 && delta !== 0 && (
          <span className="tabular-nums text-slate-200" data-testid="sticky-delta">
            {delta > 0 ? "+" : "−"}
            {formatUsd(Math.abs(delta))} vs the figures you started with
          </span>
        )}
        {(invalid > 0 || failed) && (
          <span className="font-medium text-amber-300" data-testid="sticky-invalid">
            {invalid > 0
              ? `${invalid} figure${invalid > 1 ? "s" : ""} to fix: the numbers shown are for the last valid value`
              : "These figures could not be evaluated: the numbers shown are for the last valid value"}
          </span>
        )}
      </div>
    </div>
  );
}
