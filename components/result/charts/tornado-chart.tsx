"use client";

import { Bar, BarChart, CartesianGrid, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import type { Evaluation } from "@/lib/engine";
import { BREAK_EVEN_RANGE } from "@/lib/engine/break-even";
import { OPTION_SHORT_LABELS, OPTION_STYLE } from "@/lib/engine/vocabulary";
import { formatNumber, formatTokens, formatUsd, formatUsdCompact } from "@/lib/format";
import { ChartFrame } from "./chart-frame";
import { axisTick, axisTitle, CHART_HEIGHT, GRID_COLOR, INK, type ChartSize } from "./chart-style";

// Bars are drawn in decades (log10 of tokens/day). A break-even the engine does not find within its
// range ("never") is drawn at the range's ceiling and labelled "never".
const NEVER_DECADE = Math.log10(BREAK_EVEN_RANGE.maxTokensPerDay);
/** A bar whose low and high give the same break-even stays visible at this width (decades). */
const MIN_BAR_DECADES = 0.02;
/** Room left and right of the widest bar (decades). */
const AXIS_PAD_DECADES = 0.2;
/** Width of the assumption names on the left. */
const LABEL_WIDTH = 150;

const decade = (tokensPerDay: number | null) => (tokensPerDay === null ? NEVER_DECADE : Math.log10(tokensPerDay));
const tokensOrNever = (tokensPerDay: number | null) => (tokensPerDay === null ? "never" : formatTokens(tokensPerDay));

/** The rows that move the break-even: an assumption whose low and high give the same answer is left out (it was drawn as an empty row). */
export function tornadoRows(e: Evaluation) {
  return e.sensitivity
    .filter((s) => s.breakEvenLow !== s.breakEvenHigh)
    .map((s) => {
      const lo = decade(s.breakEvenLow);
      const hi = decade(s.breakEvenHigh);
      return {
        label: s.label,
        start: Math.min(lo, hi),
        span: Math.max(Math.abs(hi - lo), MIN_BAR_DECADES),
        text: `${formatNumber(s.low)} → ${tokensOrNever(s.breakEvenLow)} · ${formatNumber(s.high)} → ${tokensOrNever(s.breakEvenHigh)} tokens/day`,
      };
    });
}

/** The headline pair's tornado: the verdict's TCO margin over its closest usable rival at each figure's low and high. */
function MarginTornado({ evaluation: e, size }: { evaluation: Evaluation; size: ChartSize }) {
  const h = e.headline;
  const rival = h.rival!;
  // A figure whose low and high leave the margin where it is has no bar to draw: left out.
  const rows = h.sensitivity
    .filter((s) => s.marginLowUsd !== s.marginHighUsd)
    .map((s) => ({
      label: s.label,
      start: Math.min(s.marginLowUsd, s.marginHighUsd),
      span: Math.max(Math.abs(s.marginHighUsd - s.marginLowUsd), 1),
      text: `${formatNumber(s.low)} → ${formatUsd(s.marginLowUsd)} · ${formatNumber(s.high)} → ${formatUsd(s.marginHighUsd)}`,
    }));
  const title = `What moves ${OPTION_SHORT_LABELS[h.winner]}'s margin over ${OPTION_SHORT_LABELS[rival]} most`;
  if (!rows.length)
    return (
      <ChartFrame testId="chart-tornado" size={size} composite title={title} caption={h.text.tornado}>
        <p
          className="flex items-center rounded-lg bg-slate-50 p-4 text-sm text-slate-700"
          style={{ height: size.height ?? CHART_HEIGHT }}
          data-testid="tornado-never"
        >
          {h.text.tornado}
        </p>
      </ChartFrame>
    );
  const all = rows.flatMap((r) => [r.start, r.start + r.span, 0, h.marginUsd ?? 0]);
  const animate = size.animate ?? true;
  return (
    <ChartFrame
      testId="chart-tornado"
      size={size}
      title={title}
      caption={`${h.text.tornado} Bars: ${OPTION_SHORT_LABELS[rival]}'s TCO minus ${OPTION_SHORT_LABELS[h.winner]}'s over ${e.horizonMonths} months at each figure's low and high value (right of 0: ${OPTION_SHORT_LABELS[h.winner]} is cheaper).`}
    >
      <BarChart
        data={rows}
        layout="vertical"
        width={size.width}
        height={size.height ?? CHART_HEIGHT}
        margin={{ top: 8, right: 24, bottom: 16, left: 8 }}
      >
        <CartesianGrid stroke={GRID_COLOR} horizontal={false} />
        <XAxis
          type="number"
          domain={[Math.min(...all), Math.max(...all)]}
          tickFormatter={(v: number) => formatUsdCompact(v)}
          tick={axisTick}
          label={{
            value: `margin over ${OPTION_SHORT_LABELS[rival]}, USD`,
            position: "insideBottom",
            offset: -8,
            ...axisTitle,
          }}
        />
        <YAxis type="category" dataKey="label" width={LABEL_WIDTH} tick={axisTick} />
        <Tooltip formatter={(_v, _n, item) => [(item.payload as { text: string }).text, "low → high"]} />
        <Bar dataKey="start" stackId="t" fill="transparent" isAnimationActive={false} />
        <Bar dataKey="span" stackId="t" fill={OPTION_STYLE[h.winner].color} isAnimationActive={animate} />
        <ReferenceLine x={0} stroke={INK} />
        {h.marginUsd !== null && <ReferenceLine x={h.marginUsd} stroke={INK} strokeDasharray="3 3" />}
      </BarChart>
    </ChartFrame>
  );
}

/** Whether the headline pair is self-hosting against the API (then the break-even tornado is its answer). */
const selfVsApi = (e: Evaluation) => {
  const pair = [e.headline?.winner, e.headline?.rival];
  return pair.includes("self-hosted") && pair.includes("api");
};

/** Chart 4: which assumptions move the headline answer most: the verdict's margin over its closest usable rival, or (self-hosting vs the API, and saved results from before v1.2) the break-even against the API. */
export function TornadoChart({ evaluation: e, size = {} }: { evaluation: Evaluation; size?: ChartSize }) {
  if (e.headline?.rival && !selfVsApi(e)) return <MarginTornado evaluation={e} size={size} />;
  const rows = tornadoRows(e);
  const base = e.breakEven.api.tokensPerDay;
  // No assumption's range brings a break-even within reach: say so instead of drawing empty bars.
  if (rows.length === 0) {
    return (
      <ChartFrame
        testId="chart-tornado"
        size={size}
        composite
        title="What moves the break-even most"
        caption="Break-even volume against the API at each assumption's low and high value."
      >
        <p
          className="flex items-center rounded-lg bg-slate-50 p-4 text-sm text-slate-700"
          style={{ height: size.height ?? CHART_HEIGHT }}
          data-testid="tornado-never"
        >
          {base === null
            ? `Self-hosting does not become cheaper than the API below ${formatTokens(BREAK_EVEN_RANGE.maxTokensPerDay)} tokens a day, at the low or the high value of any of the ${e.sensitivity.length} assumptions tested: no single figure changes the answer.`
            : `None of the ${e.sensitivity.length} assumptions tested moves the break-even (${formatTokens(base)} tokens a day) between its low and high value.`}
        </p>
      </ChartFrame>
    );
  }
  const all = rows.flatMap((r) => [r.start, r.start + r.span]).concat(base ? [Math.log10(base)] : []);
  const lo = Math.floor(Math.min(...all)) - AXIS_PAD_DECADES;
  const hi = Math.ceil(Math.max(...all)) + AXIS_PAD_DECADES;
  const ticks = Array.from({ length: Math.floor(hi) - Math.ceil(lo) + 1 }, (_, i) => Math.ceil(lo) + i);
  const animate = size.animate ?? true;
  return (
    <ChartFrame
      testId="chart-tornado"
      size={size}
      title="What moves the break-even most"
      caption={`Break-even volume against the API (tokens/day, log scale) at each assumption's low and high value${base ? `; today ${formatTokens(base)}` : "; never within range today"}.`}
      table={{
        head: [
          "assumption",
          "low value",
          "break-even at low, tokens / day",
          "high value",
          "break-even at high, tokens / day",
        ],
        rows: e.sensitivity.map((s) => [
          s.label,
          formatNumber(s.low),
          tokensOrNever(s.breakEvenLow),
          formatNumber(s.high),
          tokensOrNever(s.breakEvenHigh),
        ]),
      }}
    >
      <BarChart
        data={rows}
        layout="vertical"
        width={size.width}
        height={size.height ?? CHART_HEIGHT}
        margin={{ top: 8, right: 24, bottom: 16, left: 8 }}
      >
        <CartesianGrid stroke={GRID_COLOR} horizontal={false} />
        <XAxis
          type="number"
          domain={[lo, hi]}
          ticks={ticks}
          tickFormatter={(v: number) => (v >= NEVER_DECADE ? "never" : formatTokens(10 ** v))}
          tick={axisTick}
          label={{ value: "break-even tokens / day", position: "insideBottom", offset: -8, ...axisTitle }}
        />
        <YAxis type="category" dataKey="label" width={LABEL_WIDTH} tick={axisTick} />
        <Tooltip formatter={(_v, _n, item) => [(item.payload as { text: string }).text, "low → high"]} />
        <Bar dataKey="start" stackId="t" fill="transparent" isAnimationActive={false} />
        <Bar dataKey="span" stackId="t" fill={OPTION_STYLE["self-hosted"].color} isAnimationActive={animate} />
        {base && <ReferenceLine x={Math.log10(base)} stroke={INK} strokeDasharray="3 3" />}
      </BarChart>
    </ChartFrame>
  );
}
