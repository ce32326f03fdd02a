import type { Catalog } from "./catalog";
import { sensitivityVariants, swingModel } from "./break-even";
import { steadyMonthlyUsd, type OptionTco } from "./economics";
import type { SpillTargets } from "./economics/steady";
import type { Model } from "./types";
import type { Option } from "./schema";
import { formatTokens, formatUsd } from "./text";
import { OPTION_LABELS } from "./vocabulary";

// The headline comparison (contract v1.2 `headline`): the verdict against its closest usable rival, not
// always self-hosting against the API. One pair behind the verdict card, the cumulative caption, the
// tornado and the PDF summary, each sentence computed from the evaluation's own numbers.

export type HeadlineSwing = {
  assumption: string;
  label: string;
  unit: string;
  base: number;
  low: number;
  high: number;
  marginLowUsd: number;
  marginHighUsd: number;
};

export type Headline = {
  winner: Option;
  /** The best-ranked usable option other than the verdict (a hybrid with no split is not one); null when none is usable. */
  rival: Option | null;
  winnerTcoUsd: number;
  rivalTcoUsd: number | null;
  /** Rival TCO − winner TCO over the horizon (negative: the verdict costs more, for its non-cost factors). */
  marginUsd: number | null;
  /** First month from which the verdict's cumulative cost stays at or below the rival's to the horizon's end (1: from the start); null when it ends above. */
  aheadFromMonth: number | null;
  /** Steady daily volume nearest to the user's at which the two cost the same per month (today's prices); null when they do not cross in the chart's range. */
  breakEvenTokensPerDay: number | null;
  /** Whether the rival is the cheaper of the two above that volume. */
  rivalCheaperAbove: boolean | null;
  /** The margin (rival − winner TCO) at each end of the figures the tornado swings, biggest swing first. */
  sensitivity: HeadlineSwing[];
  /** Captions: the verdict card, the cumulative chart, the cost-vs-volume chart, the tornado. */
  text: { headline: string; cumulative: string; volume: string; tornado: string };
};

const label = (o: Option) => OPTION_LABELS[o];
const lower = (o: Option) => (o === "api" ? "the proprietary API" : OPTION_LABELS[o].toLowerCase());

/** The rival: the best-ranked option that is usable (not excluded) and not the verdict. */
export function rivalOf(ranking: readonly { option: Option; excluded: boolean }[], winner: Option): Option | null {
  return ranking.find((r) => r.option !== winner && !r.excluded)?.option ?? null;
}

function cumulativeAheadFrom(w: readonly number[], r: readonly number[]): number | null {
  let cw = 0;
  let cr = 0;
  let lastBehind = -1;
  for (let t = 0; t < w.length; t++) {
    cw += w[t] ?? 0;
    cr += r[t] ?? 0;
    if (cw > cr + 1e-6) lastBehind = t;
  }
  return lastBehind === w.length - 1 ? null : lastBehind + 2;
}

/** The crossing of two steady monthly costs nearest the user's volume, bisected in log volume between the curve's points. */
function crossing(
  m: Model,
  a: Option,
  b: Option,
  xs: readonly number[],
  tpd: number,
  targets: SpillTargets,
): { x: number; bCheaperAbove: boolean } | null {
  const d = (x: number) => steadyMonthlyUsd(m, a, x, { targets }) - steadyMonthlyUsd(m, b, x, { targets });
  const signs = xs.map(d);
  let best: { lo: number; hi: number; dist: number } | null = null;
  for (let i = 1; i < xs.length; i++) {
    if (Math.sign(signs[i - 1]!) === Math.sign(signs[i]!) || signs[i - 1] === 0) continue;
    const dist = Math.abs(Math.log(Math.sqrt(xs[i - 1]! * xs[i]!) / Math.max(tpd, 1)));
    if (!best || dist < best.dist) best = { lo: i - 1, hi: i, dist };
  }
  if (!best) return null;
  let lo = xs[best.lo]!;
  let hi = xs[best.hi]!;
  const sLo = Math.sign(signs[best.lo]!);
  for (let k = 0; k < 40; k++) {
    const mid = Math.sqrt(lo * hi);
    if (Math.sign(d(mid)) === sLo) lo = mid;
    else hi = mid;
  }
  // Above the crossing d has the sign it has at the upper point: positive means a costs more, so b is cheaper above.
  return { x: hi, bCheaperAbove: signs[best.hi]! > 0 };
}

type Verdicts = (mm: Model) => Record<Option, OptionTco>;

