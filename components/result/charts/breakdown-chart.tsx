"use client";

import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import { OPTIONS, optionLabel, type Evaluation } from "@/lib/engine";
import { formatUsd } from "@/lib/format";
import { axisTick, ChartFrame, type ChartSize } from "./chart-frame";

const ITEMS = [
  { key: "tokens", label: "Tokens", color: "#0284c7" },
  { key: "gpus", label: "GPUs", color: "#7c3aed" },
  { key: "people", label: "People", color: "#db2777" },
  { key: "overheads", label: "Overheads", color: "#64748b" },
  { key: "setup", label: "Set-up (one-time)", color: "#f59e0b" },
] as const;

/** Chart 3: month-1 cost of each option by item. */
export function BreakdownChart({ evaluation: e, size = {} }: { evaluation: Evaluation; size?: ChartSize }) {
  const data = OPTIONS.map((o) => ({ option: optionLabel(o), ...e.costs[o].breakdown }));
  const animate = size.animate ?? true;
  return (
    <ChartFrame testId="chart-breakdown" size={size} title="Month-1 cost by item" caption="Tokens, GPUs, people and overheads per month; set-up is paid once, in month 1.">
      <BarChart data={data} width={size.width} height={size.height ?? 300} margin={{ top: 16, right: 16, bottom: 8, left: 8 }}>
        <CartesianGrid stroke="#e2e8f0" vertical={false} />
        <XAxis dataKey="option" tick={axisTick} interval={0} />
        <YAxis tickFormatter={(v: number) => formatUsd(v)} tick={axisTick} width={64} label={{ value: "USD, month 1", angle: -90, position: "insideLeft", fontSize: 11, fill: "#475569" }} />
        <Tooltip formatter={(v, name) => [formatUsd(Number(v)), ITEMS.find((i) => i.key === name)?.label ?? String(name)]} />
        <Legend verticalAlign="top" height={28} formatter={(v) => ITEMS.find((i) => i.key === v)?.label ?? v} wrapperStyle={{ fontSize: 12 }} />
        {ITEMS.map((i) => (
          <Bar key={i.key} dataKey={i.key} stackId="cost" fill={i.color} stroke="#ffffff" isAnimationActive={animate} />
        ))}
      </BarChart>
    </ChartFrame>
  );
}
