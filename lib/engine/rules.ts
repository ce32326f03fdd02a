import type { Catalog } from "./catalog";
import type { OptionCost } from "./costs";
import { setupUsd, tokensPerDayOf } from "./costs";
import { formatTokens, formatUsd } from "./text";

const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;
import { coveringChannel, needsCompliance, type Model } from "./model";
import { OPTIONS, type Option, type Regulation } from "./schema";

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

const REG_LABEL: Record<Regulation, string> = { hipaa: "HIPAA", gdpr: "GDPR", pci: "PCI DSS", soc2: "SOC 2", finra: "FINRA", fedramp: "FedRAMP", itar: "ITAR" };

function figure(catalog: Catalog, key: string): number {
  const f = catalog.figures[key];
  if (!f) throw new Error(`catalog figure ${key} missing`);
  return f.value;
}

// The external channel (if any) whose compliance covers every regulation that applies; channels
// are listed plain provider first, private deployments after, so the simplest covering one wins.
export { coveringChannel };

export function exclusions(m: Model, catalog: Catalog): { excluded: Exclusion[]; complianceNotes: Reason[] } {
  const { data, deployment, latency } = m.input;
  const out: Exclusion[] = [];
  const notes: Reason[] = [];
  const add = (option: Option, rule: string, text: string) => out.push({ option, rule, text });
  const roundTrip = m.values["latency.apiRoundTripMs"];

  if (deployment.offline) {
    for (const o of ["api", "hosted-open", "hybrid"] as const) {
      add(o, "offline", "It must run with no internet connection, so only a model on your own hardware can serve it.");
    }
  }
  if (data.mustStayInHouse) {
    add("api", "in-house", "Prompts may not leave infrastructure you control, so no external API may see them.");
    add("hosted-open", "in-house", "Prompts may not leave infrastructure you control, so a hosted provider may not see them either.");
    if (data.sensitiveShare >= 1) {
      add("hybrid", "in-house", "All traffic carries data that must stay in house, so there is nothing to route outside: a split is the same as self-hosting.");
    }
  }
  if (latency.p95TargetMs < roundTrip) {
    const t = `A p95 target of ${latency.p95TargetMs} ms is below the ~${roundTrip} ms a hosted API call takes at best (network plus first token).`;
    add("api", "latency", t);
    add("hosted-open", "latency", t);
    add("hybrid", "latency", `${t} Requests routed outside would miss it.`);
  }
  if (m.input.capability.frontier === "required") {
    add(
      "hosted-open",
      "quality",
      `Frontier quality is required, and no open-weights model is at the frontier yet (seeds: "if your application genuinely requires Claude Opus quality, you're using APIs"); hosted providers only serve open weights.`,
    );
  }
  const regs = data.regulations;
  if (needsCompliance(m.input) && !data.mustStayInHouse && !deployment.offline) {
    const names = regs.map((r) => REG_LABEL[r]).join(", ");
    for (const option of ["api", "hosted-open"] as const) {
      const channel = coveringChannel(catalog, option, regs);
      if (channel) {
        notes.push({
          factor: "compliance",
          favours: option,
          weight: 0,
          text: `${names} can be met on ${channel.label}${channel.baa ? " (business associate agreement available)" : ""}${channel.zeroDataRetention ? ", with zero data retention" : ""}${channel.privateDeployment ? ", deployed in your own cloud tenancy" : ""}. Verify the contract tier before sending regulated data.`,
        });
      } else {
        add(option, "compliance", `No ${option === "api" ? "proprietary API" : "hosted open-weights"} channel in the catalog covers ${names} for regulated data.`);
        if (option === "api") {
          if (data.sensitiveShare >= 1) {
            add("hybrid", "compliance", `All traffic is regulated (${names}) and no API channel covers it, so none of it can be routed outside.`);
          } else {
            notes.push({
              factor: "compliance",
              favours: "hybrid",
              weight: 0,
              text: `No API channel covers ${names}, so the hybrid keeps the ${pct(data.sensitiveShare)} of traffic that carries the regulated data on your own GPUs and sends only the rest to the API.`,
            });
          }
        }
      }
    }
  }
  // One entry per option and rule is enough.
  const seen = new Set<string>();
  return { excluded: out.filter((e) => (seen.has(e.option + e.rule) ? false : (seen.add(e.option + e.rule), true))), complianceNotes: notes };
}

type FactorScores = Record<Option, number>;

function table(catalog: Catalog, factor: string, answer: string): FactorScores {
  const row = catalog.policy.scores[factor]?.[answer];
  if (!row) throw new Error(`policy has no score for ${factor}=${answer}`);
  return { api: row[0], "hosted-open": row[1], "self-hosted": row[2], hybrid: row[3] };
}

