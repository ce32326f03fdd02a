import { figureOf, type Catalog } from "../catalog";
import type { CostView, OptionCost } from "../economics";
import type { Model } from "../types";
import { OPTIONS, type Option } from "../schema";
import { formatPct, formatUsd } from "../text";
import { factorLabel, OPTION_LABELS } from "../vocabulary";
import { factors, factorScores } from "./factors";
import type { Exclusion, RankedOption, Reason } from "./types";

/**
 * Cost is binding (catalog/economics.json `economics.costBinding.maxPremiumShare`): the verdict may cost
 * more than the cheapest usable option only for its stated non-cost reasons, and by at most that share
 * of the cheapest TCO. Options dearer than that rank after those within it. `lite` (verdict probes):
 * the same ranking, without reasons (none returned, none per option).
 */
/** Probes' rankings carry no reasons: one shared, frozen empty list. */
const NO_REASONS: string[] = Object.freeze([]) as unknown as string[];

/**
 * Each option's rank tier: 4 if a hard rule excludes it, + 2 below the frontier quality required (open
 * weights all in house while an option meeting it is usable), + 1 dearer than the cost-binding premium allows.
 */
function rankTiers(
  costs: Record<Option, CostView>,
  isExcluded: Record<Option, boolean>,
  qualityBinds: boolean,
  refTco: number,
  allowed: number,
): Record<Option, number> {
  const rank = {} as Record<Option, number>;
  for (const o of OPTIONS) {
    const below = qualityBinds && o !== "api" && o !== "hybrid";
    const over = !isExcluded[o] && costs[o].tcoUsd - refTco > allowed + 1;
    rank[o] = 4 * Number(isExcluded[o]) + 2 * Number(below) + Number(over);
  }
  return rank;
}

