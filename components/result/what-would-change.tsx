import type { Evaluation } from "@/lib/engine";
import { optionLabel } from "@/lib/engine/vocabulary";
import { ResultPanel } from "./panel";

// What would change the verdict (contract v1.1 `whatWouldChange`): for the volume and each figure
// that matters, the nearest value inside its plausible range at which the verdict flips, found by
// bisection on the verdict and confirmed by re-evaluation. Replaces the break-even tornado, which
// was empty ("never → never") wherever self-hosting never breaks even. One component for the result
// page and the PDF report.

export function WhatWouldChange({ evaluation: e, compact = false }: { evaluation: Evaluation; compact?: boolean }) {
  const items = e.whatWouldChange ?? [];
  return (
    <ResultPanel id="wwc-heading" title="What would change the verdict" testId="what-would-change" compact={compact}>
      <p className="mt-1 text-xs text-slate-500">
        Each line moves one figure with everything else held, to the nearest point where {optionLabel(e.recommendation)} stops being the answer (re-evaluated just past it).
      </p>
      {items.length === 0 ? (
        <p className="mt-3 text-sm text-slate-800" data-testid="wwc-none">
          {optionLabel(e.recommendation)} holds across the plausible range of your volume, API prices and their decline, GPU rates, throughput, utilization, staff cost, growth and horizon.
        </p>
      ) : (
        <ul className="mt-3 space-y-2 text-sm">
          {items.map((w) => (
            <li key={w.assumption} className="flex gap-3" data-testid="wwc-item">
              <span className="mt-0.5 shrink-0 rounded bg-brand-50 px-1.5 py-0.5 text-xs font-semibold text-brand-800">{optionLabel(w.becomes)}</span>
              <span className="text-slate-800">{w.text}</span>
            </li>
          ))}
        </ul>
      )}
      {e.volumeHolds ? (
        <p className="mt-2 text-sm text-slate-800" data-testid="wwc-volume-holds">
          {e.volumeHolds.text}
        </p>
      ) : null}
    </ResultPanel>
  );
}
