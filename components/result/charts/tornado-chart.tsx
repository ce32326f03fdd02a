"use client";

import { Bar, BarChart, CartesianGrid, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import type { Evaluation } from "@/lib/engine";
import { formatNumber, formatTokens } from "@/lib/format";
import { axisTick, ChartFrame, type ChartSize } from "./chart-frame";

// Break-evens beyond the engine's range ("never") are drawn at its ceiling and labelled.
const NEVER = 1e12;

export function tornadoRows(e: Evaluation) {
  return e.sensitivity.map((s) => {
    const lo = Math.log10(s.breakEvenLow ?? NEVER);
    const hi = Math.log10(s.breakEvenHigh ?? NEVER);
    return {
      label: s.label,
      start: Math.min(lo, hi),
      span: Math.max(Math.abs(hi - lo), 0.02),
      text: `${formatNumber(s.low)} → ${s.breakEvenLow === null ? "never" : formatTokens(s.breakEvenLow)} · ${formatNumber(s.high)} → ${s.breakEvenHigh === null ? "never" : formatTokens(s.breakEvenHigh)} tokens/day`,
    };
  });
}

/** Chart 4: which assumptions move the break-even against the API most (low to high value of each). */
export function TornadoChart({ evaluation: e, size = {} }: { evaluation: Evaluation; size?: ChartSize }) {
  const rows = tornadoRows(e);
  const base = e.breakEven.api.tokensPerDay;
  const all = rows.flatMap((r) => [r.start, r.start + r.span]).concat(base ? [Math.log10(base)] : []);
  const lo = Math.floor(Math.min(...all)) - 0.2;
  const hi = Math.ceil(Math.max(...all)) + 0.2;
  const animate = size.animate ?? true;
  return (
    <ChartFrame
      testId="chart-tornado"
      size={size}
      title="What moves the break-even most"
      caption={`Break-even volume against the API (tokens/day, log scale) at each assumption's low and high value${base ? `; today ${formatTokens(base)}` : "; never within range today"}.`}
    >
      <BarChart data={rows} layout="vertical" width={size.width} height={size.height ?? 300} margin={{ top: 8, right: 24, bottom: 16, left: 8 }}>
        <CartesianGrid stroke="#e2e8f0" horizontal={false} />
        <XAxis type="number" domain={[lo, hi]} ticks={Array.from({ length: Math.floor(hi) - Math.ceil(lo) + 1 }, (_, i) => Math.ceil(lo) + i)} tickFormatter={(v: number) => (v >= 12 ? "never" : formatTokens(10 ** v))} tick={axisTick} label={{ value: "break-even tokens / day", position: "insideBottom", offset: -8, fontSize: 11, fill: "#475569" }} />
        <YAxis type="category" dataKey="label" width={150} tick={axisTick} />
        <Tooltip formatter={(_v, _n, item) => [(item.payload as { text: string }).text, "low → high"]} />
        <Bar dataKey="start" stackId="t" fill="transparent" isAnimationActive={false} />
        <Bar dataKey="span" stackId="t" fill="#7c3aed" isAnimationActive={animate} />
        {base && <ReferenceLine x={Math.log10(base)} stroke="#0f172a" strokeDasharray="3 3" />}
      </BarChart>
    </ChartFrame>
  );
}
