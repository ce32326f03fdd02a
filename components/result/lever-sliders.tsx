"use client";

import type { AssumptionKey, Evaluation } from "@/lib/engine";
import { leverRange, topLevers } from "@/lib/assessment/levers";
import { formatNumber, unitFor } from "@/lib/format";

// The five figures that move the answer most, as sliders over their evidence range, beside the charts:
// drag one and the verdict, the summary bar and the charts follow.

export function LeverSliders({
  evaluation: e,
  onChange,
  onReach,
}: {
  evaluation: Evaluation;
  onChange: (key: AssumptionKey, value: number | undefined) => void;
  onReach?: () => void;
}) {
  const levers = topLevers(e);
  if (!levers.length) return null;
  return (
    <section
      aria-labelledby="levers-heading"
      className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm"
      data-testid="levers"
      onPointerEnter={onReach}
      onFocusCapture={onReach}
    >
      <h2 id="levers-heading" className="text-lg font-semibold text-ink">
        The {levers.length} biggest levers
      </h2>
      <p className="text-sm text-slate-500">
        The figures that move the break-even or flip the verdict most, across their evidence range. Drag to recompute.
      </p>
      <ul className="mt-4 grid gap-5 sm:grid-cols-2 lg:grid-cols-5">
        {levers.map((r) => {
          const { min, max, step } = leverRange(r);
          const id = `lever-${r.key.replace(/\./g, "-")}`;
          return (
            <li key={r.key} data-testid="lever" data-lever={r.key}>
              <label htmlFor={id} className="block text-sm font-medium text-slate-800">
                {r.label}
              </label>
              <p className="text-sm tabular-nums text-slate-900">
                <span className={r.overridden ? "font-semibold text-amber-700" : ""}>{formatNumber(r.value, 3)}</span>{" "}
                <span className="text-xs text-slate-500">{unitFor(r.value, r.unit)}</span>
              </p>
              <input
                id={id}
                type="range"
                min={min}
                max={max}
                step={step}
                value={r.value}
                onChange={(ev) => {
                  const v = Number(ev.target.value);
                  onChange(r.key, v === r.catalogValue ? undefined : v);
                }}
                className="mt-1 w-full accent-brand-600"
              />
              <p className="flex justify-between text-[11px] tabular-nums text-slate-500">
                <span>{formatNumber(min, 3)}</span>
                <span>{formatNumber(max, 3)}</span>
              </p>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
