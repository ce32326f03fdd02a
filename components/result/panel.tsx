"use client";

import type { ReactNode } from "react";
import { Fold, useFolded } from "./fold";

/**
 * The frame of a result-page section (capacity, economics, what would change): a folded card on the
 * live result page (inside FoldPanels), an open card elsewhere, or a plain block under a ruled heading
 * in the PDF report (`compact`).
 */
export function ResultPanel({
  id,
  title,
  testId,
  compact = false,
  children,
}: {
  id: string;
  title: string;
  testId: string;
  compact?: boolean;
  children: ReactNode;
}) {
  const folded = useFolded();
  if (folded && !compact)
    return (
      <Fold id={id} title={title} testId={testId}>
        {children}
      </Fold>
    );
  return (
    <section
      aria-labelledby={id}
      className={compact ? "" : "rounded-xl border border-slate-200 bg-white p-5 shadow-sm print:shadow-none"}
      data-testid={testId}
    >
      <h2
        id={id}
        className={
          compact
            ? "border-b-2 border-slate-800 pb-1 text-lg font-semibold text-slate-900"
            : "text-lg font-semibold text-ink"
        }
      >
        {title}
      </h2>
      {children}
    </section>
  );
}
