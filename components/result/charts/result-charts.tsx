"use client";

import type { Evaluation } from "@/lib/engine";
import { BreakdownChart } from "./breakdown-chart";
import { CostVsVolumeChart } from "./cost-vs-volume-chart";
import { CumulativeCostChart } from "./cumulative-cost-chart";
import { TornadoChart } from "./tornado-chart";

/** The result page's four charts, in reading order. Loaded on demand by LazyCharts (recharts is heavy). */
export default function ResultCharts({ evaluation }: { evaluation: Evaluation }) {
  return (
    <>
      <CostVsVolumeChart evaluation={evaluation} />
      <CumulativeCostChart evaluation={evaluation} />
      <BreakdownChart evaluation={evaluation} />
      {/* The break-even tornado only where self-hosting breaks even somewhere in the ranges (else it is all "never"). */}
      {evaluation.sensitivity.some((s) => s.breakEvenLow !== null || s.breakEvenHigh !== null) && <TornadoChart evaluation={evaluation} />}
    </>
  );
}