export function volumeBand(m: Model, catalog: Catalog): "low" | "medium" | "high" {
  const tpd = tokensPerDayOf(m);
  if (tpd < figure(catalog, "volume.lowBandTokensPerDay")) return "low";
  if (tpd <= figure(catalog, "volume.highBandTokensPerDay")) return "medium";
  return "high";
}

export function latencyClass(m: Model, catalog: Catalog): "instant" | "tight" | "relaxed" {
  const p95 = m.input.latency.p95TargetMs;
  if (p95 < figure(catalog, "latency.instantMs")) return "instant";
  if (p95 < figure(catalog, "latency.apiComfortableMs")) return "tight";
  return "relaxed";
}

type Factor = { factor: string; scores: FactorScores; text: (favours: Option) => string };

export function factors(m: Model, catalog: Catalog, costs: Record<Option, OptionCost>, feasible: Option[]): Factor[] {
  const { data, team, capability, strategy, volume } = m.input;
  const tpd = tokensPerDayOf(m);
  const band = volumeBand(m, catalog);
  const lat = latencyClass(m, catalog);
  const low = figure(catalog, "volume.lowBandTokensPerDay");
  const high = figure(catalog, "volume.highBandTokensPerDay");
  const growthNote = volume.monthlyGrowthPct > 0 ? `, growing ${volume.monthlyGrowthPct}% a month` : "";
  const pool = feasible.length ? feasible : [...OPTIONS];
  const minTco = Math.min(...pool.map((o) => costs[o].tcoUsd));
  const costScores = Object.fromEntries(
    // Cheapest usable option scores 1, one costing twice as much 0, far dearer ones towards -1.
    OPTIONS.map((o) => [o, costs[o].tcoUsd > 0 ? Math.max(-1, Math.min(1, 2 * (minTco / costs[o].tcoUsd) - 1)) : 1]),
  ) as FactorScores;
  const horizon = strategy.horizonMonths;
  const v = m.values;
  const staff = {
    fte: v["people.fte"],
    loaded: v["people.loadedEngineerUsdPerYear"],
    perYear: v["people.fte"] * v["people.loadedEngineerUsdPerYear"],
    setupMonths: v["people.setupEngineerMonths"],
    setup: setupUsd(m),
  };
  const cheapest = pool.reduce((a, b) => (costs[a].tcoUsd <= costs[b].tcoUsd ? a : b));
  const cheapestOverall = OPTIONS.reduce((a, b) => (costs[a].tcoUsd <= costs[b].tcoUsd ? a : b));
  const nextCheapest = pool.filter((o) => o !== cheapest).reduce<Option | undefined>((a, b) => (!a || costs[b].tcoUsd < costs[a].tcoUsd ? b : a), undefined);

  return [
    {
      factor: "cost",
      scores: costScores,
      text: () =>
        `Over ${horizon} months ${OPTION_LABELS[cheapest]} is the cheapest option you can use at ${formatUsd(costs[cheapest].tcoUsd)} in total` +
        (nextCheapest ? `, against ${formatUsd(costs[nextCheapest].tcoUsd)} for ${OPTION_LABELS[nextCheapest]}.` : ".") +
        (cheapestOverall !== cheapest && costs[cheapestOverall].tcoUsd < costs[cheapest].tcoUsd
          ? ` ${OPTION_LABELS[cheapestOverall]} would cost ${formatUsd(costs[cheapestOverall].tcoUsd)}, but a hard requirement rules it out: meeting that requirement costs about ${formatUsd(costs[cheapest].tcoUsd - costs[cheapestOverall].tcoUsd)} over the horizon.`
          : "") +
        tokenPriceNote(m, costs),
    },
    {
      factor: "team",
      scores: table(catalog, "team", team.mlOpsMaturity),
      text: () =>
        ({
          none: "With no ML-ops experience, running GPUs in production means hiring first; a managed API needs none of it.",
          basic: "A team with basic ML-ops skills can run a model, but GPU serving, scaling and on-call are a learning curve that managed APIs avoid.",
          experienced: "Your team has run GPU inference before, so self-hosting is an operational option rather than a research project.",
          dedicated: "A dedicated ML platform team can absorb another model at a fraction of an engineer's time.",
        })[team.mlOpsMaturity] + ` Self-hosting is budgeted at ${staff.fte} FTE to run it (${formatUsd(staff.perYear)} a year at ${formatUsd(staff.loaded)} loaded per engineer) and ${staff.setupMonths} engineer-months to set it up (${formatUsd(staff.setup)}, in month 1).`,
    },
    {
      factor: "frontier",
      scores: table(catalog, "frontier", capability.frontier),
      text: () =>
        ({
          required: `Frontier quality is required: the API is priced at a frontier model, ${m.apiModelLabel}; the closest open weights, a ${m.openModelLabel}, are good but not yet at the frontier, and the best models are only available through proprietary APIs.`,
          helpful: `Frontier quality helps but is not essential, so the API is priced at a mid-tier model, ${m.apiModelLabel}, and open weights at a ${m.openModelLabel}.`,
          unnecessary: `A small model is enough, so the API is priced at ${m.apiModelLabel} and open weights at an ${m.openModelLabel}, which you can also run yourself.`,
        })[capability.frontier],
    },
    {
      factor: "sensitivity",
      scores: table(catalog, "sensitivity", data.sensitivity),
      text: () =>
        ({
          public: "Prompts carry public data, so sending them to a provider raises no privacy concern.",
          internal: "Prompts carry internal data; standard enterprise API terms (no training on your data) usually suffice.",
          confidential: "Prompts carry confidential data: every external provider widens who can see it, which favours keeping inference in house.",
          regulated: "Prompts carry regulated data: external processing needs contracts that cover each regulation, while in-house serving keeps compliance simpler.",
        })[data.sensitivity],
    },
    {
      factor: "volume",
      scores: table(catalog, "volume", band),
      text: () =>
        band === "low"
          ? `At ${formatTokens(tpd)} tokens a day${growthNote} you are under ${formatTokens(low)} a day, where APIs are almost always cheaper than fixed GPU costs.`
          : band === "medium"
            ? `At ${formatTokens(tpd)} tokens a day${growthNote} you are in the ${formatTokens(low)}–${formatTokens(high)} gray zone: the cost comparison decides.`
            : `At ${formatTokens(tpd)} tokens a day${growthNote} you are above ${formatTokens(high)} a day, where self-hosting often pays for its fixed costs.`,
    },
    {
      factor: "timeToMarket",
      scores: table(catalog, "timeToMarket", strategy.timeToMarket),
      text: () =>
        ({
          weeks: `You need to ship in weeks: an API key works today, while self-hosting takes about ${staff.setupMonths} engineer-months of set-up for a team like yours before it reaches production.`,
          quarter: "A quarter leaves time to stand up infrastructure, but an API still ships first.",
          flexible: "Time to market is flexible, so set-up time weighs little against long-run cost and control.",
        })[strategy.timeToMarket],
    },
    {
      factor: "latency",
      scores: table(catalog, "latency", lat),
      text: () =>
        lat === "instant"
          ? `A p95 under ${figure(catalog, "latency.instantMs")} ms leaves no room for a network round trip: only a co-located model fits.`
          : lat === "tight"
            ? `A ${m.input.latency.p95TargetMs} ms p95 is achievable with fast APIs but tight; a nearby self-hosted model gives more control.`
            : `A ${m.input.latency.p95TargetMs} ms p95 is comfortable for hosted APIs.`,
    },
    {
      factor: "customization",
      scores: table(catalog, "customization", capability.customization),
      text: () =>
        ({
          none: "No customization is needed: any model works as it comes.",
          prompting: "Prompting is enough, which every option supports.",
          "fine-tuning": "You need fine-tuning: open weights can be tuned freely; proprietary APIs allow it only as far as the provider lets you.",
          "full-control": "You need full control of the model, which only open weights you run yourself give.",
        })[capability.customization],
    },
    {
      factor: "lockIn",
      scores: table(catalog, "lockIn", strategy.lockInConcern),
      text: () =>
        ({
          low: "Lock-in is a low concern, so a single provider's roadmap and pricing are an acceptable dependency.",
          medium: "Some lock-in concern: open-weights models keep the option to switch host or bring inference in house.",
          high: "Lock-in is a high concern: a proprietary API ties you to one provider's pricing, terms and availability; open weights can move.",
        })[strategy.lockInConcern],
    },
  ];
}

