import { OPTIONS, type Evaluation, type Option } from "@/lib/engine";

// What changed between two results: the answers (flattened to dotted paths), the verdict, the
// costs and the break-even. Used by "compare revisions" and by the "prices changed" notice.

export type InputChange = { path: string; before: unknown; after: unknown };

function flatten(value: unknown, prefix = "", out: Record<string, unknown> = {}): Record<string, unknown> {
  if (value && typeof value === "object" && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else {
    out[prefix] = Array.isArray(value) ? [...value].sort().join(", ") : value;
  }
  return out;
}

export function diffInputs(a: unknown, b: unknown): InputChange[] {
  const fa = flatten(a);
  const fb = flatten(b);
  const paths = [...new Set([...Object.keys(fa), ...Object.keys(fb)])].sort();
  return paths.filter((p) => fa[p] !== fb[p]).map((p) => ({ path: p, before: fa[p], after: fb[p] }));
}

export type EvaluationDiff = {
  verdict: { before: Option; after: Option; changed: boolean };
  confidence: { before: number; after: number };
  costs: { option: Option; monthOneBefore: number; monthOneAfter: number; tcoBefore: number; tcoAfter: number }[];
  breakEven: { against: "api" | "hosted-open"; before: number | null; after: number | null; monthBefore: number | null; monthAfter: number | null }[];
  catalog: { before: string; after: string; changed: boolean };
};

export function diffEvaluations(before: Evaluation, after: Evaluation): EvaluationDiff {
  return {
    verdict: { before: before.recommendation, after: after.recommendation, changed: before.recommendation !== after.recommendation },
    confidence: { before: before.confidence, after: after.confidence },
    costs: OPTIONS.map((o) => ({
      option: o,
      monthOneBefore: before.costs[o].monthlyUsd[0] ?? 0,
      monthOneAfter: after.costs[o].monthlyUsd[0] ?? 0,
      tcoBefore: before.costs[o].tcoUsd,
      tcoAfter: after.costs[o].tcoUsd,
    })),
    breakEven: (["api", "hosted-open"] as const).map((k) => ({
      against: k,
      before: before.breakEven[k].tokensPerDay,
      after: after.breakEven[k].tokensPerDay,
      monthBefore: before.breakEven[k].month,
      monthAfter: after.breakEven[k].month,
    })),
    catalog: { before: before.catalogVersion, after: after.catalogVersion, changed: before.catalogVersion !== after.catalogVersion },
  };
}

/** Cents and whole tokens: smaller drifts are float noise, not a change a user should be told about. */
const moved = (a: number | null, b: number | null, tolerance: number) => (a === null || b === null ? a !== b : Math.abs(a - b) > tolerance);

/**
 * Whether re-saving would change what the user sees: a new catalog, or the same catalog with an
 * engine that now computes a different verdict, cost or break-even for the same answers.
 */
export function resultsMoved(diff: EvaluationDiff): boolean {
  return (
    diff.catalog.changed ||
    diff.verdict.changed ||
    diff.costs.some((c) => moved(c.monthOneBefore, c.monthOneAfter, 0.01) || moved(c.tcoBefore, c.tcoAfter, 0.01)) ||
    diff.breakEven.some((b) => moved(b.before, b.after, 1) || b.monthBefore !== b.monthAfter)
  );
}
