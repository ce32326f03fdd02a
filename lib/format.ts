// Display formatting in one place (pages, charts, PDF). Engine texts use the same helpers.
import { formatUsd, unitFor } from "./engine/text";

export { formatPct, formatTokens, formatUsd } from "./engine/text";

/** A figure that may not exist (e.g. per-million cost with no tokens): a dash instead. */
export const formatUsdOrDash = (n: number | null | undefined): string =>
  n === null || n === undefined ? "—" : formatUsd(n);

export function formatDate(d: Date | string): string {
  return new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }).format(
    new Date(d),
  );
}

export function formatNumber(n: number, maxDigits = 2): string {
  return new Intl.NumberFormat("en-US", { maximumFractionDigits: maxDigits }).format(n);
}

/** Chart axes' money: the same dollars as formatUsd, rounded to the tick ("$100", "$2.5k", "$10k", "$1M", "$1.5B"). */
export function formatUsdCompact(n: number): string {
  const abs = Math.abs(n);
  const short = (x: number) => `${+x.toFixed(x >= 10 ? 0 : 1)}`;
  if (abs >= 1e9) return `$${short(n / 1e9)}B`;
  if (abs >= 1e6) return `$${short(n / 1e6)}M`;
  if (abs >= 1e3) return `$${short(n / 1e3)}k`;
  return `$${Math.round(n)}`;
}

/** Powers of ten from the decade at or below `min` to the one at or above `max`: the ticks of a log axis. */
export function decadeTicks(min: number, max: number): number[] {
  if (!(min > 0) || !(max >= min)) return [];
  const lo = Math.floor(Math.log10(min));
  const hi = Math.ceil(Math.log10(max));
  return Array.from({ length: hi - lo + 1 }, (_, i) => 10 ** (lo + i));
}

/** "1 engineer-month", "2 engineer-months": a unit that starts with a plural noun agrees with its value. */
export function formatQuantity(value: number, unit: string, maxDigits = 4): string {
  return `${formatNumber(value, maxDigits)} ${unitFor(value, unit)}`;
}

/** The unit as it reads after this value (the engine's one rule, shared by its sentences and the UI). */
export { unitFor };

/** A figure to `digits` significant digits (1.3400000001 → "1.34", 123456 → "123,000"): tables print rounded values. */
export function formatSignificant(n: number, digits = 3): string {
  return n === 0 || !Number.isFinite(n) ? formatNumber(n) : formatNumber(Number(n.toPrecision(digits)), 6);
}

/** An option's name inside a sentence: "the proprietary API" keeps its capitals ("proprietary api" read as a typo), others lower-cased. */
export function optionInSentence(label: string, isApi: boolean): string {
  return isApi ? "the proprietary API" : label.toLowerCase();
}
