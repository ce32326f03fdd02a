import { catalog as currentCatalog, type Catalog } from "../catalog";
import { evaluateModel, type Evaluation } from "../evaluate";
import { resolveModel } from "../model";
import { inHouseBinds } from "../data-rules";
import { formatPct, formatUsd } from "../text";
import { figureOf } from "../catalog";
import { optionLabel, type Conflict, type Reason } from "../rules";
import { assessmentInputSchema, OPTIONS, type Option } from "../schema";
import {
  fleetsCost,
  fleetsMemo,
  workloadCosts,
  type FleetDemand,
  type FleetsMemo,
  type PoolSummary,
  type WorkloadCosts,
} from "./fleet-cost";
import { portfolioInputSchema, workloadInput, type ParsedPortfolioInput, type PortfolioInput } from "./schema";
import { ALTERNATIVE_LABELS, EPS_USD, marginalText, type AlternativeName } from "./texts";

// evaluatePortfolio (contract v1.1 "Portfolio"): each workload is assessed alone (`standalone`, the
// ordinary evaluate() with the company's team, deployment, strategy and assumptions), then placed.
//
// Placement search. Each workload may take its standalone verdict, or any option its hard rules allow
// that costs at least as much as the verdict when the workload is alone. Options cheaper than the
// verdict alone were passed over for reasons other than cost (team, lock-in, time to market, quality);
// pooling changes costs, not those priorities, so they stay passed over. Workloads on own GPUs share
// one fleet per open model × GPU (replicas pooled) and one team (people, tooling and set-up once).
// The plan is the cheapest placement under those constraints:
//  - EXHAUSTIVE when the candidate placements number at most EXHAUSTIVE_LIMIT (every small portfolio:
//    3 workloads have at most 64), ties resolved towards the standalone verdicts;
//  - otherwise GREEDY: start from every workload at its verdict, apply the single move (one workload to
//    another candidate option) that lowers the plan's TCO most, until no single move helps.
// Both start from, and never end above, "each-alone", so pooling never hurts. Pure and deterministic.

export const EXHAUSTIVE_LIMIT = 4096;
/** A premium under a dollar is reported as none, as evaluate()'s premiumReason does (lib/engine/rules/verdict.ts). */
const PREMIUM_MIN_USD = 1;

/** v1.2 `blockedBy`: the workloads whose hard rules rule the alternative out, each with the rule's sentence. */
export type PortfolioAlternative = {
  tcoUsd: number;
  feasible: boolean;
  monthlyUsd: number[];
  text: string;
  blockedBy: { workload: string; name: string; rule: string; text: string }[];
};
/** v1.2: how the per-workload amounts add up to the plan's TCO (what each adds where it sits, plus what no single workload adds). */
export type PlanReconciliation = {
  rows: { id: string; name: string; placement: Option; addsUsd: number }[];
  sharedUsd: number;
  totalUsd: number;
  text: string;
};
export type PortfolioBreakdown = { tokens: number; gpus: number; people: number; overheads: number; setup: number };

/** One shared fleet of the plan: an open model × GPU, the workloads on it, its size and utilization. */
export type PortfolioFleet = PoolSummary & {
  /** v1.2: month-1 utilization under economics.fleet.underusedShare of the paid capacity. */ underused: boolean;
};

export type WorkloadPlacement = {
  id: string;
  name: string;
  placement: Option;
  /** The option the workload's own evaluation recommends. */
  verdict: Option;
  standalone: Evaluation;
  /** Options the search was allowed to give it (hard rules and the verdict's priorities). */
  candidates: Option[];
  /** What the workload adds to the plan's TCO where it sits (plan with it minus plan without it). */
  marginalTcoUsd: number;
  /** Why it sits there, in one sentence. */
  text: string;
};

