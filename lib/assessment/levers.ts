import type { AssumptionKey, AssumptionRow, Evaluation } from "@/lib/engine";

// The figures worth a slider on the live result: those whose plausible range moves the break-even most
// (the engine's sensitivity rows), then those whose nearest change flips the verdict (what-would-change),
// skipping any with no effect. The ranges are the catalog's evidence ranges.

export const LEVER_COUNT = 5;

const spread = (lo: number | null, hi: number | null, ceiling: number) =>
  Math.abs(Math.log10(hi ?? ceiling) - Math.log10(lo ?? ceiling));

export function topLevers(e: Evaluation, count = LEVER_COUNT): AssumptionRow[] {
  const rows = new Map(e.assumptions.map((a) => [a.key as string, a]));
  const ceiling =
    Math.max(...e.sensitivity.flatMap((s) => [s.breakEvenLow ?? 0, s.breakEvenHigh ?? 0]), e.tokensPerDay, 1) * 10;
  const bySpread = e.sensitivity
    .filter((s) => rows.has(s.assumption) && s.breakEvenLow !== s.breakEvenHigh)
    .sort((a, b) => spread(b.breakEvenLow, b.breakEvenHigh, ceiling) - spread(a.breakEvenLow, a.breakEvenHigh, ceiling))
    .map((s) => s.assumption as AssumptionKey);
  const flips = (e.whatWouldChange ?? []).map((w) => w.assumption).filter((k): k is AssumptionKey => rows.has(k));
  const keys = [...new Set([...bySpread, ...flips])].slice(0, count);
  return keys.map((k) => rows.get(k)!).filter((r) => r.high > r.low);
}

/** A slider's bounds: the evidence range, widened to hold the current value. */
export function leverRange(r: AssumptionRow): { min: number; max: number; step: number } {
  const min = Math.min(r.low, r.value);
  const max = Math.max(r.high, r.value);
  return { min, max, step: (max - min) / 100 };
}

/** Whether a value lies outside the catalog's evidence range (still accepted, but worth a second look). */
export function outsideEvidence(r: Pick<AssumptionRow, "low" | "high">, value: number): boolean {
  return value < r.low || value > r.high;
}
