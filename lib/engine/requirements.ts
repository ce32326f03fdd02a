import { fmtMs } from "./capacity/choose";
import type { OptionTco } from "./economics";
import type { Model } from "./types";
import type { Option, ParsedAssessmentInput } from "./schema";
import { formatUsd } from "./text";
import { OPTION_LABELS, REGULATION_LABELS } from "./vocabulary";

// What the user's own requirements cost (contract v1.2 `requirements`): each hard requirement that binds
// is relaxed on its own (a requirement probe: "p95 1 s → 3.1 s: Proprietary API, saves $943k"), and all
// of them are added back one at a time from none (the waterfall: the cheapest usable option's TCO with
// no requirement, what each adds, then what the verdict's other priorities add), summing to the
// verdict's TCO. Every figure comes from the engine's own lite verdict at the relaxed input.

export type RequirementProbe = {
  requirement: string;
  label: string;
  from: string;
  to: string;
  becomes: Option;
  tcoUsd: number;
  savingUsd: number;
  text: string;
};
export type WaterfallStep = {
  requirement: string;
  label: string;
  addsUsd: number;
  cheapestUsd: number;
  cheapest: Option;
};
export type Requirements = {
  probes: RequirementProbe[];
  waterfall: {
    startUsd: number;
    start: Option;
    steps: WaterfallStep[];
    prioritiesUsd: number;
    verdictTcoUsd: number;
    text: string;
  } | null;
};

/** The nearest round target at or above a p95 (10 ms steps below a second, 100 ms above): the one rounding of latency targets. */
export function roundTargetUp(ms: number): number {
  const step = ms < 1000 ? 10 : 100;
  return Math.ceil(ms / step) * step;
}

type LiteVerdict = {
  recommendation: Option;
  costs: Record<Option, OptionTco>;
  ranking: readonly { option: Option; excluded: boolean }[];
};
type Relax = {
  requirement: string;
  label: string;
  from: string;
  to: string;
  apply: (i: ParsedAssessmentInput) => ParsedAssessmentInput;
};

/** The hard requirements the answers set, each with how to relax it (nothing here for a requirement that is not set). */
function relaxations(m: Model): Relax[] {
  const i = m.input;
  const out: Relax[] = [];
  if (i.data.mustStayInHouse)
    out.push({
      requirement: "data.mustStayInHouse",
      label: "Prompts stay in house",
      from: "yes",
      to: "no",
      apply: (x) => ({ ...x, data: { ...x.data, mustStayInHouse: false } }),
    });
  if (i.deployment.offline)
    out.push({
      requirement: "deployment.offline",
      label: "Runs offline",
      from: "yes",
      to: "no",
      apply: (x) => ({ ...x, deployment: { ...x.deployment, offline: false } }),
    });
  for (const r of i.data.regulations)
    out.push({
      requirement: `data.regulations.${r}`,
      label: REGULATION_LABELS[r],
      from: "applies",
      to: "does not apply",
      apply: (x) => ({ ...x, data: { ...x.data, regulations: x.data.regulations.filter((y) => y !== r) } }),
    });
  // Latency: relaxed to the nearest target an option missing it would meet (the fastest of those first).
  const missing = (["api", "hosted-open", "self-hosted"] as const)
    .map((o) => m.latency[o])
    .filter((l) => !l.feasible && !l.contextExceeded)
    .sort((a, b) => a.ms - b.ms);
  const target = i.latency.p95TargetMs;
  const seen = new Set<number>();
  for (const l of missing) {
    const to = roundTargetUp(l.ms);
    if (to <= target || seen.has(to)) continue;
    seen.add(to);
    out.push({
      requirement: "latency.p95TargetMs",
      label: "p95 latency target",
      from: fmtMs(target),
      to: fmtMs(to),
      apply: (x) => ({ ...x, latency: { ...x.latency, p95TargetMs: to } }),
    });
  }
  if (i.capability.frontier === "required")
    out.push({
      requirement: "capability.frontier",
      label: "Frontier quality",
      from: "required",
      to: "helpful",
      apply: (x) => ({ ...x, capability: { ...x.capability, frontier: "helpful" } }),
    });
  return out;
}

/** An option's name inside a sentence. */
const name = (o: Option) => (o === "api" ? "the proprietary API" : OPTION_LABELS[o].toLowerCase());