export function score(
  m: Model,
  catalog: Catalog,
  costs: Record<Option, CostView>,
  excluded: Exclusion[],
  opts: { lite?: boolean } = {},
) {
  const isExcluded = { api: false, "hosted-open": false, "self-hosted": false, hybrid: false } as Record<
    Option,
    boolean
  >;
  for (const e of excluded) isExcluded[e.option] = true;
  const feasible: Option[] = [];
  for (const o of OPTIONS) if (!isExcluded[o]) feasible.push(o);
  // Scores from factorScores (the one place they are computed); verdict probes build no texts.
  const scored = factorScores(m, catalog, costs, feasible);
  const fs = opts.lite ? null : factors(m, catalog, costs, feasible, scored);
  const weights = catalog.policy.weights;
  // Weighted totals by option index (OPTIONS order): a typed array adds in place, allocating nothing per factor.
  const totals = new Float64Array(OPTIONS.length);
  const reasons: Reason[] = [];
  for (let i = 0; i < scored.length; i++) {
    const [factor, sc] = scored[i]!;
    const w = weights[factor];
    for (let k = 0; k < OPTIONS.length; k++) totals[k]! += w * sc[OPTIONS[k]!];
    if (!fs) continue; // verdict probes (whatWouldChange) read the ranking only: no reasons
    const f = fs[i]!;
    // What the factor itself favours, whether or not a hard rule removed that option; cost is
    // judged among the options you can use (its text names what the hard rules cost you).
    const candidates = factor === "cost" && feasible.length ? feasible : OPTIONS;
    const favours = candidates.reduce((x, y) => (sc[y] > sc[x] ? y : x));
    // Text built on first read: verdict probes (whatWouldChange) never read it.
    reasons.push({
      factor,
      favours,
      weight: w,
      get text() {
        return f.text(favours);
      },
      scores: sc,
    });
  }
  // 0–100: 50 is neutral; excluded options rank last whatever they score.
  const scores = {} as Record<Option, number>;
  for (let k = 0; k < OPTIONS.length; k++) scores[OPTIONS[k]!] = Math.round((50 + 50 * totals[k]!) * 10) / 10;
  // A hybrid whose cheapest split is all one option IS that option: the mix the hybrid stands for is
  // recommended as that pure option, with the better of the two scores (so a verdict does not jump to
  // a third option while the split is degenerate and come back once it is not).
  const pure = costs.hybrid.split?.pure;
  if (pure && pure !== "hybrid" && !isExcluded[pure]) scores[pure] = Math.max(scores[pure], scores.hybrid);
  // The limit is measured from the cheapest usable option that meets the quality requirement: with
  // frontier quality required, open weights run in house are no cheaper answer to the same question.
  const frontierRequired = m.input.capability.frontier === "required";
  let minTco = feasible.length ? Infinity : 0;
  let refTco = Infinity;
  let refPool = 0;
  for (const o of feasible) {
    minTco = Math.min(minTco, costs[o].tcoUsd);
    if (!frontierRequired || o === "api" || o === "hybrid") {
      refPool++;
      refTco = Math.min(refTco, costs[o].tcoUsd);
    }
  }
  if (!refPool) refTco = minTco;
  const limit = figureOf(catalog, "economics.costBinding.maxPremiumShare").value;
  const floor = figureOf(catalog, "economics.costBinding.premiumFloorUsd").value;
  const allowed = Math.max(limit * refTco, floor);
  // The order: rank tier first (excluded last; with frontier quality required, open weights fall short
  // wherever they run, so self-hosting everything ranks after the options that meet it while one of those
  // is usable; options dearer than the binding premium after those within it), then score, then the
  // OPTIONS order (a stable insertion sort of the four).
  const rank = rankTiers(costs, isExcluded, frontierRequired && refPool > 0, refTco, allowed);
  const order = [...OPTIONS];
  for (let i = 1; i < order.length; i++) {
    const o = order[i]!;
    let j = i - 1;
    while (j >= 0 && (rank[order[j]!] > rank[o] || (rank[order[j]!] === rank[o] && scores[order[j]!] < scores[o]))) {
      order[j + 1] = order[j]!;
      j--;
    }
    order[j + 1] = o;
  }
  const ranking: RankedOption[] = [];
  for (const o of order) {
    const belowQuality = (rank[o] & 2) !== 0;
    const overLimit = (rank[o] & 1) !== 0;
    ranking.push({
      option: o,
      score: scores[o],
      excluded: isExcluded[o],
      reasons: opts.lite
        ? NO_REASONS
        : isExcluded[o]
          ? excluded.filter((e) => e.option === o).map((e) => e.text)
          : [
              ...(belowQuality
                ? [
                    `Frontier quality is required and open weights are not at the frontier, so self-hosting all traffic ranks after the options that meet it; your own GPUs serve the routine share in the hybrid instead.`,
                  ]
                : []),
              ...(overLimit
                ? [
                    `It costs ${formatUsd(costs[o].tcoUsd - refTco)} more than the cheapest usable option${refTco > minTco ? " that meets the frontier-quality requirement" : ""} over ${m.input.strategy.horizonMonths} months, more than the premium RentOrOwn lets non-cost reasons buy (${formatPct(limit, 0)} of the cheapest or ${formatUsd(floor)}, whichever is larger), so it ranks after the options within it.`,
                  ]
                : []),
              ...(o === "hybrid" && costs.hybrid.split?.text ? [costs.hybrid.split.text] : []),
              ...reasons.filter((r) => r.favours === o).map((r) => r.text),
            ],
    });
  }
  return { ranking, reasons, feasible, minTco };
}

/** The verdict's cost premium over the cheapest usable option, with the non-cost factors that buy it (contract v1.1). */
export function premiumReason(
  m: Model,
  costs: Record<Option, OptionCost>,
  ranking: RankedOption[],
  reasons: Reason[],
  catalog?: Catalog,
): { costPremiumUsd: number; reason: Reason | null } {
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
    forced =
      premium > allowed + 1 &&
      m.input.capability.frontier === "required" &&
      cheapest !== "api" &&
      cheapest !== "hybrid";
    if (forced) {
      const share =
        winner === "hybrid"
          ? `the ${formatPct(costs.hybrid.split?.frontierShare ?? 0, 1)} of traffic routed to ${m.apiModelLabel}`
          : `all traffic, on ${m.apiModelLabel}`;
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
      text: forced
        ? `${head}${cap}`
        : `${head}${cap}: you pay that for ${buying.length ? buying.join(", ") : "the non-cost factors"}.`,
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
