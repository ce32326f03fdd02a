// Conversions between what the form shows and what the engine takes.
import { tokensPerDayOfVolume } from "@/lib/engine/units";

/** Shares are 0–1 in the engine and percentages in the form. */
export const shareToPercent = (share: number | undefined): number | undefined =>
  share === undefined ? undefined : Math.round(share * 10_000) / 100;
export const percentToShare = (pct: number): number => pct / 100;

/** Parses a number field: empty or malformed text becomes undefined (the schema then says "required"). */
export function parseNumberField(text: string): number | undefined {
  const cleaned = text.replace(/[,_\s]/g, "");
  if (cleaned === "") return undefined;
  const n = Number(cleaned);
  return Number.isFinite(n) ? n : undefined;
}

/** A count the form can read: a finite, whole, non-negative number. */
const isCount = (n: number | undefined): n is number => n !== undefined && Number.isInteger(n) && n >= 0;

/**
 * The engine's tokens/day (lib/engine/units.ts, the one formula) of a form's answers; undefined while any
 * of the three counts is missing or invalid (negative, fractional, unreadable), so nothing is read into a bad figure.
 */
export function tokensPerDay(v: {
  requestsPerDay?: number;
  inputTokensPerRequest?: number;
  outputTokensPerRequest?: number;
}): number | undefined {
  const { requestsPerDay, inputTokensPerRequest, outputTokensPerRequest } = v;
  if (!isCount(requestsPerDay) || !isCount(inputTokensPerRequest) || !isCount(outputTokensPerRequest)) return undefined;
  return tokensPerDayOfVolume({ requestsPerDay, inputTokensPerRequest, outputTokensPerRequest });
}
