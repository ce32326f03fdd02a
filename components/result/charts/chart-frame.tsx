"use client";

import type { ReactElement, ReactNode } from "react";
import { ResponsiveContainer } from "recharts";
import { CHART_HEIGHT, type ChartSize } from "./chart-style";

// The frame every chart sits in (sizes and colours: chart-style.ts; option colours: the vocabulary).

/** A titled figure around one chart; `composite` children (several charts) size themselves. */
export function ChartFrame({ title, caption, children, size, testId, composite }: { title: string; caption?: ReactNode; children: ReactElement; size: ChartSize; testId: string; composite?: boolean }) {
  const height = size.height ?? CHART_HEIGHT;
  return (
    <figure className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm break-inside-avoid" data-testid={testId}>
      <figcaption className="mb-3">
        <span className="block text-sm font-semibold text-ink">{title}</span>
        {caption && <span className="mt-0.5 block text-xs text-slate-500">{caption}</span>}
      </figcaption>
      {size.width || composite ? (
        <div style={{ width: size.width, height }}>{children}</div>
      ) : (
        <ResponsiveContainer width="100%" height={height}>
          {children}
        </ResponsiveContainer>
      )}
    </figure>
  );
}
