"use client";

import { createContext, useContext, type ReactNode } from "react";

// The result page's details, folded under the one-screen summary: a native <details> card whose
// summary line is the section's heading. ResultPanel folds itself inside <FoldPanels> (the result page)
// and stays an open card or a PDF block elsewhere.

const FoldContext = createContext(false);

export function FoldPanels({ children }: { children: ReactNode }) {
  return <FoldContext.Provider value={true}>{children}</FoldContext.Provider>;
}

export const useFolded = () => useContext(FoldContext);

export function Fold({
  id,
  title,
  hint,
  testId,
  open,
  children,
}: {
  id: string;
  title: string;
  hint?: ReactNode;
  testId?: string;
  open?: boolean;
  children: ReactNode;
}) {
  return (
    <details
      className="group rounded-xl border border-slate-200 bg-white shadow-sm print:shadow-none"
      data-testid={testId}
      open={open}
    >
      <summary className="flex cursor-pointer list-none items-center justify-between gap-3 rounded-xl p-5 hover:bg-slate-50 [&::-webkit-details-marker]:hidden">
        <span className="min-w-0">
          <h2 id={id} className="text-lg font-semibold text-ink">
            {title}
          </h2>
          {hint && <span className="mt-0.5 block text-sm text-slate-500">{hint}</span>}
        </span>
        <span aria-hidden="true" className="shrink-0 text-slate-400 transition group-open:rotate-180">
          ▾
        </span>
      </summary>
      <div className="px-5 pb-5">{children}</div>
    </details>
  );
}
