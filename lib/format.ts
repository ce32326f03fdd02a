// Display formatting in one place (pages, charts, PDF). Engine texts use the same helpers.
export { formatPct, formatTokens, formatUsd } from "./engine/text";

export function formatDate(d: Date | string): string {
  return new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }).format(new Date(d));
}

export function formatNumber(n: number, maxDigits = 2): string {
  return new Intl.NumberFormat("en-US", { maximumFractionDigits: maxDigits }).format(n);
}
