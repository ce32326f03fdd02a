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
      {/* Where no range brings a break-even within reach, the tornado says so in a sentence (keeps the grid whole). */}
      <TornadoChart evaluation={evaluation} />
    </>
  );
}
