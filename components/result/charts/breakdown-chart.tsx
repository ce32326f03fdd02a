"use client";

import type { CSSProperties, ReactElement } from "react";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { Breakdown, Evaluation } from "@/lib/engine";
import { OPTIONS } from "@/lib/engine/schema";
import { COST_ITEM_LABELS, OPTION_SHORT_LABELS } from "@/lib/engine/vocabulary";
import { formatUsd, formatUsdCompact } from "@/lib/format";
import { ChartFrame } from "./chart-frame";
import { collapsedLabel, hybridCollapse } from "../hybrid-collapse";
import {
  axisTick,
  axisTitle,
  CHART_HEIGHT,
  GRID_COLOR,
  legendStyle,
  USD_AXIS_WIDTH,
  type ChartSize,
} from "./chart-style";

// The recurring items of a month, stacked; the one-time set-up is drawn apart on its own scale,
// because a set-up that costs many months of running would otherwise flatten every other bar.
type Item = Exclude<keyof Breakdown, "setup">;
/** Every recurring item (tsc insists on all of them), in stacking order, with its colour. */
const ITEM_COLORS: Record<Item, string> = {
  tokens: "#0284c7",
  gpus: "#7c3aed",
  power: "#a78bfa",
  colocation: "#6366f1",
  maintenance: "#94a3b8",
  people: "#db2777",
  overheads: "#64748b",
  fineTuning: "#14b8a6",
};
const ITEMS = (Object.keys(ITEM_COLORS) as Item[]).map((key) => ({
  key,
  label: COST_ITEM_LABELS[key],
  color: ITEM_COLORS[key],
}));
const SETUP = { key: "setup", label: COST_ITEM_LABELS.setup, color: "#f59e0b" } as const;
/** Share of the figure's width given to the steady month; the set-up panel takes the rest. */
const STEADY_SHARE = 0.64;
const MARGIN = { top: 16, right: 12, bottom: 16, left: 8 } as const;
/** Room for the option names beside the set-up bars. */
const SETUP_LABEL_WIDTH = 72;
const itemLabel = (key: string) => (COST_ITEM_LABELS as Record<string, string>)[key] ?? key;

/** Chart 3: month-1 running cost of each option by item, and the one-time set-up beside it. */
export function BreakdownChart({ evaluation: e, size = {} }: { evaluation: Evaluation; size?: ChartSize }) {
  // A hybrid with no split is that pure option: its bar is named for what it is ("= Hosted (no split)").
  const collapsed = hybridCollapse(e);
  const data = OPTIONS.map((o) => ({
    short: o === "hybrid" && collapsed ? collapsedLabel(collapsed) : OPTION_SHORT_LABELS[o],
    ...e.costs[o].breakdown,
  }));
  const animate = size.animate ?? true;
  const height = size.height ?? CHART_HEIGHT;
  // Fixed size (PDF): each panel gets its share of the width; on the page each fills its flex share.
  const panel = (share: number, testId: string, chart: (width: number | undefined) => ReactElement) =>
    size.width ? (
      <div style={{ width: Math.floor(size.width * share), height }} data-testid={testId}>
        {chart(Math.floor(size.width * share))}
      </div>
    ) : (
      // On a phone the two panels stack (side by side, the set-up panel was cut off); from sm up they share the row.
      <div
        className="w-full sm:min-w-0 sm:[flex:var(--share)_1_0]"
        style={{ "--share": share, height } as CSSProperties}
        data-testid={testId}
      >
        <ResponsiveContainer width="100%" height={height}>
          {chart(undefined)}
        </ResponsiveContainer>
      </div>
    );
  // Only the items some option pays for, so the legend names what is drawn.
  const items = ITEMS.filter((i) => OPTIONS.some((o) => (e.costs[o].breakdown[i.key] ?? 0) > 0));
  const setups = OPTIONS.map((o) => e.costs[o].breakdown.setup ?? 0);
  return (
    <ChartFrame
      testId="chart-breakdown"
      size={size}
      composite
      title="Month-1 cost: the running month and the set-up"
      caption={`${e.headline?.rival ? `Month 1: ${OPTION_SHORT_LABELS[e.headline.winner]} ${formatUsd(e.costs[e.headline.winner].monthlyUsd[0] ?? 0)} against ${OPTION_SHORT_LABELS[e.headline.rival]} ${formatUsd(e.costs[e.headline.rival].monthlyUsd[0] ?? 0)}, set-up included. ` : ""}Left: what month 1 costs to run, by item (it recurs, growing with volume). Right: the one-time set-up, paid in month 1${setups.some((s) => s > 0) ? "" : " (none for these options)"}.`}
      table={{
        head: ["option", ...items.map((i) => `${i.label}, USD / month`), `${SETUP.label}, USD once`],
        rows: OPTIONS.map((o, n) => [
          OPTION_SHORT_LABELS[o],
          ...items.map((i) => formatUsd(e.costs[o].breakdown[i.key] ?? 0)),
          formatUsd(setups[n] ?? 0),
        ]),
      }}
    >
      <div
        className={size.width ? "flex gap-2" : "flex flex-col gap-2 sm:flex-row"}
        style={size.width ? { height } : undefined}
      >
        {panel(STEADY_SHARE, "chart-breakdown-steady", (width) => (
          <BarChart data={data} width={width} height={height} margin={MARGIN}>
            <CartesianGrid stroke={GRID_COLOR} vertical={false} />
            <XAxis dataKey="short" tick={axisTick} interval={0} />
            <YAxis
              tickFormatter={(v: number) => formatUsdCompact(v)}
              tick={axisTick}
              width={USD_AXIS_WIDTH}
              label={{ value: "USD / month", angle: -90, position: "insideLeft", ...axisTitle }}
            />
            <Tooltip formatter={(v, name) => [formatUsd(Number(v)), itemLabel(String(name))]} />
            <Legend
              verticalAlign="top"
              formatter={(v) => itemLabel(String(v))}
              wrapperStyle={{ ...legendStyle, paddingBottom: 4 }}
            />
            {items.map((i) => (
              <Bar
                key={i.key}
                dataKey={i.key}
                stackId="cost"
                fill={i.color}
                stroke="#ffffff"
                isAnimationActive={animate}
              />
            ))}
          </BarChart>
        ))}
        {panel(1 - STEADY_SHARE, "chart-breakdown-setup", (width) => (
          // Horizontal bars: the option names need the room a narrow panel's x axis does not have.
          <BarChart data={data} layout="vertical" width={width} height={height} margin={MARGIN}>
            <CartesianGrid stroke={GRID_COLOR} horizontal={false} />
            <XAxis
              type="number"
              tickFormatter={(v: number) => formatUsdCompact(v)}
              tick={axisTick}
              tickCount={3}
              label={{ value: "USD, once", position: "insideBottom", offset: -4, ...axisTitle }}
            />
            <YAxis type="category" dataKey="short" tick={axisTick} width={SETUP_LABEL_WIDTH} interval={0} />
            <Tooltip formatter={(v) => [formatUsd(Number(v)), SETUP.label]} />
            <Legend verticalAlign="top" height={28} formatter={() => SETUP.label} wrapperStyle={legendStyle} />
            <Bar dataKey={SETUP.key} fill={SETUP.color} isAnimationActive={animate} />
          </BarChart>
        ))}
      </div>
    </ChartFrame>
  );
}
