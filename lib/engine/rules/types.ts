import type { Option } from "../schema";

// Rules: hard exclusions first (each with its reason), then weighted factors scored from the
// catalog's policy table, conflicts between requirements, and a confidence figure.

export type Exclusion = { option: Option; rule: string; text: string };
export type Reason = { factor: string; favours: Option; weight: number; text: string; scores?: Record<Option, number> };
export type Conflict = { id: string; text: string; advice: string };
export type RankedOption = { option: Option; score: number; excluded: boolean; reasons: string[] };

export const OPTION_LABELS: Record<Option, string> = {
  api: "Proprietary API",
  "hosted-open": "Hosted open-weights",
  "self-hosted": "Self-hosted",
  hybrid: "Hybrid",
};
export const optionLabel = (o: Option) => OPTION_LABELS[o];

export const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;

export function figure(catalog: { figures: Record<string, { value: number } | undefined> }, key: string): number {
  const f = catalog.figures[key];
  if (!f) throw new Error(`catalog figure ${key} missing`);
  return f.value;
}