export type PortfolioEvaluation = {
  workloads: WorkloadPlacement[];
  plan: {
    tcoUsd: number;
    monthlyUsd: number[];
    /** Month 1, USD/month (setup is the one-time amount). */
    breakdown: PortfolioBreakdown;
    fleets: PortfolioFleet[];
    team: { runsFleet: boolean; fte: number; peopleUsdPerMonth: number; setupUsd: number };
    /** TCO of the same placements with every workload on its own fleet and team: what pooling saves. */
    poolingSavingsUsd: number;
    /** v1.2: the per-workload adds and the shared remainder, summing to tcoUsd. */
    reconciliation: PlanReconciliation;
  };
  /**
   * Every workload on one option (pooled where on own GPUs), and each at its own verdict. `all-hybrid`
   * (each workload on its own optimised split) makes the premium of a one-workload plan the premium
   * evaluate() reports: its cheapest usable option may be the hybrid. Saved evaluations computed before
   * it was added lack `all-hybrid`.
   */
  alternatives: Record<AlternativeName, PortfolioAlternative>;
  costPremiumUsd: number;
  reasons: Reason[];
  conflicts: Conflict[];
  search: { method: "exhaustive" | "greedy"; placementsEvaluated: number };
  catalogVersion: string;
  catalogAsOf: string;
  horizonMonths: number;
};

const lowerFirst = (x: string) => x.charAt(0).toLowerCase() + x.slice(1);

type Priced = { id: string; costs: WorkloadCosts; candidates: Option[] };

const onFleet = (o: Option): o is "self-hosted" | "hybrid" => o === "self-hosted" || o === "hybrid";

export { workloadInput } from "./schema";

type PlanCost = {
  monthlyUsd: Float64Array;
  tcoUsd: number;
  breakdown: PortfolioBreakdown;
  fleets: PoolSummary[];
  runsFleet: boolean;
  team: { fte: number; peopleUsdPerMonth: number; setupUsd: number };
};

/** Month-by-month cost of one placement: external bills + one pooled fleet per open model × GPU + one team (see fleet-cost.ts). */
function planCost(
  priced: readonly Priced[],
  placement: readonly Option[],
  months: number,
  detail: boolean,
  pooled = true,
  memo?: FleetsMemo,
): PlanCost {
  const monthly = new Float64Array(months);
  let tokens = 0;
  const demands: FleetDemand[] = [];
  for (let i = 0; i < priced.length; i++) {
    const o = placement[i]!;
    const c = priced[i]!.costs;
    if (o !== "self-hosted") {
      const ext = c.external[o === "hybrid" ? "hybrid" : o];
      for (let t = 0; t < months; t++) monthly[t]! += ext[t]!;
      tokens += ext[0]!;
    }
    if (onFleet(o) && !c.demand[o].none) demands.push(c.demand[o]);
  }
  const f = fleetsCost(demands, months, pooled, detail, memo);
  let tco = 0;
  for (let t = 0; t < months; t++) {
    monthly[t]! += f.monthlyUsd[t]!;
    tco += monthly[t]!;
  }
  return {
    monthlyUsd: monthly,
    tcoUsd: tco,
    breakdown: { tokens, ...f.breakdown },
    fleets: f.fleets,
    runsFleet: demands.length > 0,
    team: f.team,
  };
}

/**
 * Candidate options: hard rules allow them and, alone, they cost at least what the verdict costs.
 * When the workload's hard rules leave no option at all and its prompts must stay in house, the plan
 * keeps it on own GPUs (never on an external API) and its conflicts say what cannot be met.
 */
function candidatesOf(e: Evaluation, inHouseBinds: boolean): Option[] {
  const verdict = e.recommendation;
  const allowed = new Set(e.ranking.filter((r) => !r.excluded).map((r) => r.option));
  if (allowed.size === 0 && inHouseBinds) return ["self-hosted"];
  const floor = e.costs[verdict].tcoUsd;
  return [verdict, ...OPTIONS.filter((o) => o !== verdict && allowed.has(o) && e.costs[o].tcoUsd >= floor - EPS_USD)];
}

/**
 * Placements that cost the same (within EPS_USD) are told apart by figures that do not depend on the
 * workloads' order: fewer workloads away from their verdict first, then, workload by workload in id
 * order, the candidate nearer its verdict. Negative: `a` is preferred.
 */
function tieOrder(
  priced: readonly Priced[],
  byId: readonly number[],
  a: readonly Option[],
  b: readonly Option[],
): number {
  const idx = (pl: readonly Option[], i: number) => priced[i]!.candidates.indexOf(pl[i]!);
  let moves = 0;
  for (let i = 0; i < a.length; i++) moves += (idx(a, i) > 0 ? 1 : 0) - (idx(b, i) > 0 ? 1 : 0);
  if (moves !== 0) return moves;
  for (const i of byId) {
    const d = idx(a, i) - idx(b, i);
    if (d !== 0) return d;
  }
  return 0;
}

