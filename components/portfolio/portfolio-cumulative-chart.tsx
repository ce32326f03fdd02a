"use client";

import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import type { PortfolioEvaluation } from "@/lib/engine/portfolio";
import { formatUsd } from "@/lib/format";
import { ChartFrame } from "@/components/result/charts/chart-frame";
import {
  axisTick,
  axisTitle,
  CHART_HEIGHT,
  CHART_MARGIN,
  GRID_COLOR,
  legendStyle,
  USD_AXIS_WIDTH,
  type ChartSize,
} from "@/components/result/charts/chart-style";

// The plan's cumulative cost month by month against the alternatives (set-up included).
export const PLAN_SERIES = [
  { key: "plan", label: "This plan", color: "#0f172a", dash: undefined, width: 3 },
  { key: "all-api", label: "All on the proprietary API", color: "#0284c7", dash: undefined, width: 2 },
  { key: "all-self-hosted", label: "All self-hosted (pooled)", color: "#7c3aed", dash: "2 3", width: 2 },
  { key: "each-alone", label: "Each at its own verdict", color: "#d97706", dash: "12 3 2 3", width: 2 },
  { key: "all-hosted-open", label: "All on hosted open weights", color: "#059669", dash: "8 4", width: 2 },
] as const;
type SeriesKey = (typeof PLAN_SERIES)[number]["key"];
const IMPOSSIBLE_COLOR = "#94a3b8";

export function planCumulativeSeries(e: PortfolioEvaluation) {
  const monthly: Record<SeriesKey, number[]> = {
    plan: e.plan.monthlyUsd,
    "all-api": e.alternatives["all-api"].monthlyUsd,
    "all-self-hosted": e.alternatives["all-self-hosted"].monthlyUsd,
    "each-alone": e.alternatives["each-alone"].monthlyUsd,
    "all-hosted-open": e.alternatives["all-hosted-open"].monthlyUsd,
  };
  const running = Object.fromEntries(PLAN_SERIES.map((s) => [s.key, 0])) as Record<SeriesKey, number>;
  return Array.from({ length: e.horizonMonths }, (_, i) => {
    const row = { month: i + 1 } as { month: number } & Record<SeriesKey, number>;
    for (const s of PLAN_SERIES) {
      running[s.key] += monthly[s.key][i] ?? 0;
      row[s.key] = running[s.key];
    }
    return row;
  });
}

export function PortfolioCumulativeChart({
  evaluation: e,
  size = {},
}: {
  evaluation: PortfolioEvaluation;
  size?: ChartSize;
}) {
  const animate = size.animate ?? true;
  const series = planCumulativeSeries(e);
  const blocked = (k: SeriesKey) => k !== "plan" && !e.alternatives[k].feasible;
  const blockers = (k: SeriesKey) => (k === "plan" ? [] : (e.alternatives[k].blockedBy ?? []).map((b) => b.name));
  const infeasible = PLAN_SERIES.filter((s) => blocked(s.key)).map(
    (s) => `${s.label.toLowerCase()}${blockers(s.key).length ? ` (blocked by ${blockers(s.key).join(", ")})` : ""}`,
  );
  return (
    <ChartFrame
      testId="chart-portfolio-cumulative"
      size={size}
      title="Cumulative cost of the plan vs the alternatives"
      caption={
        infeasible.length
          ? `Dashed grey: not possible under the workloads' hard rules, drawn for comparison only: ${infeasible.join("; ")}. Set-up is paid in month 1.`
          : "Set-up is paid in month 1."
      }
      table={{
        head: ["month", ...PLAN_SERIES.map((s) => `${s.label}, USD cumulative`)],
        rows: series.map((r) => [String(r.month), ...PLAN_SERIES.map((s) => formatUsd(r[s.key]))]),
      }}
    >
      <LineChart data={series} width={size.width} height={size.height ?? CHART_HEIGHT} margin={CHART_MARGIN}>
        <CartesianGrid stroke={GRID_COLOR} />
        <XAxis
          dataKey="month"
          type="number"
          domain={[1, e.horizonMonths]}
          tick={axisTick}
          label={{ value: "month", position: "insideBottom", offset: -8, ...axisTitle }}
        />
        <YAxis
          tickFormatter={(v: number) => formatUsd(v)}
          tick={axisTick}
          width={USD_AXIS_WIDTH}
          label={{ value: "USD, cumulative", angle: -90, position: "insideLeft", ...axisTitle }}
        />
        <Tooltip
          formatter={(v, name) => [
            formatUsd(Number(v)),
            PLAN_SERIES.find((s) => s.key === name)?.label ?? String(name),
          ]}
          labelFormatter={(v) => `Month ${v}`}
        />
        <Legend
          verticalAlign="top"
          height={40}
          formatter={(v) =>
            `${PLAN_SERIES.find((s) => s.key === v)?.label ?? v}${blocked(v as SeriesKey) ? " (not possible)" : ""}`
          }
          wrapperStyle={legendStyle}
        />
        {PLAN_SERIES.map((s) =>
          // An alternative the hard rules forbid is drawn thin, grey and dashed: a comparison, not a choice.
          blocked(s.key) ? (
            <Line
              key={s.key}
              dataKey={s.key}
              dot={false}
              stroke={IMPOSSIBLE_COLOR}
              strokeDasharray="4 4"
              strokeWidth={1}
              isAnimationActive={animate}
            />
          ) : (
            <Line
              key={s.key}
              dataKey={s.key}
              dot={false}
              stroke={s.color}
              strokeDasharray={s.dash}
              strokeWidth={s.width}
              isAnimationActive={animate}
            />
          ),
        )}
      </LineChart>
    </ChartFrame>
  );
}
