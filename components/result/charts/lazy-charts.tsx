"use client";

import dynamic from "next/dynamic";
import { useEffect, useRef, useState } from "react";
import type { Evaluation } from "@/lib/engine";
import { CHART_HEIGHT } from "./chart-style";

// The charts sit below the fold: their code (recharts) is fetched only when the grid comes near the
// viewport, so the verdict, reasons and costs arrive with far less JavaScript.

/** Start loading this far before the charts scroll into view. */
const PRELOAD_MARGIN = "100px 0px";
const CHART_COUNT = 4;

function Placeholders() {
  return Array.from({ length: CHART_COUNT }, (_, i) => (
    <div
      key={i}
      aria-hidden="true"
      className="animate-pulse rounded-xl border border-slate-200 bg-white p-4"
      style={{ height: CHART_HEIGHT + 64 }}
    >
      <div className="h-4 w-1/2 rounded bg-slate-100" />
      <div className="mt-4 h-[calc(100%-2rem)] rounded bg-slate-50" />
    </div>
  ));
}

const ResultCharts = dynamic(() => import("./result-charts"), { ssr: false, loading: Placeholders });

export function LazyCharts({ evaluation }: { evaluation: Evaluation }) {
  const ref = useRef<HTMLDivElement>(null);
  const [near, setNear] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el || near) return;
    const io = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && setNear(true), {
      rootMargin: PRELOAD_MARGIN,
    });
    io.observe(el);
    return () => io.disconnect();
  }, [near]);
  return (
    <div ref={ref} className="grid gap-6 lg:grid-cols-2" data-testid="charts">
      {near ? <ResultCharts evaluation={evaluation} /> : <Placeholders />}
    </div>
  );
}
