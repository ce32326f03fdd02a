import { figureOf, type Catalog } from "../catalog";
import type { CostView } from "../economics";
import { engineerUsd, setupUsd, tokensPerDayOf } from "../economics";
import type { Model } from "../types";
import type { FactorName } from "../enums";
import { OPTIONS, type Option } from "../schema";
import { formatTokens, formatUsd, unitFor } from "../text";
import { figure, OPTION_LABELS, pct } from "./types";

type FactorScores = Record<Option, number>;

/** The factors scored from the policy table, and each one's answers (the catalog schema requires every row). */
type PolicyScores = Catalog["policy"]["scores"];
type ScoredFactor = keyof PolicyScores;

function table<F extends ScoredFactor>(catalog: Catalog, factor: F, answer: keyof PolicyScores[F]): FactorScores {
  const row = (catalog.policy.scores[factor] as Record<keyof PolicyScores[F], FactorScores>)[answer];
  // A copy in OPTIONS order (the memo freezes it; the catalog stays untouched).
  const scores = {} as FactorScores;
  for (const o of OPTIONS) scores[o] = row[o];
  return scores;
}

/** "An 800 ms", "A 2000 ms": the article for a number read aloud (8, 11, 18, 80… start with a vowel sound). */
function article(n: number): string {
  const s = String(Math.round(n));
  // "eight…", or "eleven"/"eighteen" (thousand, million) when the leading group has two digits.
  return s.startsWith("8") || ((s.startsWith("11") || s.startsWith("18")) && s.length % 3 === 2) ? "An" : "A";
}

export function volumeBand(m: Model, catalog: Catalog): "low" | "medium" | "high" {
  const tpd = tokensPerDayOf(m);
  if (tpd < figure(catalog, "volume.lowBandTokensPerDay")) return "low";
  if (tpd <= figure(catalog, "volume.highBandTokensPerDay")) return "medium";
  return "high";
}

type LatencyClass = "instant" | "tight" | "relaxed" | "no-edge";
// Memoised per modelled latency (what-would-change's probes share the base model's) and target.
const latencyMemo = new WeakMap<Model["latency"], { p95: number; catalog: Catalog; cls: LatencyClass }>();

export function latencyClass(m: Model, catalog: Catalog): LatencyClass {
  const hit = latencyMemo.get(m.latency);
  if (hit && hit.p95 === m.input.latency.p95TargetMs && hit.catalog === catalog) return hit.cls;
  const cls = classifyLatency(m, catalog);
  latencyMemo.set(m.latency, { p95: m.input.latency.p95TargetMs, catalog, cls });
  return cls;
}

function classifyLatency(m: Model, catalog: Catalog): LatencyClass {
  const p95 = m.input.latency.p95TargetMs;
  // capacity: the options' modelled p95 (m.latency) decides before the thresholds, so the factor never
  // calls a target comfortable for APIs that the latency rule rules out.
  const api = m.latency.api;
  const hosted = m.latency["hosted-open"];
  const self = m.latency["self-hosted"];
  // A tight target favours a co-located model only when that model is faster than the remote ones.
  const remoteReadable = [api, hosted].filter((l) => !l.contextExceeded);
  if (
    remoteReadable.length &&
    self.ms >= Math.min(...remoteReadable.map((l) => l.ms)) &&
    !(self.feasible && remoteReadable.every((l) => !l.feasible))
  ) {
    return remoteReadable.every((l) => l.feasible) ? "relaxed" : "no-edge";
  }
  if (
    p95 < figure(catalog, "latency.instantMs") ||
    (!api.feasible && !hosted.feasible && !api.contextExceeded && !hosted.contextExceeded)
  )
    return "instant";
  if (
    p95 < figure(catalog, "latency.apiComfortableMs") ||
    !api.feasible ||
    !hosted.feasible ||
    Math.max(api.ms, hosted.ms) > 0.8 * p95
  )
    return "tight";
  return "relaxed";
}

export type Factor = { factor: FactorName; scores: FactorScores; text: (favours: Option) => string };

/** The factors in scoring order (lib/engine/enums.ts FACTORS; weights in catalog.policy.weights). */
export type { FactorName } from "../enums";

// A policy table row per (factor, answer), built once per catalog and shared (read-only).
const tableMemo = new WeakMap<Catalog, Record<string, Record<string, FactorScores>>>();
function sharedTable<F extends ScoredFactor>(
  catalog: Catalog,
  factor: F,
  answer: keyof PolicyScores[F] & string,
): FactorScores {
  let byFactor = tableMemo.get(catalog);
  if (!byFactor) tableMemo.set(catalog, (byFactor = {}));
  const byAnswer = (byFactor[factor] ??= {});
  return (byAnswer[answer] ??= Object.freeze(table(catalog, factor, answer)));
}

