import { OPTIONS, type Evaluation, type Option } from "@/lib/engine";

// What changed between two results: the answers (flattened to dotted paths), the verdict, the
// costs and the break-even. Used by "compare revisions" and by the "prices changed" notice.

export type InputChange = { path: string; before: unknown; after: unknown };

function flatten(value: unknown, prefix = "", out: Record<string, unknown> = {}): Record<string, unknown> {
  const at = (k: string) => (prefix ? `${prefix}.${k}` : k);
  if (value && typeof value === "object" && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) flatten(v, at(k), out);
  } else if (Array.isArray(value) && value.some((x) => x && typeof x === "object")) {
    // A portfolio's workloads: matched by id (so reordering or renaming is not "everything changed").
    value.forEach((x, i) =>
      flatten(x, at(x && typeof x === "object" && "id" in x ? String((x as { id: unknown }).id) : String(i)), out),
    );
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
  breakEven: {
    against: "api" | "hosted-open";
    before: number | null;
    after: number | null;
    monthBefore: number | null;
    monthAfter: number | null;
  }[];
  catalog: { before: string; after: string; changed: boolean };
  /** The models and GPU compared, where they differ between the two (an answer can switch the model priced). */
  models: { what: string; before: string; after: string }[];
  /** Every price override of either side: its figure, the model it was set on, whether it priced the model in use. */
  overrides: OverrideChange[];
};

type OverrideSide = { value: number; setOnLabel: string; pricedLabel: string; applied: boolean };
export type OverrideChange = { key: string; before: OverrideSide | null; after: OverrideSide | null };

const MODEL_FIELDS = [
  ["Proprietary model", "apiModel"],
  ["Hosted open-weights model", "hostedModel"],
  ["Self-hosted model", "openModel"],
  ["GPU", "gpu"],
] as const;

function overridesOf(e: Evaluation): Map<string, OverrideSide> {
  return new Map(
    (e.priceOverrides ?? []).map((o) => [
      o.key,
      { value: o.value, setOnLabel: o.setOnLabel, pricedLabel: o.pricedLabel, applied: o.applied },
    ]),
  );
}

export function diffEvaluations(before: Evaluation, after: Evaluation): EvaluationDiff {
  const ob = overridesOf(before);
  const oa = overridesOf(after);
  return {
    models: MODEL_FIELDS.filter(([, k]) => before.comparison[k] !== after.comparison[k]).map(([what, k]) => ({
      what,
      before: before.comparison[k],
      after: after.comparison[k],
    })),
    overrides: [...new Set([...ob.keys(), ...oa.keys()])]
      .sort()
      .map((key) => ({ key, before: ob.get(key) ?? null, after: oa.get(key) ?? null })),
    verdict: {
      before: before.recommendation,
      after: after.recommendation,
      changed: before.recommendation !== after.recommendation,
    },
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
    catalog: {
      before: before.catalogVersion,
      after: after.catalogVersion,
      changed: before.catalogVersion !== after.catalogVersion,
    },
  };
}

/** Cents and whole tokens: smaller drifts are float noise, not a change a user should be told about. */
const moved = (a: number | null, b: number | null, tolerance: number) =>
  a === null || b === null ? a !== b : Math.abs(a - b) > tolerance;

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

// ---- Portfolios: per-workload placement changes, the plan's cost, the catalog ----

export type PlacementChange = {
  id: string;
  name: string;
  /** null: the workload is not in that revision (added or removed). */
  before: Option | null;
  after: Option | null;
  changed: boolean;
  marginalBefore: number | null;
  marginalAfter: number | null;
};

export type PortfolioDiff = {
  placements: PlacementChange[];
  plan: {
    tcoBefore: number;
    tcoAfter: number;
    monthOneBefore: number;
    monthOneAfter: number;
    poolingBefore: number;
    poolingAfter: number;
  };
  catalog: { before: string; after: string; changed: boolean };
};

type PlanLike = {
  workloads: { id: string; name: string; placement: Option; marginalTcoUsd?: number }[];
  plan: { tcoUsd: number; monthlyUsd: number[]; poolingSavingsUsd?: number };
  catalogVersion: string;
};

/** Workloads matched by id (a rename keeps its history); order: the later revision's, then removed ones. */
export function diffPortfolios(before: PlanLike, after: PlanLike): PortfolioDiff {
  const b = new Map(before.workloads.map((w) => [w.id, w]));
  const a = new Map(after.workloads.map((w) => [w.id, w]));
  const ids = [...after.workloads.map((w) => w.id), ...before.workloads.filter((w) => !a.has(w.id)).map((w) => w.id)];
  return {
    placements: ids.map((id) => {
      const x = b.get(id);
      const y = a.get(id);
      return {
        id,
        name: (y ?? x)!.name,
        before: x?.placement ?? null,
        after: y?.placement ?? null,
        changed: x?.placement !== y?.placement,
        marginalBefore: x?.marginalTcoUsd ?? null,
        marginalAfter: y?.marginalTcoUsd ?? null,
      };
    }),
    plan: {
      tcoBefore: before.plan.tcoUsd,
      tcoAfter: after.plan.tcoUsd,
      monthOneBefore: before.plan.monthlyUsd[0] ?? 0,
      monthOneAfter: after.plan.monthlyUsd[0] ?? 0,
      poolingBefore: before.plan.poolingSavingsUsd ?? 0,
      poolingAfter: after.plan.poolingSavingsUsd ?? 0,
    },
    catalog: {
      before: before.catalogVersion,
      after: after.catalogVersion,
      changed: before.catalogVersion !== after.catalogVersion,
    },
  };
}

/** Whether re-saving a portfolio would change what the user sees (same tolerances as single assessments). */
export function portfolioMoved(d: PortfolioDiff): boolean {
  return (
    d.catalog.changed ||
    d.placements.some((p) => p.changed) ||
    moved(d.plan.tcoBefore, d.plan.tcoAfter, 0.01) ||
    moved(d.plan.monthOneBefore, d.plan.monthOneAfter, 0.01)
  );
}

/**
 * Any stored result as a plan, so that revisions of either kind compare: a single assessment is a
 * one-workload portfolio at its verdict (id "w1", as the questionnaire numbers the first workload).
 */
export function asPlan(
  r: { kind: "assessment"; evaluation: Evaluation } | { kind: "portfolio"; evaluation: PlanLike },
): PlanLike {
  if (r.kind === "portfolio") return r.evaluation;
  const e = r.evaluation;
  const c = e.costs[e.recommendation];
  return {
    workloads: [{ id: "w1", name: "Workload 1", placement: e.recommendation, marginalTcoUsd: c.tcoUsd }],
    plan: { tcoUsd: c.tcoUsd, monthlyUsd: c.monthlyUsd },
    catalogVersion: e.catalogVersion,
  };
}
