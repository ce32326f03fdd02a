"use client";

import { STEPS } from "@/lib/assessment/draft";

export function Progress({ step, onJump }: { step: number; onJump: (i: number) => void }) {
  return (
    <nav aria-label="Progress" className="mt-3">
      <p className="text-sm text-slate-600">
        Step {step + 1} of {STEPS.length}
      </p>
      <div
        className="mt-2 h-2 overflow-hidden rounded-full bg-slate-200"
        role="progressbar"
        aria-valuemin={1}
        aria-valuemax={STEPS.length}
        aria-valuenow={step + 1}
        aria-label="Assessment progress"
      >
        <div
          className="h-full rounded-full bg-brand-500 transition-all"
          style={{ width: `${((step + 1) / STEPS.length) * 100}%` }}
        />
      </div>
      <ol className="mt-3 hidden flex-wrap gap-x-4 gap-y-1 text-xs sm:flex">
        {STEPS.map((s, i) => (
          <li key={s.id}>
            <button
              type="button"
              onClick={() => onJump(i)}
              disabled={i >= step}
              aria-current={i === step ? "step" : undefined}
              className={
                i === step
                  ? "font-semibold text-brand-700"
                  : i < step
                    ? "text-slate-600 underline-offset-2 hover:underline"
                    : "text-slate-500"
              }
            >
              {i + 1}. {s.title}
            </button>
          </li>
        ))}
      </ol>
    </nav>
  );
}
