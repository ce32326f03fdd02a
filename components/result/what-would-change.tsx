import type { Evaluation } from "@/lib/engine";
import { optionLabel } from "@/lib/engine/vocabulary";
import { formatUsd } from "@/lib/format";
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
        Each line moves one figure with everything else held, to the nearest point where {optionLabel(e.recommendation)}{" "}
        stops being the answer (re-evaluated just past it).
      </p>
      {items.length === 0 ? (
        <p className="mt-3 text-sm text-slate-800" data-testid="wwc-none">
          {optionLabel(e.recommendation)} holds across the plausible range of your volume, API prices and their decline,
          GPU rates, throughput, utilization, staff cost, growth and horizon.
        </p>
      ) : (
        <ul className="mt-3 space-y-2 text-sm">
          {items.map((w) => (
            <li key={w.assumption} className="flex gap-3" data-testid="wwc-item">
              <span className="mt-0.5 shrink-0 rounded bg-brand-50 px-1.5 py-0.5 text-xs font-semibold text-brand-800">
                {optionLabel(w.becomes)}
              </span>
              <span className="text-slate-800">{w.text}</span>
            </li>
          ))}
        </ul>
      )}
      <RequirementProbes evaluation={e} />
      {e.volumeHolds ? (
        <p className="mt-2 text-sm text-slate-800" data-testid="wwc-volume-holds">
          {e.volumeHolds.text}
        </p>
      ) : null}
    </ResultPanel>
  );
}

/**
 * Your own requirements, relaxed one at a time (what each costs you), and the waterfall from the cheapest
 * option with none of them to the verdict (v1.2 `requirements`; saved results from before it: nothing).
 */
function RequirementProbes({ evaluation: e }: { evaluation: Evaluation }) {
  const r = e.requirements;
  if (!r || (!r.probes.length && !r.waterfall)) return null;
  const w = r.waterfall;
  const bars = w
    ? [{ label: `None of your requirements (${optionLabel(w.start)})`, from: 0, to: w.startUsd, total: true }]
    : [];
  if (w) {
    let at = w.startUsd;
    for (const s of w.steps.filter((x) => Math.abs(x.addsUsd) >= 1)) {
      bars.push({ label: `+ ${s.label}`, from: at, to: at + s.addsUsd, total: false });
      at += s.addsUsd;
    }
    if (Math.abs(w.prioritiesUsd) >= 1)
      bars.push({ label: "+ your other priorities", from: at, to: at + w.prioritiesUsd, total: false });
    bars.push({ label: `= ${optionLabel(e.recommendation)}, your verdict`, from: 0, to: w.verdictTcoUsd, total: true });
  }
  const max = Math.max(1, ...bars.map((b) => Math.max(b.from, b.to)));
  return (
    <div className="mt-4 border-t border-slate-100 pt-3" data-testid="requirement-probes">
      <h3 className="text-sm font-semibold text-slate-900">What your own requirements cost</h3>
      {r.probes.length > 0 && (
        <ul className="mt-2 space-y-2 text-sm">
          {r.probes.map((p) => (
            <li key={p.requirement + p.to} className="flex gap-3" data-testid="requirement-probe">
              <span className="mt-0.5 shrink-0 rounded bg-amber-50 px-1.5 py-0.5 text-xs font-semibold text-amber-900">
                {optionLabel(p.becomes)}
              </span>
              <span className="text-slate-800">{p.text}</span>
            </li>
          ))}
        </ul>
      )}
      {w && (
        <figure className="mt-3" data-testid="constraint-waterfall">
          <figcaption className="text-xs text-slate-600">{w.text}</figcaption>
          <ul className="mt-2 space-y-1 text-xs tabular-nums">
            {bars.map((b) => (
              <li key={b.label} className="grid grid-cols-[12rem_1fr_5.5rem] items-center gap-2">
                <span className="truncate text-slate-700" title={b.label}>
                  {b.label}
                </span>
                <span className="relative block h-3 rounded bg-slate-50" aria-hidden="true">
                  <span
                    className={`absolute top-0 h-3 rounded ${b.total ? "bg-brand-600" : b.to >= b.from ? "bg-amber-500" : "bg-emerald-500"}`}
                    style={{
                      left: `${(Math.min(b.from, b.to) / max) * 100}%`,
                      width: `${Math.max(0.5, (Math.abs(b.to - b.from) / max) * 100)}%`,
                    }}
                  />
                </span>
                <span className="text-right text-slate-900">
                  {b.total ? formatUsd(b.to) : `${b.to >= b.from ? "+" : "−"}${formatUsd(Math.abs(b.to - b.from))}`}
                </span>
              </li>
            ))}
          </ul>
        </figure>
      )}
    </div>
  );
}
