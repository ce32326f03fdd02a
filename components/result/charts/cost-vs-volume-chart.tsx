"use client";

import { CartesianGrid, ComposedChart, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import type { Evaluation, Option } from "@/lib/engine";
import { OPTIONS } from "@/lib/engine/schema";
import { OPTION_STYLE, optionLabel } from "@/lib/engine/vocabulary";
import { decadeTicks, formatTokens, formatUsd, formatUsdCompact } from "@/lib/format";
import { ChartFrame } from "./chart-frame";
import { bandAreas, bandCaption, withBands } from "./uncertainty-bands";
import { collapsedLabel, hybridCollapse } from "../hybrid-collapse";
import {
  axisTick,
  axisTitle,
  CHART_HEIGHT,
  CHART_MARGIN,
  END_LABEL_WIDTH,
  endLabelOffsets,
  GRID_COLOR,
  INK,
  USD_AXIS_WIDTH,
  type ChartSize,
} from "./chart-style";
import { optionLines } from "./option-lines";

/**
 * How each option's steady monthly cost grows with volume: per-token options are linear in tokens
 * (a straight line, on log axes too), GPUs come a replica at a time (a staircase; the hybrid keeps
 * GPUs for its in-house share).
 */
const CURVE: Record<Option, "linear" | "stepAfter"> = {
  api: "linear",
  "hosted-open": "linear",
  "self-hosted": "stepAfter",
  hybrid: "stepAfter",
};

/** Chart 1: steady monthly cost of every option against daily token volume, break-evens and "you are here" marked. */
export function CostVsVolumeChart({ evaluation: e, size = {} }: { evaluation: Evaluation; size?: ChartSize }) {
  const data = e.volumeCurve;
  const min = data[0]?.tokensPerDay ?? 1;
  const max = data.at(-1)?.tokensPerDay ?? 10;
  const inRange = (x: number | null): x is number => x !== null && x >= min && x <= max;
  // Log axis: bounds from the drawn values (a zero cost has no place on it and is clipped).
  const costs = data.flatMap((p) => OPTIONS.map((o) => p[o])).filter((v) => v > 0);
  // Decade ticks on both log axes; the cost axis spans whole decades so its ends are labelled too.
  const yTicks = costs.length ? decadeTicks(Math.min(...costs), Math.max(...costs)) : [1, 10];
  const yDomain: [number, number] = [yTicks[0]!, yTicks.at(-1)!];
  const xTicks = decadeTicks(min, max).filter((t) => t >= min && t <= max);
  const animate = size.animate ?? true;
  const collapsed = hybridCollapse(e);
  const height = size.height ?? CHART_HEIGHT;
  // Each line named at its right end instead of a legend (legends overlapped on phones).
  const last = data.at(-1);
  const plotHeight = height - CHART_MARGIN.top - CHART_MARGIN.bottom - 30;
  const span = Math.log10(yDomain[1]) - Math.log10(yDomain[0]) || 1;
  const ends = endLabelOffsets(
    Object.fromEntries(
      OPTIONS.map((o) => [
        o,
        last && last[o] > 0 ? ((Math.log10(yDomain[1]) - Math.log10(last[o])) / span) * plotHeight : plotHeight,
      ]),
    ) as Record<Option, number>,
    { hybrid: collapsed ? 2 : 1 },
  );
  return (
    <ChartFrame
      testId="chart-cost-vs-volume"
      size={size}
      title="Monthly cost vs daily token volume"
      caption={`${e.headline?.rival ? `${e.headline.text.volume} ` : ""}Steady monthly cost (no set-up) at each volume. Per-token prices grow in a straight line; own GPUs step up a replica at a time.${collapsed ? ` Hybrid (${collapsedLabel(collapsed)} at your volume) is drawn grey under the line it equals.` : ""}${bandCaption(e)}`}
      table={{
        head: ["tokens / day", ...OPTIONS.map((o) => `${optionLabel(o)}, USD / month`)],
        rows: data.map((p) => [formatTokens(p.tokensPerDay), ...OPTIONS.map((o) => formatUsd(p[o]))]),
      }}
    >
      <ComposedChart
        data={withBands(data, e, "volume")}
        width={size.width}
        height={height}
        margin={{ ...CHART_MARGIN, right: END_LABEL_WIDTH }}
      >
        <CartesianGrid stroke={GRID_COLOR} />
        <XAxis
          dataKey="tokensPerDay"
          type="number"
          scale="log"
          domain={[min, max]}
          ticks={xTicks}
          tickFormatter={(v: number) => formatTokens(v)}
          tick={axisTick}
          label={{ value: "tokens / day (log scale)", position: "insideBottom", offset: -8, ...axisTitle }}
        />
        <YAxis
          scale="log"
          domain={yDomain}
          ticks={yTicks}
          allowDataOverflow
          tickFormatter={(v: number) => formatUsdCompact(v)}
          tick={axisTick}
          width={USD_AXIS_WIDTH}
          label={{ value: "USD / month", angle: -90, position: "insideLeft", ...axisTitle }}
        />
        <Tooltip
          formatter={(v, name) => [formatUsd(Number(v)), optionLabel(name as Option)]}
          labelFormatter={(v) => `${formatTokens(Number(v))} tokens/day`}
        />
        {bandAreas(e, "volume")}
        {optionLines({ collapsed, lastIndex: data.length - 1, ends, animate, curve: CURVE })}
        {e.tokensPerDay > 0 && inRange(e.tokensPerDay) && (
          <ReferenceLine
            x={e.tokensPerDay}
            stroke={INK}
            strokeWidth={1.5}
            label={{ value: "You are here", position: "insideTopLeft", fontSize: 11, fill: INK }}
          />
        )}
        {inRange(e.breakEven.api.tokensPerDay) && (
          <ReferenceLine
            x={e.breakEven.api.tokensPerDay}
            stroke={OPTION_STYLE.api.color}
            strokeDasharray="3 3"
            label={{
              value: "Break-even vs API",
              position: "insideBottomRight",
              fontSize: 10,
              fill: OPTION_STYLE.api.color,
            }}
          />
        )}
        {inRange(e.breakEven["hosted-open"].tokensPerDay) && (
          <ReferenceLine
            x={e.breakEven["hosted-open"].tokensPerDay}
            stroke={OPTION_STYLE["hosted-open"].color}
            strokeDasharray="3 3"
            label={{
              value: "Break-even vs hosted",
              position: "insideBottomLeft",
              fontSize: 10,
              fill: OPTION_STYLE["hosted-open"].color,
            }}
          />
        )}
      </ComposedChart>
    </ChartFrame>
  );
}
