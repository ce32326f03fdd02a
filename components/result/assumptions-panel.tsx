"use client";

import { useState } from "react";
import type { AssumptionKey, AssumptionRow } from "@/lib/engine";
import { parseNumberField } from "@/lib/assessment/units";
import { formatNumber } from "@/lib/format";
import { GradeBadge } from "@/components/catalog/grade-badge";

// Every catalog figure the engine used, with its source and date. Editable on the live result
// page (overrides go into the input's `assumptions`), read-only on saved and shared results.

export function AssumptionsPanel({
  rows,
  catalogVersion,
  onChange,
  onReset,
}: {
  rows: AssumptionRow[];
  catalogVersion: string;
  onChange?: (key: AssumptionKey, value: number | undefined) => void;
  onReset?: () => void;
}) {
  const groups = [...new Set(rows.map((r) => r.group))];
  const overridden = rows.filter((r) => r.overridden).length;
  return (
    <section aria-labelledby="assumptions-heading" className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <div>
          <h2 id="assumptions-heading" className="text-lg font-semibold text-ink">
            Assumptions
          </h2>
          <p className="text-sm text-slate-500">
            Catalog {catalogVersion}. {onChange ? "Edit any figure to recompute instantly." : ""} {overridden ? `${overridden} figure${overridden > 1 ? "s" : ""} overridden.` : ""}
          </p>
        </div>
        {onReset && overridden > 0 && (
          <button type="button" onClick={onReset} className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-50">
            Reset to catalog values
          </button>
        )}
      </div>
      {groups.map((g) => (
        <div key={g} className="mt-5">
          <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-500">{g}</h3>
          <ul className="mt-2 divide-y divide-slate-100">
            {rows
              .filter((r) => r.group === g)
              .map((r) => (
                <li key={r.key} className="grid gap-2 py-2.5 sm:grid-cols-[1fr_auto] sm:items-start">
                  <div>
                    <p className="text-sm font-medium text-slate-800">
                      {r.label} {r.grade && <GradeBadge grade={r.grade} />}
                    </p>
                    <p className="text-xs text-slate-500">
                      {r.source} · as of {r.asOf} · range {formatNumber(r.low, 4)}–{formatNumber(r.high, 4)}
                      {r.derivation && <> · how: {r.derivation}</>}
                      {r.overridden && <> · catalog value {formatNumber(r.catalogValue, 4)}</>}
                    </p>
                  </div>
                  {onChange ? (
                    <AssumptionInput row={r} onChange={onChange} />
                  ) : (
                    <p className="text-sm tabular-nums text-slate-900 sm:text-right">
                      {formatNumber(r.value, 4)} <span className="text-slate-500">{r.unit}</span>
                    </p>
                  )}
                </li>
              ))}
          </ul>
        </div>
      ))}
    </section>
  );
}

function AssumptionInput({ row, onChange }: { row: AssumptionRow; onChange: (key: AssumptionKey, value: number | undefined) => void }) {
  // Local text so a half-typed number ("0.") is not reformatted under the cursor.
  const [text, setText] = useState(String(+row.value.toPrecision(6)));
  const [prev, setPrev] = useState(row.value);
  if (prev !== row.value) {
    setPrev(row.value);
    if (parseNumberField(text) !== row.value) setText(String(+row.value.toPrecision(6)));
  }
  const id = `assumption-${row.key.replace(/\./g, "-")}`;
  return (
    <div className="flex items-center gap-2 sm:justify-end">
      <label htmlFor={id} className="sr-only">
        {row.label} ({row.unit})
      </label>
      <input
        id={id}
        data-assumption={row.key}
        inputMode="decimal"
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          const n = parseNumberField(e.target.value);
          if (n !== undefined) onChange(row.key, n === row.catalogValue ? undefined : n);
        }}
        className={`w-28 rounded-md border px-2 py-1 text-right text-sm tabular-nums ${row.overridden ? "border-amber-400 bg-amber-50" : "border-slate-300"}`}
      />
      <span className="w-32 text-xs text-slate-500">{row.unit}</span>
    </div>
  );
}
