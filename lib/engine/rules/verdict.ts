import { figureOf, type Catalog } from "../catalog";
import type { CostView, OptionCost } from "../economics";
import type { Model } from "../model";
import { OPTIONS, type Option } from "../schema";
import { formatPct, formatUsd } from "../text";
import { factorLabel, OPTION_LABELS } from "../vocabulary";
import { factors, factorScores, type Factor } from "./factors";
import type { Exclusion, RankedOption, Reason } from "./types";

/**
 * Cost is binding (catalog/economics.json `economics.costBinding.maxPremiumShare`): the verdict may cost
 * more than the cheapest usable option only for its stated non-cost reasons, and by at most that share
 * of the cheapest TCO. Options dearer than that rank after those within it. `lite` (verdict probes):
 * the same ranking, without reasons (none returned, none per option).
 */
export function score(m: Model, catalog: Catalog, costs: Record<Option, CostView>, excluded: Exclusion[], opts: { lite?: boolean } = {}) {
  const excludedSet = new Set(excluded.map((e) => e.option));
  const feasible = OPTIONS.filter((o) => !excludedSet.has(o));
  // Verdict probes score without building the factors' texts.
  const fs: Pick<Factor, "factor" | "scores">[] | Factor[] = opts.lite ? factorScores(m, catalog, costs, feasible).map(([factor, scores]) => ({ factor, scores })) : factors(m, catalog, costs, feasible);
  const weights = catalog.policy.weights;
  const totals: Record<Option, number> = { api: 0, "hosted-open": 0, "self-hosted": 0, hybrid: 0 };
  const reasons: Reason[] = [];
  for (const f of fs) {
    const w = weights[f.factor] ?? 0;
    for (const o of OPTIONS) totals[o] += w * f.scores[o];
    if (opts.lite) continue; // verdict probes (whatWouldChange) read the ranking only: no reasons
    // What the factor itself favours, whether or not a hard rule removed that option; cost is
    // judged among the options you can use (its text names what the hard rules cost you).
    const candidates = f.factor === "cost" && feasible.length ? feasible : OPTIONS;
    const favours = candidates.reduce((a, b) => (f.scores[b] > f.scores[a] ? b : a));
    // Text built on first read: verdict probes (whatWouldChange) never read it.
    reasons.push({
      factor: f.factor,
      favours,
      weight: w,
      get text() {
        return (f as Factor).text(favours);
      },
      scores: f.scores,
    });
  }
  // 0–100: 50 is neutral; excluded options rank last whatever they score.
  const scores = {} as Record<Option, number>;
  for (const o of OPTIONS) scores[o] = Math.round((50 + 50 * totals[o]) * 10) / 10;
  // A hybrid whose cheapest split is all one option IS that option: the mix the hybrid stands for is
  // recommended as that pure option, with the better of the two scores (so a verdict does not jump to
  // a third option while the split is degenerate and come back once it is not).
  const pure = costs.hybrid.split?.pure;
  if (pure && pure !== "hybrid" && !excludedSet.has(pure)) scores[pure] = Math.max(scores[pure], scores.hybrid);
  const minTco = feasible.length ? Math.min(...feasible.map((o) => costs[o].tcoUsd)) : 0;
  // The limit is measured from the cheapest usable option that meets the quality requirement: with
  // frontier quality required, open weights run in house are no cheaper answer to the same question.
  const meetsQuality = (o: Option) => m.input.capability.frontier !== "required" || o === "api" || o === "hybrid";
  const refPool = feasible.filter(meetsQuality);
  const refTco = refPool.length ? Math.min(...refPool.map((o) => costs[o].tcoUsd)) : minTco;
  const limit = figureOf(catalog, "economics.costBinding.maxPremiumShare").value;
  const floor = figureOf(catalog, "economics.costBinding.premiumFloorUsd").value;
  const allowed = Math.max(limit * refTco, floor);
  const overLimit = (o: Option) => !excludedSet.has(o) && costs[o].tcoUsd - refTco > allowed + 1;
  // Frontier quality required: open weights fall short wherever they run, so self-hosting everything
  // ranks after the options that meet it (API, or a hybrid that routes the hardest share to it) while
  // one of those is usable; it stays the answer only when the hard rules leave nothing else.
  const belowQuality = (o: Option) => refPool.length > 0 && !meetsQuality(o);
  // Sort keys computed once per option (the comparator runs several times per option).
  const rank = {} as Record<Option, number>;
  for (const o of OPTIONS) rank[o] = 4 * Number(excludedSet.has(o)) + 2 * Number(belowQuality(o)) + Number(overLimit(o));
  const ranking: RankedOption[] = [...OPTIONS]
    .sort((a, b) => rank[a] - rank[b] || scores[b] - scores[a])
    .map((o) => ({
      option: o,
      score: scores[o],
      excluded: excludedSet.has(o),
      reasons: opts.lite
        ? []
        : excludedSet.has(o)
        ? excluded.filter((e) => e.option === o).map((e) => e.text)
        : [
            ...(belowQuality(o) ? [`Frontier quality is required and open weights are not at the frontier, so self-hosting all traffic ranks after the options that meet it; your own GPUs serve the routine share in the hybrid instead.`] : []),
            ...(overLimit(o) ? [`It costs ${formatUsd(costs[o].tcoUsd - refTco)} more than the cheapest usable option${refTco > minTco ? " that meets the frontier-quality requirement" : ""} over ${m.input.strategy.horizonMonths} months, more than the premium RentOrOwn lets non-cost reasons buy (${formatPct(limit, 0)} of the cheapest or ${formatUsd(floor)}, whichever is larger), so it ranks after the options within it.`] : []),
            ...(o === "hybrid" && costs.hybrid.split?.text ? [costs.hybrid.split.text] : []),
            ...reasons.filter((r) => r.favours === o).map((r) => r.text),
          ],
    }));
  return { ranking, reasons, feasible, minTco };
}

