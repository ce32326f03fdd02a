"use client";

import type { ReactElement, ReactNode } from "react";
import { ResponsiveContainer } from "recharts";
import type { Option } from "@/lib/engine";

// Shared chart styling. Colours plus dash patterns keep the four options apart in black and white (PDF).
export const OPTION_STYLE: Record<Option, { color: string; dash?: string }> = {
  api: { color: "#0284c7" },
  "hosted-open": { color: "#059669", dash: "8 4" },
  "self-hosted": { color: "#7c3aed", dash: "2 3" },
  hybrid: { color: "#d97706", dash: "12 3 2 3" },
};

export type ChartSize = { width?: number; height?: number; animate?: boolean };

export function ChartFrame({ title, caption, children, size, testId }: { title: string; caption?: ReactNode; children: ReactElement; size: ChartSize; testId: string }) {
  const height = size.height ?? 300;
  return (
    <figure className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm break-inside-avoid" data-testid={testId}>
      <figcaption className="mb-3">
        <span className="block text-sm font-semibold text-ink">{title}</span>
        {caption && <span className="mt-0.5 block text-xs text-slate-500">{caption}</span>}
      </figcaption>
      {size.width ? (
        <div style={{ width: size.width, height }}>{children}</div>
      ) : (
        <ResponsiveContainer width="100%" height={height}>
          {children}
        </ResponsiveContainer>
      )}
    </figure>
  );
}

export const axisTick = { fontSize: 11, fill: "#475569" };