function search(
  priced: readonly Priced[],
  start: Option[],
  months: number,
  limit: number,
  memo: FleetsMemo,
): { placement: Option[]; evaluated: number; method: "exhaustive" | "greedy" } {
  const space = priced.reduce((n, p) => n * p.candidates.length, 1);
  const byId = priced
    .map((_, i) => i)
    .sort((i, j) => (priced[i]!.id < priced[j]!.id ? -1 : priced[i]!.id > priced[j]!.id ? 1 : 0));
  /** Strictly better: cheaper by more than EPS_USD, or as cheap and first in tieOrder. */
  const better = (c: number, pl: readonly Option[], than: number, thanPl: readonly Option[]) =>
    c < than - EPS_USD || (c <= than + EPS_USD && tieOrder(priced, byId, pl, thanPl) < 0);
  let best = [...start];
  let bestCost = planCost(priced, best, months, false, true, memo).tcoUsd;
  let evaluated = 1;
  if (space <= limit) {
    // Odometer over candidate indexes; index 0 is each workload's verdict, so ties keep verdicts.
    const idx = new Array<number>(priced.length).fill(0);
    for (;;) {
      let k = priced.length - 1;
      while (k >= 0 && idx[k] === priced[k]!.candidates.length - 1) idx[k--] = 0;
      if (k < 0) break;
      idx[k]!++;
      const placement = idx.map((j, i) => priced[i]!.candidates[j]!);
      const c = planCost(priced, placement, months, false, true, memo).tcoUsd;
      evaluated++;
      if (better(c, placement, bestCost, best)) {
        best = placement;
        bestCost = c;
      }
    }
    return { placement: best, evaluated, method: "exhaustive" };
  }
  for (;;) {
    // Only moves that lower the plan's TCO; among equally good ones, the first in tieOrder.
    let move: Option[] | undefined;
    let moveCost = bestCost - EPS_USD;
    for (let i = 0; i < priced.length; i++) {
      for (const o of priced[i]!.candidates) {
        if (o === best[i]) continue;
        const placement = best.map((x, j) => (j === i ? o : x));
        const c = planCost(priced, placement, months, false, true, memo).tcoUsd;
        evaluated++;
        if (c < bestCost - EPS_USD && (!move || better(c, placement, moveCost, move))) {
          move = placement;
          moveCost = c;
        }
      }
    }
    if (!move) return { placement: best, evaluated, method: "greedy" };
    best = move;
    bestCost = moveCost;
  }
}

const usd = (x: number) => formatUsd(x);
/** A total in words: "nothing" rather than "$0.00" (a plan of zero-volume workloads on APIs). */
const costs = (x: number) => (Math.abs(x) < EPS_USD ? "nothing" : usd(x));
const list = (names: string[]) =>
  names.length <= 1 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;

/**
 * What pooling saved, in the words of the plan's fleets ("Running claims and code completion on one
 * fleet with one team saves $310k over 36 months …"). Every figure is the evaluation's: the savings are
 * the same placement priced with each workload on its own fleet and team, minus the plan.
 */
function poolingText(
  fleets: readonly PoolSummary[],
  nameOf: (id: string) => string,
  savingsUsd: number,
  months: number,
): string {
  const shared = fleets.filter((f) => f.workloads.length > 1);
  const alone = fleets.filter((f) => f.workloads.length === 1).map((f) => nameOf(f.workloads[0]!));
  const onFleet = shared.map(
    (f) => `${list(f.workloads.map(nameOf))} on one fleet${fleets.length > 1 ? ` (${f.openModel} on ${f.gpu})` : ""}`,
  );
  if (alone.length) onFleet.push(`${list(alone)} on ${alone.length > 1 ? "their own fleets" : "its own fleet"}`);
  const gpus = shared
    .filter((f) => f.gpusIfSeparate > f.gpus.first)
    .map(
      (f) =>
        `${f.gpus.first} GPUs instead of ${f.gpusIfSeparate}${shared.length > 1 ? ` for ${list(f.workloads.map(nameOf))}` : ""}`,
    );
  const what = [
    gpus.length ? `${gpus.join(", ")} in month 1` : "",
    fleets.length > 1 || shared.length ? "people, tooling and set-up paid once" : "",
  ]
    .filter(Boolean)
    .join("; ");
  return `Running ${list(onFleet)} with one team saves ${usd(savingsUsd)} over ${months} months against running each workload on its own fleet with its own team${what ? ` (${what})` : ""}.`;
}