/** The verdict's cost premium over the cheapest usable option, with the non-cost factors that buy it (contract v1.1). */
export function premiumReason(m: Model, costs: Record<Option, OptionCost>, ranking: RankedOption[], reasons: Reason[], catalog?: Catalog): { costPremiumUsd: number; reason: Reason | null } {
  const feasible = ranking.filter((r) => !r.excluded).map((r) => r.option);
  const winner = feasible[0];
  if (!winner) return { costPremiumUsd: 0, reason: null };
  const cheapest = feasible.reduce((a, b) => (costs[b].tcoUsd < costs[a].tcoUsd ? b : a));
  const premium = Math.max(0, costs[winner].tcoUsd - costs[cheapest].tcoUsd);
  if (cheapest === winner || premium < 1) return { costPremiumUsd: 0, reason: null };
  const edge = (r: Reason) => (r.scores ? r.weight * (r.scores[winner] - r.scores[cheapest]) : 0);
  const buying = reasons
    .filter((r) => r.factor !== "cost" && r.favours === winner && edge(r) > 0)
    .sort((a, b) => edge(b) - edge(a))
    .slice(0, 3)
    .map((r) => factorLabel(r.factor).toLowerCase());
  const horizon = m.input.strategy.horizonMonths;
  const head =
    `${OPTION_LABELS[winner]} costs ${formatUsd(premium)} more over ${horizon} months than ${OPTION_LABELS[cheapest]} (${formatUsd(costs[cheapest].tcoUsd)}), ` +
    `${formatPct(premium / Math.max(costs[cheapest].tcoUsd, 1), 0)} more`;
  // The cap (economics.costBinding): what non-cost reasons may buy. A premium beyond it is only ever
  // forced by a hard requirement: frontier quality, which open weights (the cheaper option) do not meet.
  let cap = "";
  let forced = false;
  if (catalog) {
    const limit = figureOf(catalog, "economics.costBinding.maxPremiumShare").value;
    const floor = figureOf(catalog, "economics.costBinding.premiumFloorUsd").value;
    const allowed = Math.max(limit * costs[cheapest].tcoUsd, floor);
    const limitText = `${formatPct(limit, 0)} of the cheapest or ${formatUsd(floor)}, whichever is larger`;
    forced = premium > allowed + 1 && m.input.capability.frontier === "required" && cheapest !== "api" && cheapest !== "hybrid";
    if (forced) {
      const share = winner === "hybrid" ? `the ${formatPct(costs.hybrid.split?.frontierShare ?? 0, 1)} of traffic routed to ${m.apiModelLabel}` : `all traffic, on ${m.apiModelLabel}`;
      cap = `, more than non-cost reasons may buy (${limitText}), because a hard requirement forces it (frontier quality is required and ${OPTION_LABELS[cheapest]} runs open weights, which are not at the frontier): you pay that for frontier quality on ${share}.`;
    } else if (premium <= allowed + 1) cap = `, within what non-cost reasons may buy (${limitText})`;
    else cap = `, more than non-cost reasons may buy (${limitText})`;
  }
  return {
    costPremiumUsd: premium,
    reason: {
      factor: "premium",
      favours: winner,
      weight: 0,
      text: forced ? `${head}${cap}` : `${head}${cap}: you pay that for ${buying.length ? buying.join(", ") : "the non-cost factors"}.`,
    },
  };
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
