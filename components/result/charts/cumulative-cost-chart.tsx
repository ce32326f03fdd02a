"use client";

import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import { OPTIONS, optionLabel, type Evaluation, type Option } from "@/lib/engine";
import { formatUsd } from "@/lib/format";
import { axisTick, ChartFrame, OPTION_STYLE, type ChartSize } from "./chart-frame";

export function cumulativeSeries(e: Evaluation) {
  const running: Record<Option, number> = { api: 0, "hosted-open": 0, "self-hosted": 0, hybrid: 0 };
  return Array.from({ length: e.horizonMonths }, (_, i) => {
    const row: { month: number } & Record<Option, number> = { month: i + 1, ...running };
    for (const o of OPTIONS) {
      running[o] += e.costs[o].monthlyUsd[i] ?? 0;
      row[o] = running[o];
    }
    return row;
  });
}

/** Chart 2: cumulative cost month by month, set-up included, break-even month marked. */
export function CumulativeCostChart({ evaluation: e, size = {} }: { evaluation: Evaluation; size?: ChartSize }) {
  const month = e.breakEven.api.month;
  const animate = size.animate ?? true;
  return (
    <ChartFrame testId="chart-cumulative" size={size} title="Cumulative cost over the horizon" caption={month ? `Self-hosting overtakes the API in month ${month}.` : "Self-hosting does not overtake the API within the horizon."}>
      <LineChart data={cumulativeSeries(e)} width={size.width} height={size.height ?? 300} margin={{ top: 16, right: 16, bottom: 16, left: 8 }}>
        <CartesianGrid stroke="#e2e8f0" />
        <XAxis dataKey="month" type="number" domain={[1, e.horizonMonths]} tick={axisTick} label={{ value: "month", position: "insideBottom", offset: -8, fontSize: 11, fill: "#475569" }} />
        <YAxis tickFormatter={(v: number) => formatUsd(v)} tick={axisTick} width={64} label={{ value: "USD, cumulative", angle: -90, position: "insideLeft", fontSize: 11, fill: "#475569" }} />
        <Tooltip formatter={(v, name) => [formatUsd(Number(v)), optionLabel(name as Option)]} labelFormatter={(v) => `Month ${v}`} />
        <Legend verticalAlign="top" height={28} formatter={(v) => optionLabel(v as Option)} wrapperStyle={{ fontSize: 12 }} />
        {OPTIONS.map((o) => (
          <Line key={o} dataKey={o} dot={false} stroke={OPTION_STYLE[o].color} strokeDasharray={OPTION_STYLE[o].dash} strokeWidth={2} isAnimationActive={animate} />
        ))}
        {month && <ReferenceLine x={month} stroke="#0f172a" strokeDasharray="3 3" label={{ value: `Break-even month ${month}`, position: "insideTopRight", fontSize: 11, fill: "#0f172a" }} />}
      </LineChart>
    </ChartFrame>
  );
}