export function headlineOf(
  m: Model,
  catalog: Catalog,
  e: {
    recommendation: Option;
    ranking: readonly { option: Option; excluded: boolean }[];
    costs: Record<Option, { tcoUsd: number; monthlyUsd: number[] }>;
    horizonMonths: number;
    tokensPerDay: number;
  },
  curveXs: readonly number[],
  targets: SpillTargets,
  liteCosts: Verdicts,
): Headline {
  const w = e.recommendation;
  const rival = rivalOf(e.ranking, w);
  const wTco = e.costs[w].tcoUsd;
  if (!rival) {
    const t = `${label(w)} is the only option your hard requirements leave, so there is no rival to compare it with.`;
    return {
      winner: w,
      rival,
      winnerTcoUsd: wTco,
      rivalTcoUsd: null,
      marginUsd: null,
      aheadFromMonth: null,
      breakEvenTokensPerDay: null,
      rivalCheaperAbove: null,
      sensitivity: [],
      text: { headline: t, cumulative: t, volume: t, tornado: t },
    };
  }
  const rTco = e.costs[rival].tcoUsd;
  const margin = rTco - wTco;
  const ahead = cumulativeAheadFrom(e.costs[w].monthlyUsd, e.costs[rival].monthlyUsd);
  const cross = crossing(m, w, rival, curveXs, e.tokensPerDay, targets);
  const months = e.horizonMonths;
  const same = Math.abs(margin) < 0.5;
  const headline = same
    ? `${label(w)} and ${lower(rival)}, the closest usable option, cost the same over ${months} months (${formatUsd(wTco)}).`
    : margin >= 0
      ? `${label(w)} costs ${formatUsd(margin)} less than ${lower(rival)}, the closest usable option, over ${months} months (${formatUsd(wTco)} against ${formatUsd(rTco)}).`
      : `${label(w)} costs ${formatUsd(-margin)} more than ${lower(rival)}, the cheaper usable option, over ${months} months (${formatUsd(wTco)} against ${formatUsd(rTco)}): the other factors outweigh it.`;
  const cumulative = same
    ? `${label(w)} and ${lower(rival)} cost the same month by month.`
    : ahead === null
      ? `${label(w)} stays above ${lower(rival)} in cumulative cost to month ${months}: ${formatUsd(-margin)} more in total.`
      : ahead === 1
        ? `${label(w)} costs less than ${lower(rival)} from month 1 and every month after: ${formatUsd(margin)} less by month ${months}.`
        : `${label(w)} overtakes ${lower(rival)} in month ${ahead} (set-up paid back) and ends ${formatUsd(margin)} lower by month ${months}.`;
  const volume = !cross
    ? `${label(w)} and ${lower(rival)} do not cross between ${formatTokens(curveXs[0] ?? 0)} and ${formatTokens(curveXs.at(-1) ?? 0)} tokens a day at today's prices.`
    : `${cross.bCheaperAbove ? label(rival) : label(w)} is the cheaper of the two above ${formatTokens(cross.x)} tokens a day, ${cross.bCheaperAbove ? label(w) : label(rival)} below it (you are at ${formatTokens(e.tokensPerDay)}).`;
  // Tornado of the headline margin: each swing re-prices both options with the lite verdict (the engine's own costs).
  const swings: HeadlineSwing[] = [];
  for (const vr of sensitivityVariants(m, catalog)) {
    const at = (x: number) => {
      if (x === vr.current) return margin;
      const c = liteCosts(swingModel(m, vr, x));
      return c[rival].tcoUsd - c[w].tcoUsd;
    };
    const lo = at(vr.low);
    const hi = vr.high === vr.low ? lo : at(vr.high);
    swings.push({
      assumption: vr.key,
      label: vr.label,
      unit: vr.unit,
      base: vr.base,
      low: vr.low,
      high: vr.high,
      marginLowUsd: lo,
      marginHighUsd: hi,
    });
  }
  const sensitivity = swings
    .filter((s) => Math.abs(s.marginLowUsd - margin) > 0.5 || Math.abs(s.marginHighUsd - margin) > 0.5)
    .sort((a, b) => Math.abs(b.marginHighUsd - b.marginLowUsd) - Math.abs(a.marginHighUsd - a.marginLowUsd));
  const flips = sensitivity.filter(
    (s) => Math.sign(s.marginLowUsd) !== Math.sign(margin) || Math.sign(s.marginHighUsd) !== Math.sign(margin),
  );
  const what = margin >= 0 ? "saving" : "premium";
  const span = (s: HeadlineSwing) => {
    const [a, b] = [Math.abs(s.marginLowUsd), Math.abs(s.marginHighUsd)].sort((x, y) => x - y);
    return `${formatUsd(a!)} to ${formatUsd(b!)}`;
  };
  const tornado = !sensitivity.length
    ? `No figure's range moves the ${what} of ${label(w)} against ${lower(rival)}.`
    : flips.length
      ? `The ${what} of ${label(w)} against ${lower(rival)} reverses at an end of the range of: ${flips.map((s) => s.label).join("; ")}.`
      : `${label(w)} ${margin >= 0 ? "stays cheaper than" : "stays dearer than"} ${lower(rival)} at both ends of every range shown; the widest swing is ${sensitivity[0]!.label} (${what} ${span(sensitivity[0]!)}).`;
  return {
    winner: w,
    rival,
    winnerTcoUsd: wTco,
    rivalTcoUsd: rTco,
    marginUsd: margin,
    aheadFromMonth: ahead,
    breakEvenTokensPerDay: cross?.x ?? null,
    rivalCheaperAbove: cross?.bCheaperAbove ?? null,
    sensitivity,
    text: { headline, cumulative, volume, tornado },
  };
}
