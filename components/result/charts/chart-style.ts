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