/**
 * Every factor's scores, in scoring order: the one place scores are computed. The verdict probes of
 * whatWouldChange score from this alone; `factors` adds the texts.
 */
export function factorScores(
  m: Model,
  catalog: Catalog,
  costs: Record<Option, CostView>,
  feasible: readonly Option[],
): [FactorName, FactorScores][] {
  const { data, team, capability, strategy } = m.input;
  const band = volumeBand(m, catalog);
  const lat = latencyClass(m, catalog);
  const pool = feasible.length ? feasible : OPTIONS;
  let minTco = Infinity;
  for (const o of pool) minTco = Math.min(minTco, costs[o].tcoUsd);
  // Cheapest usable option scores 1, one costing `parity` × as much 0, far dearer ones towards -1:
  // (p·min/tco − 1)/(p − 1), p = 2 gives the policy-v1 2·min/tco − 1 (catalog/economics.json).
  const parity = figureOf(catalog, "economics.costScore.parityRatio").value;
  const costScores = {} as FactorScores;
  for (const o of OPTIONS)
    costScores[o] =
      costs[o].tcoUsd > 0 ? Math.max(-1, Math.min(1, (parity * (minTco / costs[o].tcoUsd) - 1) / (parity - 1))) : 1;
  const selfTco = costs["self-hosted"].tcoUsd;
  const apiTco = costs.api.tcoUsd;
  return [
    ["cost", costScores],
    ["team", sharedTable(catalog, "team", team.mlOpsMaturity)],
    ["frontier", sharedTable(catalog, "frontier", capability.frontier)],
    ["sensitivity", sharedTable(catalog, "sensitivity", data.sensitivity)],
    // The band is a rule of thumb (seeds: fixed GPU costs pay above ~10M tokens a day); where this
    // evaluation's own costs contradict it, the volume weighs as the gray zone, where cost decides.
    [
      "volume",
      sharedTable(
        catalog,
        "volume",
        band === "high" && selfTco >= apiTco ? "medium" : band === "low" && selfTco < apiTco ? "medium" : band,
      ),
    ],
    ["timeToMarket", sharedTable(catalog, "timeToMarket", strategy.timeToMarket)],
    ["latency", sharedTable(catalog, "latency", lat === "no-edge" ? "relaxed" : lat)],
    ["customization", sharedTable(catalog, "customization", capability.customization)],
    ["lockIn", sharedTable(catalog, "lockIn", strategy.lockInConcern)],
  ];
}