/** Like for like: the hosted open model against the proprietary tier it is paired with, per million tokens. */
function tokenPriceNote(m: Model, costs: Record<Option, OptionCost>): string {
  const api = costs.api.perMillionTokensUsd;
  const hosted = costs["hosted-open"].perMillionTokensUsd;
  if (!(api > 0) || !(hosted > 0)) return "";
  const diff = 1 - hosted / api;
  const rel = Math.abs(diff) < 0.005 ? "about the same as" : `${pct(Math.abs(diff))} ${diff > 0 ? "less than" : "more than"}`;
  return ` Per million tokens of your workload, ${m.hostedModelLabel} costs ${formatUsd(hosted)}, ${rel} ${m.apiModelLabel} at ${formatUsd(api)}.`;
}

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

export function conflicts(m: Model, excluded: readonly Exclusion[] = []): Conflict[] {
  const { data, team, capability, deployment, latency, strategy } = m.input;
  const out: Conflict[] = [];
  // Self-hosting is mandatory when prompts must stay in, or when the hard rules (latency, compliance,
  // offline) leave it as the only option.
  const onlySelfHosted = OPTIONS.every((o) => o === "self-hosted" || excluded.some((e) => e.option === o));
  const inHouseOnly = data.mustStayInHouse || deployment.offline || onlySelfHosted;
  const forcedBy = data.mustStayInHouse || deployment.offline ? "Inference must run on infrastructure you control" : "Your hard requirements leave self-hosting as the only option";
  // Everything in house: no slice of traffic may go to an external (frontier) model.
  const allInHouse = deployment.offline || (data.mustStayInHouse && data.sensitiveShare >= 1);
  if (capability.frontier === "required" && allInHouse) {
    out.push({
      id: "frontier-vs-in-house",
      text: "Frontier quality is required, but frontier models are only offered through external APIs and your prompts may not leave your infrastructure.",
      advice:
        "Test the strongest open-weights model you can run on your own tasks before committing, or negotiate a private deployment of a frontier model inside your own cloud tenancy (if that counts as in house for your auditors).",
    });
  }
  if (inHouseOnly && team.mlOpsMaturity === "none") {
    out.push({
      id: "in-house-without-team",
      text: `${forcedBy}, but there is no ML-ops team to run it.`,
      advice: "Budget for hiring or a specialist contractor before launch (the people and set-up costs below include it), and start with a single well-supported model on a managed Kubernetes or vendor appliance.",
    });
  }
  if (capability.frontier === "required" && latency.p95TargetMs < m.values["latency.apiRoundTripMs"]) {
    out.push({
      id: "frontier-vs-latency",
      text: `Frontier quality is required, but a ${latency.p95TargetMs} ms p95 is faster than any frontier API call can answer.`,
      advice: "Split the product: serve the latency-critical path with a small self-hosted model and use the frontier model asynchronously where its quality matters.",
    });
  }
  if (strategy.timeToMarket === "weeks" && inHouseOnly && team.mlOpsMaturity !== "dedicated") {
    out.push({
      id: "weeks-vs-self-hosting",
      text: "You need to ship in weeks, but only self-hosting is allowed and your team has not run GPU inference at scale.",
      advice: "Ship a narrow first version on a small open model with a managed serving stack, and plan the production set-up as a second step.",
    });
  }
  if (capability.customization === "full-control" && capability.frontier === "required") {
    out.push({
      id: "full-control-vs-frontier",
      text: "Full control of the model is required, but frontier models are proprietary and cannot be modified.",
      advice: "Decide which matters more for this workload; a hybrid keeps full control of the tuned open model and routes only the hardest requests to a frontier API.",
    });
  }
  if (capability.frontier === "required" && strategy.lockInConcern === "high") {
    out.push({
      id: "frontier-vs-lock-in",
      text: "Frontier quality is required, and frontier models are only sold as proprietary APIs, yet lock-in is a high concern.",
      advice:
        "You cannot avoid depending on proprietary models, but you can avoid depending on one vendor: call them through a provider-neutral gateway, keep your own evaluation set, and check that a second frontier provider passes it before you commit.",
    });
  }
  if (capability.customization === "full-control" && team.mlOpsMaturity === "none" && !inHouseOnly) {
    out.push({
      id: "full-control-without-team",
      text: "Full control of the model means running open weights yourself, but there is no ML-ops team to run them.",
      advice: "Prove the customised model on rented, managed infrastructure first, and hire (the self-hosted costs below include the hiring ramp) before taking serving fully in house.",
    });
  }
  return out;
}

export function confidenceOf(catalog: Catalog, ranking: RankedOption[], conflictCount: number): number {
  const c = catalog.policy.confidence;
  const feasible = ranking.filter((r) => !r.excluded);
  const top = feasible[0]?.score ?? 0;
  const second = feasible[1]?.score;
  const gap = second === undefined ? 100 : top - second;
  const fromGap = c.base + (1 - c.base) * Math.min(1, gap / 100 / c.gapScale);
  const value = fromGap - c.conflictPenalty * conflictCount;
  return Math.round(Math.min(c.max, Math.max(c.min, value)) * 100) / 100;
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
