"use client";

import { useState, type ReactNode } from "react";
import type { AssumptionKey, AssumptionRow } from "@/lib/engine";
import { outsideEvidence } from "@/lib/assessment/levers";
import { parseNumberField } from "@/lib/assessment/units";
import { formatNumber, unitFor } from "@/lib/format";
import { GradeBadge } from "@/components/catalog/grade-badge";
import { Fold, useFolded } from "./fold";

// Every catalog figure the engine used, with its source and date. Editable on the live result
// page (overrides go into the input's `assumptions`), read-only on saved and shared results.

export function AssumptionsPanel({
  rows,
  catalogVersion,
  onChange,
  onReset,
  errors = {},
}: {
  rows: AssumptionRow[];
  catalogVersion: string;
  /** The text typed for a figure; the page checks it (errors) before the engine sees it. */
  onChange?: (key: AssumptionKey, text: string) => void;
  onReset?: () => void;
  errors?: Partial<Record<AssumptionKey, string>>;
}) {
  const groups = [...new Set(rows.map((r) => r.group))];
  const overridden = rows.filter((r) => r.overridden).length;
  const folded = useFolded();
  const summary = `Catalog ${catalogVersion}. ${onChange ? "Edit any figure to recompute instantly." : ""} ${overridden ? `${overridden} figure${overridden > 1 ? "s" : ""} overridden.` : ""}`;
  // Not an inner component: a new component type each render would remount the inputs under the cursor.
  const frame = (children: ReactNode) =>
    folded ? (
      <Fold
        id="assumptions-heading"
        title="Assumptions"
        hint={summary}
        testId="assumptions"
        open={overridden > 0 || Object.keys(errors).length > 0}
      >
        {children}
      </Fold>
    ) : (
      <section
        aria-labelledby="assumptions-heading"
        className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm"
        data-testid="assumptions"
      >
        <h2 id="assumptions-heading" className="text-lg font-semibold text-ink">
          Assumptions
        </h2>
        {children}
      </section>
    );
  return frame(
    <>
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <p className="text-sm text-slate-500">{summary}</p>
        {onReset && overridden > 0 && (
          <button
            type="button"
            onClick={onReset}
            className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-50"
          >
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
                    <AssumptionInput row={r} onChange={onChange} error={errors[r.key]} />
                  ) : (
                    <p className="text-sm tabular-nums text-slate-900 sm:text-right">
                      {formatNumber(r.value, 4)} <span className="text-slate-500">{unitFor(r.value, r.unit)}</span>
                    </p>
                  )}
                </li>
              ))}
          </ul>
        </div>
      ))}
    </>,
  );
}

function AssumptionInput({
  row,
  onChange,
  error,
}: {
  row: AssumptionRow;
  onChange: (key: AssumptionKey, text: string) => void;
  error?: string;
}) {
  // Local text so a half-typed number ("0.") is not reformatted under the cursor, and a bad one stays to be fixed.
  const [text, setText] = useState(String(+row.value.toPrecision(6)));
  const [prev, setPrev] = useState(row.value);
  if (prev !== row.value) {
    setPrev(row.value);
    if (parseNumberField(text) !== row.value) setText(String(+row.value.toPrecision(6)));
  }
  const id = `assumption-${row.key.replace(/\./g, "-")}`;
  const typed = parseNumberField(text);
  const warning =
    !error && typed !== undefined && outsideEvidence(row, typed)
      ? `Outside the evidence range (${formatNumber(row.low, 4)}–${formatNumber(row.high, 4)} ${row.unit}): used, but check it.`
      : undefined;
  return (
    <div className="sm:max-w-xs">
      <div className="flex items-center gap-2 sm:justify-end">
        <label htmlFor={id} className="sr-only">
          {row.label} ({row.unit})
        </label>
        <input
          id={id}
          data-assumption={row.key}
          inputMode="decimal"
          value={text}
          aria-invalid={error ? true : undefined}
          aria-describedby={error || warning ? `${id}-note` : undefined}
          onChange={(e) => {
            setText(e.target.value);
            onChange(row.key, e.target.value);
          }}
          className={`w-28 rounded-md border px-2 py-1 text-right text-sm tabular-nums ${error ? "border-red-500 bg-red-50" : row.overridden ? "border-amber-400 bg-amber-50" : "border-slate-300"}`}
        />
        <span className="w-32 text-xs text-slate-500">{unitFor(parseNumberField(text) ?? row.value, row.unit)}</span>
      </div>
      {(error || warning) && (
        <p
          id={`${id}-note`}
          role={error ? "alert" : undefined}
          className={`mt-1 text-xs sm:text-right ${error ? "font-medium text-red-700" : "text-amber-800"}`}
          data-testid={error ? "assumption-error" : "assumption-warning"}
        >
          {error ?? warning}
        </p>
      )}
    </div>
  );
}