const cheapestUsable = (v: LiteVerdict): { option: Option; tcoUsd: number } => {
  let best: { option: Option; tcoUsd: number } | null = null;
  for (const r of v.ranking)
    if (!r.excluded && (!best || v.costs[r.option].tcoUsd < best.tcoUsd))
      best = { option: r.option, tcoUsd: v.costs[r.option].tcoUsd };
  return best ?? { option: v.recommendation, tcoUsd: v.costs[v.recommendation].tcoUsd };
};

export function requirementsOf(
  m: Model,
  base: LiteVerdict,
  verdictAt: (input: ParsedAssessmentInput) => LiteVerdict,
): Requirements {
  const months = m.input.strategy.horizonMonths;
  const baseTco = base.costs[base.recommendation].tcoUsd;
  const relax = relaxations(m);
  const probes: RequirementProbe[] = [];
  const seenLatency = { done: false };
  for (const r of relax) {
    // One latency probe: the nearest relaxation that changes the verdict or its cost.
    if (r.requirement === "latency.p95TargetMs" && seenLatency.done) continue;
    const v = verdictAt(r.apply(m.input));
    const tco = v.costs[v.recommendation].tcoUsd;
    const saving = baseTco - tco;
    if (v.recommendation === base.recommendation && Math.abs(saving) < 1) continue;
    if (r.requirement === "latency.p95TargetMs") seenLatency.done = true;
    const money =
      Math.abs(saving) < 1
        ? "at the same cost"
        : saving > 0
          ? `saves ${formatUsd(saving)} over ${months} months`
          : `costs ${formatUsd(-saving)} more over ${months} months`;
    probes.push({
      requirement: r.requirement,
      label: r.label,
      from: r.from,
      to: r.to,
      becomes: v.recommendation,
      tcoUsd: tco,
      savingUsd: saving,
      text: `${r.label}: ${r.from} → ${r.to}: ${OPTION_LABELS[v.recommendation]}, ${money}.`,
    });
  }
  if (!relax.length) return { probes, waterfall: null };
  // The waterfall: every requirement relaxed (latency to the loosest target probed), then added back in order.
  const latencyRelax = relax.filter((r) => r.requirement === "latency.p95TargetMs").at(-1);
  const steps = [
    ...relax.filter((r) => r.requirement !== "latency.p95TargetMs"),
    ...(latencyRelax ? [latencyRelax] : []),
  ];
  const inputWithout = (k: number) => steps.slice(k).reduce((x, r) => r.apply(x), m.input); // requirements k.. relaxed
  let prev = cheapestUsable(verdictAt(inputWithout(0)));
  const start = prev;
  const out: WaterfallStep[] = [];
  for (let k = 0; k < steps.length; k++) {
    const now = k === steps.length - 1 ? cheapestUsable(base) : cheapestUsable(verdictAt(inputWithout(k + 1)));
    out.push({
      requirement: steps[k]!.requirement,
      label: steps[k]!.label,
      addsUsd: now.tcoUsd - prev.tcoUsd,
      cheapestUsd: now.tcoUsd,
      cheapest: now.option,
    });
    prev = now;
  }
  const prioritiesUsd = baseTco - prev.tcoUsd;
  if (Math.abs(start.tcoUsd - prev.tcoUsd) < 1 && !probes.length) return { probes, waterfall: null }; // the requirements cost nothing
  const parts = out
    .filter((s) => Math.abs(s.addsUsd) >= 1)
    .map((s) => `${s.label} ${s.addsUsd >= 0 ? "+" : "−"}${formatUsd(Math.abs(s.addsUsd))}`);
  const text = `With none of your hard requirements the cheapest option is ${name(start.option)} at ${formatUsd(start.tcoUsd)}; ${parts.length ? parts.join(", ") : "they add nothing"}${Math.abs(prioritiesUsd) >= 1 ? `, and your other priorities +${formatUsd(prioritiesUsd)}` : ""}: ${name(base.recommendation)} at ${formatUsd(baseTco)} over ${months} months.`;
  return {
    probes,
    waterfall: { startUsd: start.tcoUsd, start: start.option, steps: out, prioritiesUsd, verdictTcoUsd: baseTco, text },
  };
}