/** Pure and deterministic: same input and catalog, same plan. Throws only on schema-invalid input. */
export function evaluatePortfolio(
  raw: PortfolioInput | ParsedPortfolioInput,
  catalog: Catalog = currentCatalog,
  opts: { exhaustiveLimit?: number } = {},
): PortfolioEvaluation {
  const p = portfolioInputSchema.parse(raw);
  const months = p.strategy.horizonMonths;
  // Each workload resolved once (evaluate's own parse and resolve), for its standalone evaluation and its costs.
  const models = p.workloads.map((_, i) => resolveModel(assessmentInputSchema.parse(workloadInput(p, i)), catalog));
  const standalone = models.map((m) => evaluateModel(m, catalog));
  const priced: Priced[] = p.workloads.map((w, i) => ({
    id: w.id,
    costs: workloadCosts(w.id, workloadInput(p, i), catalog, standalone[i]!, models[i]!),
    candidates: candidatesOf(standalone[i]!, inHouseBinds(w.data)),
  }));
  const verdicts = standalone.map((e) => e.recommendation);
  // Fleets priced once per call, whichever placements put the same demands on them.
  const memo = fleetsMemo();
  const found = search(
    priced,
    priced.map((x) => x.candidates[0]!),
    months,
    opts.exhaustiveLimit ?? EXHAUSTIVE_LIMIT,
    memo,
  );
  const placement = found.placement;
  const plan = planCost(priced, placement, months, true);
  const separate = planCost(priced, placement, months, false, false, memo);
  const names = p.workloads.map((w) => w.name);

  const sum = (xs: ArrayLike<number>) => Array.from(xs).reduce((a, b) => a + b, 0);
  const eachAloneMonthly = new Float64Array(months);
  // Each workload at its own verdict (the search's starting point), nothing shared.
  standalone.forEach((e, i) =>
    e.costs[priced[i]!.candidates[0]!].monthlyUsd.forEach((x, t) => (eachAloneMonthly[t]! += x)),
  );
  const uniform = (o: Option) => {
    const pc = planCost(
      priced,
      p.workloads.map(() => o),
      months,
      false,
      true,
      memo,
    );
    // Blocked by a hard rule only: a hybrid with no split ("no-split") is the pure option it equals, which the workload may use.
    const blockedBy = standalone.flatMap((e, i) => {
      const hard = (e.exclusions ?? []).filter((x) => x.rule !== "no-split");
      const rule = hard.find((x) => x.option === o);
      // A hybrid ruled out because its split is a pure option (all traffic must stay in, no external path fast enough)
      // is priced as that option; when the workload may use it, the "split" is that option, not impossible.
      const pure = o === "hybrid" ? e.costs.hybrid.split?.pure : undefined;
      if (rule && pure && pure !== "hybrid" && !hard.some((x) => x.option === pure)) return [];
      return rule ? [{ workload: p.workloads[i]!.id, name: names[i]!, rule: rule.rule, text: rule.text }] : [];
    });
    return { pc, blockedBy };
  };
  const alt = (o: Option, name: AlternativeName): PortfolioAlternative => {
    const label = ALTERNATIVE_LABELS[name];
    const { pc, blockedBy } = uniform(o);
    return {
      tcoUsd: pc.tcoUsd,
      feasible: blockedBy.length === 0,
      monthlyUsd: Array.from(pc.monthlyUsd),
      text: blockedBy.length
        ? `${label} is not possible: hard rules rule it out for ${list(blockedBy.map((b) => b.name))} (${blockedBy.map((b) => `${b.name}: ${lowerFirst(b.text)}`).join("; ")}).`
        : `${label}: ${costs(pc.tcoUsd)} over ${months} months.`,
      blockedBy,
    };
  };
  const alternatives: PortfolioEvaluation["alternatives"] = {
    "all-api": alt("api", "all-api"),
    "all-hosted-open": alt("hosted-open", "all-hosted-open"),
    "all-self-hosted": alt("self-hosted", "all-self-hosted"),
    "all-hybrid": alt("hybrid", "all-hybrid"),
    "each-alone": {
      tcoUsd: sum(eachAloneMonthly),
      feasible: true,
      monthlyUsd: Array.from(eachAloneMonthly),
      text: `${ALTERNATIVE_LABELS["each-alone"]}: ${costs(sum(eachAloneMonthly))} over ${months} months.`,
      blockedBy: [],
    },
  };
  const feasibleTcos = Object.values(alternatives)
    .filter((a) => a.feasible)
    .map((a) => a.tcoUsd);
  const cheapest = Math.min(...feasibleTcos);
  const costPremiumUsd = plan.tcoUsd - cheapest >= PREMIUM_MIN_USD ? plan.tcoUsd - cheapest : 0;

  // Marginal cost of each workload where it sits (the plan without it), for the reasons and the result page.
  const marginal = placement.map((_, i) => {
    if (priced.length === 1) return plan.tcoUsd;
    const rest = priced.filter((_, j) => j !== i);
    return (
      plan.tcoUsd -
      planCost(
        rest,
        placement.filter((_, j) => j !== i),
        months,
        false,
        true,
        memo,
      ).tcoUsd
    );
  });

  const fleetOf = (id: string) => plan.fleets.find((f) => f.workloads.includes(id));
  // The per-workload adds do not sum to the plan: what no single workload adds (the team, set-up, the
  // availability floor a fleet keeps whoever leaves) is the remainder, stated as its own row.
  const addsSum = marginal.reduce((a, b) => a + b, 0);
  const sharedUsd = plan.tcoUsd - addsSum;
  const reconciliation: PlanReconciliation = {
    rows: p.workloads.map((w, i) => ({ id: w.id, name: w.name, placement: placement[i]!, addsUsd: marginal[i]! })),
    sharedUsd,
    totalUsd: plan.tcoUsd,
    text:
      Math.abs(sharedUsd) < EPS_USD
        ? `What each workload adds where it sits sums to the plan's ${usd(plan.tcoUsd)} over ${months} months: nothing is shared.`
        : `What each workload adds where it sits sums to ${usd(addsSum)}; the other ${usd(sharedUsd)} is shared (the team, set-up and fleets' availability floor, which no single workload adds on its own): ${usd(plan.tcoUsd)} in all over ${months} months.`,
  };
  const underusedShare = figureOf(catalog, "economics.fleet.underusedShare").value;
  const fleets: PortfolioFleet[] = plan.fleets.map((f) => ({ ...f, underused: f.utilization.first < underusedShare }));
  const workloads: WorkloadPlacement[] = p.workloads.map((w, i) => {
    const e = standalone[i]!;
    const o = placement[i]!;
    const excluded = e.ranking.filter((r) => r.excluded).map((r) => optionLabel(r.option));
    let text: string;
    if (o === e.recommendation) {
      const why = e.keyReasons[0]?.text ?? e.reasons[0]?.text ?? "";
      const fleet = onFleet(o) ? fleetOf(w.id) : undefined;
      const shared =
        fleet && fleet.workloads.length > 1
          ? ` It shares the ${fleet.openModel} fleet on ${fleet.gpu} with ${list(fleet.workloads.filter((x) => x !== w.id).map((x) => names[p.workloads.findIndex((y) => y.id === x)]!))}.`
          : "";
      text = `${w.name} stays at its own verdict, ${optionLabel(o)}: ${why}${shared}`;
    } else {
      const fleet = fleetOf(w.id);
      text = `${w.name} moves from ${optionLabel(e.recommendation)} to ${optionLabel(o)}${fleet ? ` on the shared ${fleet.openModel} fleet (${fleet.gpu})` : ""}: there it ${marginalText(marginal[i]!, months)}, against ${costs(e.costs[e.recommendation].tcoUsd)} for ${optionLabel(e.recommendation)} on its own.`;
    }
    if (excluded.length) text += ` Ruled out by its hard rules: ${list(excluded)}.`;
    return {
      id: w.id,
      name: w.name,
      placement: o,
      verdict: e.recommendation,
      standalone: e,
      candidates: priced[i]!.candidates,
      marginalTcoUsd: marginal[i]!,
      text,
    };
  });

  const reasons: Reason[] = [];
  const poolingSavingsUsd = Math.max(0, separate.tcoUsd - plan.tcoUsd);
  const eachAlone = alternatives["each-alone"].tcoUsd;
  const nameOf = (id: string) => names[p.workloads.findIndex((w) => w.id === id)]!;
  if (poolingSavingsUsd >= EPS_USD)
    reasons.push({
      factor: "pooling",
      favours: "self-hosted",
      weight: 1,
      text: poolingText(plan.fleets, nameOf, poolingSavingsUsd, months),
    });
  if (eachAlone - plan.tcoUsd > EPS_USD) {
    const moved = workloads.filter((w) => w.placement !== w.verdict).map((w) => w.name);
    reasons.push({
      factor: "plan",
      favours: "self-hosted",
      weight: 1,
      text: `The plan costs ${usd(plan.tcoUsd)} over ${months} months, ${usd(eachAlone - plan.tcoUsd)} less than every workload at its own verdict (${usd(eachAlone)})${moved.length ? `, because ${list(moved)} ${moved.length > 1 ? "join" : "joins"} the shared fleet` : ""}.`,
    });
  } else {
    reasons.push({
      factor: "plan",
      favours: verdicts[0]!,
      weight: 1,
      text: `Nothing to share: every workload stays at its own verdict; the plan costs ${costs(plan.tcoUsd)} over ${months} months.`,
    });
  }
  if (costPremiumUsd > 0) {
    const cheapestName = (Object.keys(alternatives) as AlternativeName[]).find(
      (k) => alternatives[k].feasible && Math.abs(alternatives[k].tcoUsd - cheapest) <= EPS_USD,
    );
    const cheapestLabel = cheapestName ? lowerFirst(ALTERNATIVE_LABELS[cheapestName]) : "";
    reasons.push({
      factor: "costPremium",
      favours: verdicts[0]!,
      weight: 1,
      text: `The plan costs ${usd(costPremiumUsd)} more over ${months} months than the cheapest possible alternative, ${cheapestLabel} (${costs(cheapest)}): that is what the workloads' other priorities (team, lock-in, time to market, quality) are worth in their own evaluations.`,
    });
  }
  for (const w of workloads)
    reasons.push({ factor: `workload:${w.id}`, favours: w.placement, weight: 1, text: w.text });

  for (const f of fleets.filter((x) => x.underused)) {
    reasons.push({
      factor: `fleet:${f.key}`,
      favours: "api",
      weight: 0,
      text: `The ${f.openModel} fleet on ${f.gpu} (${list(f.workloads.map(nameOf))}) is busy ${formatPct(f.utilization.first)} of its paid capacity in month 1, under ${formatPct(underusedShare)}: most of what it costs pays for its availability floor, not for traffic.`,
    });
  }
  const conflicts: Conflict[] = [];
  standalone.forEach((e, i) =>
    e.conflicts.forEach((c) =>
      conflicts.push({ ...c, id: `${p.workloads[i]!.id}:${c.id}`, text: `${names[i]}: ${c.text}` }),
    ),
  );
  if (plan.runsFleet && p.team.mlOpsMaturity === "none") {
    conflicts.push({
      id: "plan:fleet-without-team",
      text: `The plan runs ${plan.fleets.reduce((s, f) => s + f.gpus.first, 0)} GPUs of your own, but the team has no experience running GPU inference.`,
      advice:
        "Hire or contract the ML-ops people the plan's people cost assumes before the first workload moves in house.",
    });
  }

  return {
    workloads,
    plan: {
      tcoUsd: plan.tcoUsd,
      monthlyUsd: Array.from(plan.monthlyUsd),
      breakdown: plan.breakdown,
      fleets,
      team: {
        runsFleet: plan.runsFleet,
        fte: Math.round(plan.team.fte * 10) / 10,
        peopleUsdPerMonth: plan.team.peopleUsdPerMonth,
        setupUsd: plan.team.setupUsd,
      },
      poolingSavingsUsd,
      reconciliation,
    },
    alternatives,
    costPremiumUsd,
    reasons,
    conflicts,
    search: { method: found.method, placementsEvaluated: found.evaluated },
    catalogVersion: catalog.catalogVersion,
    catalogAsOf: catalog.asOf,
    horizonMonths: months,
  };
}
