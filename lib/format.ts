// Display formatting in one place (pages, charts, PDF). Engine texts use the same helpers.
import { formatUsd } from "./engine/text";

export { formatPct, formatTokens, formatUsd } from "./engine/text";

/** A figure that may not exist (e.g. per-million cost with no tokens): a dash instead. */
export const formatUsdOrDash = (n: number | null | undefined): string => (n === null || n === undefined ? "—" : formatUsd(n));

export function formatDate(d: Date | string): string {
  return new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }).format(new Date(d));
}

export function formatNumber(n: number, maxDigits = 2): string {
  return new Intl.NumberFormat("en-US", { maximumFractionDigits: maxDigits }).format(n);
}
