"use client";

import { COMPANY_PRESETS, type CompanyPreset } from "@/lib/assessment/company-presets";

/** Example companies above the first step: one click fills every step and opens the review. */
export function CompanyPresets({ selected, onPick }: { selected?: string; onPick: (p: CompanyPreset) => void }) {
  return (
    <section aria-labelledby="company-presets-heading" className="mt-6" data-testid="company-presets">
      <h2 id="company-presets-heading" className="text-sm font-medium text-slate-800">
        Or start from an example company (fills every step; edit anything afterwards)
      </h2>
      <div className="mt-2 grid gap-2 sm:grid-cols-2 lg:grid-cols-4">
        {COMPANY_PRESETS.map((p) => {
          const on = p.id === selected;
          return (
            <button
              key={p.id}
              type="button"
              aria-pressed={on}
              onClick={() => onPick(p)}
              className={`rounded-lg border p-3 text-left text-sm transition ${on ? "border-brand-500 bg-brand-50 ring-2 ring-brand-500" : "border-slate-200 bg-white hover:border-brand-500 hover:bg-brand-50"}`}
            >
              <span className="flex items-center justify-between gap-2 font-medium text-slate-900">
                {p.label}
                {on && (
                  <span className="rounded bg-brand-600 px-1.5 text-[11px] font-semibold text-white">Selected</span>
                )}
              </span>
              <span className="mt-0.5 block text-slate-500">{p.description}</span>
            </button>
          );
        })}
      </div>
    </section>
  );
}
