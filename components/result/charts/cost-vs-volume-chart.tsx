"use client";

import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import { OPTIONS, optionLabel, type Evaluation } from "@/lib/engine";
import { formatTokens, formatUsd } from "@/lib/format";
import { axisTick, ChartFrame, OPTION_STYLE, type ChartSize } from "./chart-frame";

/** Chart 1: steady monthly cost of every option against daily token volume, break-evens and "you are here" marked. */
export function CostVsVolumeChart({ evaluation: e, size = {} }: { evaluation: Evaluation; size?: ChartSize }) {
  const data = e.volumeCurve;
  const min = data[0]?.tokensPerDay ?? 1;
  const max = data.at(-1)?.tokensPerDay ?? 10;
  const inRange = (x: number | null): x is number => x !== null && x >= min && x <= max;
  const animate = size.animate ?? true;
  return (
    <ChartFrame
      testId="chart-cost-vs-volume"
      size={size}
      title="Monthly cost vs daily token volume"
      caption="Steady-state monthly cost (no set-up) at each volume; self-hosting steps up a replica at a time."
    >
      <LineChart data={data} width={size.width} height={size.height ?? 300} margin={{ top: 16, right: 16, bottom: 16, left: 8 }}>
        <CartesianGrid stroke="#e2e8f0" />
        <XAxis
          dataKey="tokensPerDay"
          type="number"
          scale="log"
          domain={[min, max]}
          tickFormatter={(v: number) => formatTokens(v)}
          tick={axisTick}
          label={{ value: "tokens / day (log scale)", position: "insideBottom", offset: -8, fontSize: 11, fill: "#475569" }}
        />
        <YAxis scale="log" domain={["auto", "auto"]} allowDataOverflow tickFormatter={(v: number) => formatUsd(v)} tick={axisTick} width={64} label={{ value: "USD / month", angle: -90, position: "insideLeft", fontSize: 11, fill: "#475569" }} />
        <Tooltip formatter={(v, name) => [formatUsd(Number(v)), optionLabel(name as (typeof OPTIONS)[number])]} labelFormatter={(v) => `${formatTokens(Number(v))} tokens/day`} />
        <Legend verticalAlign="top" height={28} formatter={(v) => optionLabel(v as (typeof OPTIONS)[number])} wrapperStyle={{ fontSize: 12 }} />
        {OPTIONS.map((o) => (
          <Line key={o} dataKey={o} type="stepAfter" dot={false} stroke={OPTION_STYLE[o].color} strokeDasharray={OPTION_STYLE[o].dash} strokeWidth={2} isAnimationActive={animate} />
        ))}
        {e.tokensPerDay > 0 && inRange(e.tokensPerDay) && (
          <ReferenceLine x={e.tokensPerDay} stroke="#0f172a" strokeWidth={1.5} label={{ value: "You are here", position: "insideTopLeft", fontSize: 11, fill: "#0f172a" }} />
        )}
        {inRange(e.breakEven.api.tokensPerDay) && (
          <ReferenceLine x={e.breakEven.api.tokensPerDay} stroke="#0284c7" strokeDasharray="3 3" label={{ value: "Break-even vs API", position: "insideBottomRight", fontSize: 10, fill: "#0369a1" }} />
        )}
        {inRange(e.breakEven["hosted-open"].tokensPerDay) && (
          <ReferenceLine x={e.breakEven["hosted-open"].tokensPerDay} stroke="#059669" strokeDasharray="3 3" label={{ value: "Break-even vs hosted", position: "insideBottomLeft", fontSize: 10, fill: "#047857" }} />
        )}
      </LineChart>
    </ChartFrame>
  );
}
