import { figureOf, type Catalog, type FigureKey } from "../catalog";
import type { Option } from "../schema";
import { formatPct } from "../text";

// Rules: hard exclusions first (each with its reason), then weighted factors scored from the
// catalog's policy table, conflicts between requirements, and a confidence figure.

/** A hard rule that removes an option (`kind: "hard"`; the rule id says which: offline, in-house, latency, context, compliance, quality…). */
export type Exclusion = { option: Option; rule: string; text: string; kind?: "hard" };
/** `kind`: "rule" for a hard rule (an exclusion), else a weighted factor or a note (no `"rule:"` prefix on `factor`). */
export type Reason = {
  factor: string;
  favours: Option;
  weight: number;
  text: string;
  scores?: Record<Option, number>;
  kind?: "rule" | "factor" | "note";
};
export type Conflict = { id: string; text: string; advice: string };
export type RankedOption = { option: Option; score: number; excluded: boolean; reasons: string[] };

// Option names come from the one vocabulary table; shares print as formatPct does everywhere.
export { OPTION_LABELS, optionLabel } from "../vocabulary";
export const pct = (x: number) => formatPct(x, 1);

/** A keyed catalog figure's value, through the one accessor (figureOf: a missing key throws a CatalogError naming it). */
export function figure(catalog: Catalog, key: FigureKey): number {
  return figureOf(catalog, key).value;
}
