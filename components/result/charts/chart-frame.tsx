"use client";

import type { ReactElement, ReactNode } from "react";
import { ResponsiveContainer } from "recharts";
import { CHART_HEIGHT, type ChartSize } from "./chart-style";

// The frame every chart sits in (sizes and colours: chart-style.ts; option colours: the vocabulary).

/** A titled figure around one chart; `composite` children (several charts) size themselves. */
/** The chart's figures as rows, the text alternative for people who cannot see the drawing. */
export type ChartTable = { head: string[]; rows: string[][] };

export function ChartFrame({
  title,
  caption,
  children,
  size,
  testId,
  composite,
  table,
}: {
  title: string;
  caption?: ReactNode;
  children: ReactElement;
  size: ChartSize;
  testId: string;
  composite?: boolean;
  table?: ChartTable;
}) {
  const height = size.height ?? CHART_HEIGHT;
  return (
    <figure
      className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm break-inside-avoid"
      data-testid={testId}
    >
      <figcaption className="mb-3">
        <span className="block text-sm font-semibold text-ink">{title}</span>
        {caption && <span className="mt-0.5 block text-xs text-slate-500">{caption}</span>}
      </figcaption>
      {composite && !size.width ? (
        children
      ) : size.width ? (
        <div style={{ width: size.width, height }}>{children}</div>
      ) : (
        <ResponsiveContainer width="100%" height={height}>
          {children}
        </ResponsiveContainer>
      )}
      {/* On the page only (a fixed size is the PDF, which prints the figures elsewhere). */}
      {table && !size.width && <FiguresTable title={title} table={table} />}
    </figure>
  );
}

function FiguresTable({ title, table }: { title: string; table: ChartTable }) {
  return (
    <details className="mt-3 text-sm print:hidden" data-testid="chart-table">
      <summary className="cursor-pointer text-slate-700 underline-offset-2 hover:underline">
        Show the figures as a table
      </summary>
      <div className="mt-2 max-h-72 overflow-auto" tabIndex={0} role="region" aria-label={`${title}: figures`}>
        <table className="w-full border-collapse text-left text-xs">
          <caption className="sr-only">{title}</caption>
          <thead>
            <tr className="border-b border-slate-300">
              {table.head.map((h, i) => (
                <th key={i} scope="col" className="py-1 pr-3 font-semibold text-slate-800">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row, r) => (
              <tr key={r} className="border-b border-slate-100">
                {row.map((cell, c) =>
                  c === 0 ? (
                    <th key={c} scope="row" className="py-1 pr-3 font-normal text-slate-800">
                      {cell}
                    </th>
                  ) : (
                    <td key={c} className="py-1 pr-3 tabular-nums text-slate-700">
                      {cell}
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