export function factors(
  m: Model,
  catalog: Catalog,
  costs: Record<Option, CostView>,
  feasible: Option[],
  scored = factorScores(m, catalog, costs, feasible),
): Factor[] {
  const { data, team, capability, strategy, volume } = m.input;
  const tpd = tokensPerDayOf(m);
  const band = volumeBand(m, catalog);
  const lat = latencyClass(m, catalog);
  const low = figure(catalog, "volume.lowBandTokensPerDay");
  const high = figure(catalog, "volume.highBandTokensPerDay");
  const growthNote = volume.monthlyGrowthPct > 0 ? `, growing ${volume.monthlyGrowthPct}% a month` : "";
  const pool = feasible.length ? feasible : [...OPTIONS];
  const horizon = strategy.horizonMonths;
  const v = m.values;
  const fleetStaff = costs["self-hosted"].fleet?.staff.first;
  const staff = {
    fte: Math.round((fleetStaff?.fte ?? v["people.fte"]) * 100) / 100,
    loaded: v["people.loadedEngineerUsdPerYear"],
    perYear: engineerUsd(fleetStaff?.fte ?? v["people.fte"], v["people.loadedEngineerUsdPerYear"]) * 12,
    setupMonths: v["people.setupEngineerMonths"],
    setup: setupUsd(m),
    gpus: costs["self-hosted"].gpus?.first ?? 0,
  };
  const selfTco = costs["self-hosted"].tcoUsd;
  const apiTco = costs.api.tcoUsd;
  // The volume sentence states what the numbers say at this volume, never a rule of thumb they contradict.
  // Built on read, like every factor text (verdict probes never read it).
  const volumeFact = () =>
    selfTco < apiTco
      ? `here self-hosting costs ${formatUsd(apiTco - selfTco)} less than ${m.apiModelLabel} over ${strategy.horizonMonths} months`
      : `yet here self-hosting still costs ${formatUsd(selfTco)} against ${formatUsd(apiTco)} for ${m.apiModelLabel} over ${strategy.horizonMonths} months${apiTco * 100 > selfTco ? ` (${Math.round((selfTco / apiTco) * 10) / 10}×)` : ""}`;
  const cheapest = pool.reduce((a, b) => (costs[a].tcoUsd <= costs[b].tcoUsd ? a : b));
  const cheapestOverall = OPTIONS.reduce((a, b) => (costs[a].tcoUsd <= costs[b].tcoUsd ? a : b));
  const nextCheapest = pool
    .filter((o) => o !== cheapest)
    .reduce<Option | undefined>((a, b) => (!a || costs[b].tcoUsd < costs[a].tcoUsd ? b : a), undefined);

  const texts: Record<FactorName, (favours: Option) => string> = {
    cost: () =>
      // No traffic: say "nothing", never "$0.00 in total".
      (costs[cheapest].tcoUsd < 1
        ? `With no traffic ${OPTION_LABELS[cheapest]} costs nothing over ${horizon} months` +
          (nextCheapest
            ? costs[nextCheapest].tcoUsd < 1
              ? `, nor does ${OPTION_LABELS[nextCheapest]}.`
              : `, against ${formatUsd(costs[nextCheapest].tcoUsd)} for ${OPTION_LABELS[nextCheapest]}.`
            : ".")
        : `Over ${horizon} months ${OPTION_LABELS[cheapest]} is the cheapest option you can use at ${formatUsd(costs[cheapest].tcoUsd)} in total` +
          (nextCheapest
            ? `, against ${formatUsd(costs[nextCheapest].tcoUsd)} for ${OPTION_LABELS[nextCheapest]}.`
            : ".")) +
      (cheapestOverall !== cheapest && costs[cheapestOverall].tcoUsd < costs[cheapest].tcoUsd
        ? ` ${OPTION_LABELS[cheapestOverall]} would cost ${formatUsd(costs[cheapestOverall].tcoUsd)}, but a hard requirement rules it out: meeting that requirement costs about ${formatUsd(costs[cheapest].tcoUsd - costs[cheapestOverall].tcoUsd)} over the horizon.`
        : "") +
      tokenPriceNote(m, costs),
    team: () =>
      ({
        none: "With no ML-ops experience, running GPUs in production means hiring first; a managed API needs none of it.",
        basic:
          "A team with basic ML-ops skills can run a model, but GPU serving, scaling and on-call are a learning curve that managed APIs avoid.",
        experienced:
          "Your team has run GPU inference before, so self-hosting is an operational option rather than a research project.",
        dedicated: "A dedicated ML platform team can absorb another model at a fraction of an engineer's time.",
      })[team.mlOpsMaturity] +
      ` Self-hosting is budgeted at ${staff.fte} FTE (${formatUsd(staff.perYear)} a year at ${formatUsd(staff.loaded)} loaded per engineer) to run ${staff.gpus} ${unitFor(staff.gpus, "GPUs")} in month 1, growing with the fleet at ${Math.round(v["people.ftePer100Gpus"] * 100) / 100} FTE per 100 GPUs, and ${staff.setupMonths} ${unitFor(staff.setupMonths, "engineer-months")} to set it up (${formatUsd(staff.setup)}, in month 1).`,
    frontier: () =>
      ({
        required: `Frontier quality is required: the API is priced at a frontier model, ${m.apiModelLabel}; the closest open weights, ${m.openModelLabel}, are good but not yet at the frontier, and the best models are only available through proprietary APIs.`,
        helpful: `Frontier quality helps but is not essential, so the API is priced at a mid-tier model, ${m.apiModelLabel}, and open weights at ${m.openModelLabel}.`,
        unnecessary: `A small model is enough, so the API is priced at ${m.apiModelLabel} and open weights at ${m.openModelLabel}, which you can also run yourself.`,
      })[capability.frontier],
    sensitivity: () =>
      ({
        public: "Prompts carry public data, so sending them to a provider raises no privacy concern.",
        internal:
          "Prompts carry internal data; standard enterprise API terms (no training on your data) usually suffice.",
        confidential:
          "Prompts carry confidential data: every external provider widens who can see it, which favours keeping inference in house.",
        regulated:
          "Prompts carry regulated data: external processing needs contracts that cover each regulation, while in-house serving keeps compliance simpler.",
      })[data.sensitivity],
    volume: () =>
      band === "low"
        ? `At ${formatTokens(tpd)} tokens a day${growthNote} you are under ${formatTokens(low)} a day, the band where fixed GPU costs rarely pay: ${volumeFact()}.`
        : band === "medium"
          ? `At ${formatTokens(tpd)} tokens a day${growthNote} you are in the ${formatTokens(low)}–${formatTokens(high)} gray zone where the cost comparison decides: ${volumeFact()}.`
          : `At ${formatTokens(tpd)} tokens a day${growthNote} you are above ${formatTokens(high)} a day, the band where self-hosting can pay for its fixed costs: ${volumeFact()}.`,
    timeToMarket: () =>
      ({
        weeks: `You need to ship in weeks: an API key works today, while self-hosting takes about ${staff.setupMonths} ${unitFor(staff.setupMonths, "engineer-months")} of set-up for a team like yours before it reaches production.`,
        quarter: "A quarter leaves time to stand up infrastructure, but an API still ships first.",
        flexible: "Time to market is flexible, so set-up time weighs little against long-run cost and control.",
      })[strategy.timeToMarket],
    latency: () =>
      lat === "instant"
        ? `${article(m.input.latency.p95TargetMs)} ${m.input.latency.p95TargetMs} ms p95 leaves no room for a network round trip: ${m.latency.api.model} takes ~${Math.round(m.latency.api.ms)} ms and ${m.latency["hosted-open"].model} ~${Math.round(m.latency["hosted-open"].ms)} ms; only a co-located model fits.`
        : lat === "tight"
          ? `${article(m.input.latency.p95TargetMs)} ${m.input.latency.p95TargetMs} ms p95 is tight for remote calls (${m.latency.api.model} ~${Math.round(m.latency.api.ms)} ms, ${m.latency["hosted-open"].model} ~${Math.round(m.latency["hosted-open"].ms)} ms p95); a nearby self-hosted model gives more control.`
          : lat === "no-edge"
            ? `${article(m.input.latency.p95TargetMs)} ${m.input.latency.p95TargetMs} ms p95 is tight for remote calls (${m.latency.api.model} ~${Math.round(m.latency.api.ms)} ms, ${m.latency["hosted-open"].model} ~${Math.round(m.latency["hosted-open"].ms)} ms p95), but self-hosting is no faster here (~${Math.round(m.latency["self-hosted"].ms)} ms), so latency gives it no edge.`
            : `${article(m.input.latency.p95TargetMs)} ${m.input.latency.p95TargetMs} ms p95 is comfortable for hosted APIs (${m.latency.api.model} ~${Math.round(m.latency.api.ms)} ms p95).`,
    customization: () =>
      ({
        none: "No customization is needed: any model works as it comes.",
        prompting: "Prompting is enough, which every option supports.",
        "fine-tuning":
          "You need fine-tuning: open weights can be tuned freely; proprietary APIs allow it only as far as the provider lets you.",
        "full-control":
          "You want full control of the model (weights, serving, when it changes), which only open weights you run yourself give; it weighs toward self-hosting but rules no option out, so a large enough cost gap still decides.",
      })[capability.customization],
    lockIn: () =>
      ({
        low: "Lock-in is a low concern, so a single provider's roadmap and pricing are an acceptable dependency.",
        medium: "Some lock-in concern: open-weights models keep the option to switch host or bring inference in house.",
        high: "Lock-in is a high concern: a proprietary API ties you to one provider's pricing, terms and availability; open weights can move.",
      })[strategy.lockInConcern],
  };
  return scored.map(([factor, scores]) => ({ factor, scores, text: texts[factor] }));
}

/** Like for like: the hosted open model against the proprietary tier it is paired with, per million tokens. */
function tokenPriceNote(m: Model, costs: Record<Option, CostView>): string {
  const api = costs.api.perMillionTokensUsd;
  const hosted = costs["hosted-open"].perMillionTokensUsd;
  if (api == null || hosted == null || !(api > 0) || !(hosted > 0)) return "";
  const diff = 1 - hosted / api;
  const rel =
    Math.abs(diff) < 0.005 ? "about the same as" : `${pct(Math.abs(diff))} ${diff > 0 ? "less than" : "more than"}`;
  return ` Per million tokens of your workload, ${m.hostedModelLabel} costs ${formatUsd(hosted)}, ${rel} ${m.apiModelLabel} at ${formatUsd(api)}.`;
}
