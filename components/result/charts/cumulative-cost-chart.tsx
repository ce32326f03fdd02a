"use client";

import { CartesianGrid, ComposedChart, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import type { Evaluation, Option } from "@/lib/engine";
import { OPTIONS } from "@/lib/engine/schema";
import { OPTION_SHORT_LABELS, optionLabel } from "@/lib/engine/vocabulary";
import { formatUsd, formatUsdCompact } from "@/lib/format";
import { ChartFrame } from "./chart-frame";
import { bandAreas, bandCaption, withBands } from "./uncertainty-bands";
import { hybridCollapse } from "../hybrid-collapse";
import {
  axisTick,
  axisTitle,
  CHART_HEIGHT,
  CHART_MARGIN,
  GRID_COLOR,
  INK,
  END_LABEL_WIDTH,
  endLabelOffsets,
  USD_AXIS_WIDTH,
  type ChartSize,
} from "./chart-style";
import { optionLines } from "./option-lines";

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
  // The marked month is the headline pair's overtaking month (the verdict against its closest usable rival); saved results from before v1.2: self-hosting vs the API.
  const month = e.headline
    ? e.headline.aheadFromMonth && e.headline.aheadFromMonth > 1
      ? e.headline.aheadFromMonth
      : null
    : e.breakEven.api.month;
  const animate = size.animate ?? true;
  const collapsed = hybridCollapse(e);
  const series = cumulativeSeries(e);
  const table = {
    head: ["month", ...OPTIONS.map((o) => `${optionLabel(o)}, USD cumulative`)],
    rows: series.map((r) => [String(r.month), ...OPTIONS.map((o) => formatUsd(r[o]))]),
  };
  const height = size.height ?? CHART_HEIGHT;
  // Each line named at its right end instead of a legend (legends overlapped on phones).
  const last = series.at(-1);
  const top = Math.max(...OPTIONS.map((o) => last?.[o] ?? 0), 1);
  const plotHeight = height - CHART_MARGIN.top - CHART_MARGIN.bottom - 30;
  const ends = endLabelOffsets(
    Object.fromEntries(OPTIONS.map((o) => [o, (1 - (last?.[o] ?? 0) / top) * plotHeight])) as Record<Option, number>,
    { hybrid: collapsed ? 2 : 1 },
  );
  return (
    <ChartFrame
      testId="chart-cumulative"
      size={size}
      table={table}
      title="Cumulative cost over the horizon"
      caption={`${e.headline?.rival ? e.headline.text.cumulative : month ? `Self-hosting overtakes the API in month ${month}.` : "Self-hosting does not overtake the API within the horizon."}${bandCaption(e)}`}
    >
      <ComposedChart
        data={withBands(series, e, "cumulative")}
        width={size.width}
        height={height}
        margin={{ ...CHART_MARGIN, right: END_LABEL_WIDTH }}
      >
        <CartesianGrid stroke={GRID_COLOR} />
        <XAxis
          dataKey="month"
          type="number"
          domain={[1, e.horizonMonths]}
          tick={axisTick}
          label={{ value: "month", position: "insideBottom", offset: -8, ...axisTitle }}
        />
        <YAxis
          tickFormatter={(v: number) => formatUsdCompact(v)}
          tick={axisTick}
          width={USD_AXIS_WIDTH}
          label={{ value: "USD, cumulative", angle: -90, position: "insideLeft", ...axisTitle }}
        />
        <Tooltip
          formatter={(v, name) => [formatUsd(Number(v)), optionLabel(name as Option)]}
          labelFormatter={(v) => `Month ${v}`}
        />
        {bandAreas(e, "cumulative")}
        {optionLines({ collapsed, lastIndex: series.length - 1, ends, animate })}
        {month && (
          <ReferenceLine
            x={month}
            stroke={INK}
            strokeDasharray="3 3"
            label={{
              value: e.headline?.rival
                ? `${OPTION_SHORT_LABELS[e.headline.winner]} ahead from month ${month}`
                : `Break-even month ${month}`,
              position: month <= e.horizonMonths / 2 ? "insideTopLeft" : "insideTopRight",
              fontSize: 11,
              fill: INK,
            }}
          />
        )}
      </ComposedChart>
    </ChartFrame>
  );
}
