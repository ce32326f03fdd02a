import type { Catalog } from "../catalog";
import type { OptionCost } from "../costs";
import type { Model } from "../model";
import { OPTIONS, type Option } from "../schema";
import { factors } from "./factors";
import type { Exclusion, RankedOption, Reason } from "./types";

export function score(m: Model, catalog: Catalog, costs: Record<Option, OptionCost>, excluded: Exclusion[]) {
  const excludedSet = new Set(excluded.map((e) => e.option));
  const feasible = OPTIONS.filter((o) => !excludedSet.has(o));
  const fs = factors(m, catalog, costs, feasible);
  const weights = catalog.policy.weights;
  const totals: Record<Option, number> = { api: 0, "hosted-open": 0, "self-hosted": 0, hybrid: 0 };
  const reasons: Reason[] = [];
  for (const f of fs) {
    const w = weights[f.factor] ?? 0;
    for (const o of OPTIONS) totals[o] += w * f.scores[o];
    // What the factor itself favours, whether or not a hard rule removed that option; cost is
    // judged among the options you can use (its text names what the hard rules cost you).
    const candidates = f.factor === "cost" && feasible.length ? feasible : OPTIONS;
    const favours = candidates.reduce((a, b) => (f.scores[b] > f.scores[a] ? b : a));
    reasons.push({ factor: f.factor, favours, weight: w, text: f.text(favours), scores: f.scores });
  }
  // 0–100: 50 is neutral; excluded options rank last whatever they score.
  const scores = Object.fromEntries(OPTIONS.map((o) => [o, Math.round((50 + 50 * totals[o]) * 10) / 10])) as Record<Option, number>;
  const ranking: RankedOption[] = [...OPTIONS]
    .sort((a, b) => Number(excludedSet.has(a)) - Number(excludedSet.has(b)) || scores[b] - scores[a])
    .map((o) => ({
      option: o,
      score: scores[o],
      excluded: excludedSet.has(o),
      reasons: excludedSet.has(o)
        ? excluded.filter((e) => e.option === o).map((e) => e.text)
        : [...(o === "hybrid" && costs.hybrid.split?.text ? [costs.hybrid.split.text] : []), ...reasons.filter((r) => r.favours === o).map((r) => r.text)],
    }));
  return { ranking, reasons, feasible };
}

/** The factors that most separate the verdict from the runner-up (weight × score difference). */
export function keyReasons(reasons: Reason[], ranking: RankedOption[], n = 3): Reason[] {
  const feasible = ranking.filter((r) => !r.excluded);
  const winner = feasible[0]?.option;
  const runnerUp = feasible[1]?.option;
  if (!winner) return [];
  const edge = (r: Reason) => (r.scores ? r.weight * (r.scores[winner] - (runnerUp ? r.scores[runnerUp] : 0)) : 0);
  return reasons
    .filter((r) => r.scores && edge(r) > 0)
    .sort((a, b) => edge(b) - edge(a))
    .slice(0, n);
}
