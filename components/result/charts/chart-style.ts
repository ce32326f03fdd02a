// Shared chart sizes and styling, free of recharts so that light modules (the lazy loader's
// placeholders) can read them without pulling the chart library in. Option colours and dash
// patterns come from the vocabulary (OPTION_STYLE).

export type ChartSize = { width?: number; height?: number; animate?: boolean };

/** Plot height when the caller does not fix one (the PDF does). */
export const CHART_HEIGHT = 300;
/** Room around the plot: the top keeps the legend clear, the bottom the axis title. */
export const CHART_MARGIN = { top: 16, right: 16, bottom: 16, left: 8 } as const;
/** Width reserved for USD tick labels on the y axis. */
export const USD_AXIS_WIDTH = 64;
export const GRID_COLOR = "#e2e8f0";
export const INK = "#0f172a";
export const axisTick = { fontSize: 11, fill: "#475569" };
export const axisTitle = { fontSize: 11, fill: "#475569" };
export const legendStyle = { fontSize: 12 };

/** Room on the right of a line chart for the series' names written at their line ends (direct labels). */
export const END_LABEL_WIDTH = 76;
/** Vertical room one end label needs, px. */
const END_LABEL_GAP = 12;

/**
 * Vertical offsets (px) that keep end labels apart: labels are placed top to bottom by their line's end
 * (`position` in plot pixels, from the top) and each pushed below the one above it when they would touch;
 * `lines` says how many text lines a label takes (a two-line label needs twice the room).
 */
export function endLabelOffsets<K extends string>(
  position: Record<K, number>,
  lines: Partial<Record<K, number>> = {},
): Record<K, number> {
  const keys = (Object.keys(position) as K[]).sort((a, b) => position[a] - position[b]);
  const out = {} as Record<K, number>;
  let nextFree = -Infinity;
  for (const k of keys) {
    const y = Math.max(position[k], nextFree);
    out[k] = y - position[k];
    nextFree = y + END_LABEL_GAP * (lines[k] ?? 1);
  }
  return out;
}
