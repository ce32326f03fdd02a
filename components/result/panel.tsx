import type { ReactNode } from "react";

/**
 * The frame of a result-page section (capacity, economics, what would change): a card on the page, or
 * a plain block under a ruled heading in the PDF report (`compact`).
 */
export function ResultPanel({ id, title, testId, compact = false, children }: { id: string; title: string; testId: string; compact?: boolean; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className={compact ? "" : "rounded-xl border border-slate-200 bg-white p-5 shadow-sm print:shadow-none"} data-testid={testId}>
      <h2 id={id} className={compact ? "border-b-2 border-slate-800 pb-1 text-lg font-semibold text-slate-900" : "text-lg font-semibold text-ink"}>
        {title}
      </h2>
      {children}
    </section>
  );
}
