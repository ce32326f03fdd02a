import { OPTIONS, type Option } from "../schema";
import { formatPct } from "../text";
import { OPTION_LABELS } from "../vocabulary";
import type { Draws } from "./monte-carlo";

// What the draws say, in the contract's terms (docs/assessment-api-v1.md v1.2 `uncertainty`).

export type OptionBand = {
  /** TCO over the horizon at the 10th, 50th and 90th percentile of the draws (USD). */
  p10: number;
  p50: number;
  p90: number;
  /** Share of draws in which this option is the cheapest usable one. */
  cheapestShare: number;
  /** Share of draws in which this option is the verdict. */
  verdictShare: number;
};

export type Driver = {
  /** Assumption key or input path drawn. */
  key: string;
  label: string;
  /** Spearman rank correlation of the figure's draws with the verdict's lead (positive: a higher value widens the lead). */
  rankCorrelation: number;
  /** ρ² of this figure over the sum of ρ² of every drawn figure: its share of the explained rank variance. */
  varianceShare: number;
  /** The figure's 10th and 90th percentile in the draws. */
  p10: number;
  p90: number;
};

export type UncertaintySummary = {
  method: string;
  draws: number;
  seed: number;
  /** Multiplier applied to every figure's spread (1 = the catalog's ranges). */
  spread: number;
  /** How many figures were drawn (the rest are held: choices, overrides, fixed facts). */
  figuresDrawn: number;
  verdict: Option;
  /** Share of draws whose verdict is the evaluation's. */
  verdictHolds: number;
  /** The usable option the verdict loses to most often in the draws, else the next usable one at the point values (null: none is usable). */
  rival: Option | null;
  /** Share of draws in which the verdict's TCO is below the rival's. */
  verdictCheaperThanRival: number | null;
  options: Record<Option, OptionBand>;
  /**
   * What the drivers are ranked against: the verdict's lead (cheapest rival's TCO − the verdict's, per
   * draw) when another option is usable, else the verdict's own TCO.
   */
  driversOf: "lead" | "tco";
  /** The three figures that move the verdict's lead most, by |Spearman ρ|. */
  drivers: Driver[];
  /** One sentence a CFO can read ("Self-hosted is cheaper than Proprietary API in 73% of 2,000 draws; …"). */
  text: string;
  /** Its first part, without the drivers (for a summary line). */
  verdictText: string;
};

/** Linear-interpolated quantile of a sorted array (R type 7). */
export function quantileSorted(s: ArrayLike<number>, q: number): number {
  const n = s.length;
  if (n === 0) return NaN;
  const h = (n - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  return s[lo]! + (h - lo) * (s[hi]! - s[lo]!);
}

/** Ranks 1…n with ties at their average rank. */
export function ranks(xs: ArrayLike<number>): Float64Array {
  const n = xs.length;
  const idx = Array.from({ length: n }, (_, i) => i).sort((a, b) => xs[a]! - xs[b]!);
  const r = new Float64Array(n);
  for (let i = 0; i < n;) {
    let j = i;
    while (j + 1 < n && xs[idx[j + 1]!] === xs[idx[i]!]) j++;
    const avg = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) r[idx[k]!] = avg;
    i = j + 1;
  }
  return r;
}

/** Pearson correlation of two equal-length arrays (0 when either is constant). */
function pearson(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = a.length;
  let ma = 0;
  let mb = 0;
  for (let i = 0; i < n; i++) {
    ma += a[i]!;
    mb += b[i]!;
  }
  ma /= n;
  mb /= n;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    const da = a[i]! - ma;
    const db = b[i]! - mb;
    sab += da * db;
    saa += da * da;
    sbb += db * db;
  }
  return saa > 0 && sbb > 0 ? sab / Math.sqrt(saa * sbb) : 0;
}

export const spearman = (a: ArrayLike<number>, b: ArrayLike<number>) => pearson(ranks(a), ranks(b));

/** Whole-percent share for texts, never "100%" or "0%" for a share strictly between (99.6% reads "over 99%"). */
export function sharePhrase(x: number): string {
  if (x > 0.995 && x < 1) return "over 99%";
  if (x < 0.005 && x > 0) return "under 1%";
  return formatPct(x, 0);
}

/**
 * `base`: the evaluation's verdict and ranking (usable options, best first) at the point values.
 * `valueOf(f, i)`: figure f's value in draw i (for the drivers' percentiles).
 */
export function summarize(
  d: Draws,
  base: { verdict: Option; usable: Option[] },
  method: string,
  valueOf: (f: number, i: number) => number,
): UncertaintySummary {
  const { n } = d;
  const vk = OPTIONS.indexOf(base.verdict);
  let holds = 0;
  const cheapest = new Float64Array(OPTIONS.length);
  const verdicts = new Float64Array(OPTIONS.length);
  // The verdict's lead over the cheapest other usable option, per draw (NaN: no other usable option in the draw).
  const lead = new Float64Array(n);
  let anyRival = false;
  for (let i = 0; i < n; i++) {
    if (d.verdict[i] === vk) holds++;
    verdicts[d.verdict[i]!]!++;
    let best = -1;
    let other = Infinity;
    for (let k = 0; k < OPTIONS.length; k++) {
      if (!(d.usable[i]! & (1 << k))) continue;
      const t = d.tco[k * n + i]!;
      if (best < 0 || t < d.tco[best * n + i]!) best = k;
      if (k !== vk && t < other) other = t;
    }
    if (best >= 0) cheapest[best]!++;
    if (Number.isFinite(other)) anyRival = true;
    lead[i] = other - d.tco[vk * n + i]!;
  }
  const options = {} as Record<Option, OptionBand>;
  const col = new Float64Array(n);
  OPTIONS.forEach((o, k) => {
    col.set(d.tco.subarray(k * n, (k + 1) * n));
    col.sort();
    options[o] = {
      p10: quantileSorted(col, 0.1),
      p50: quantileSorted(col, 0.5),
      p90: quantileSorted(col, 0.9),
      cheapestShare: cheapest[k]! / n,
      verdictShare: verdicts[k]! / n,
    };
  });
  // The rival: the option the verdict loses to most often in the draws; when it never loses, the next usable option at the point values.
  const others = base.usable.filter((o) => o !== base.verdict);
  const losesTo = others.reduce<Option | null>(
    (a, o) => (verdicts[OPTIONS.indexOf(o)]! > (a ? verdicts[OPTIONS.indexOf(a)]! : 0) ? o : a),
    null,
  );
  const rival = losesTo ?? others[0] ?? null;
  let cheaperThanRival: number | null = null;
  if (rival) {
    const rk = OPTIONS.indexOf(rival);
    let c = 0;
    for (let i = 0; i < n; i++) if (d.tco[vk * n + i]! < d.tco[rk * n + i]!) c++;
    cheaperThanRival = c / n;
  }
  // Drivers: Spearman ρ of each figure's latent draw (monotone in its value) with the lead; a draw
  // with no usable rival takes the lead −∞-like rank through its own −TCO so every draw counts.
  const driversOf: UncertaintySummary["driversOf"] = anyRival ? "lead" : "tco";
  const target = new Float64Array(n);
  for (let i = 0; i < n; i++)
    target[i] = driversOf === "tco" ? d.tco[vk * n + i]! : Number.isFinite(lead[i]!) ? lead[i]! : -Number.MAX_VALUE;
  const targetRanks = ranks(target);
  const rhos = d.figures.map((_, f) => (n > 2 ? pearson(ranks(d.z.subarray(f * n, (f + 1) * n)), targetRanks) : 0));
  const total = rhos.reduce((s, r) => s + r * r, 0);
  const drivers: Driver[] = d.figures
    .map((fig, f) => ({ f, fig, rho: rhos[f]! }))
    .filter((x) => Math.abs(x.rho) > 0)
    .sort((a, b) => Math.abs(b.rho) - Math.abs(a.rho) || a.f - b.f)
    .slice(0, 3)
    .map(({ f, fig, rho }) => {
      const vals = new Float64Array(n);
      for (let i = 0; i < n; i++) vals[i] = valueOf(f, i);
      vals.sort();
      return {
        key: fig.key,
        label: fig.label,
        rankCorrelation: rho,
        varianceShare: total > 0 ? (rho * rho) / total : 0,
        p10: quantileSorted(vals, 0.1),
        p90: quantileSorted(vals, 0.9),
      };
    });
  const verdictHolds = holds / n;
  const drawsText = `${n.toLocaleString("en-US")} draws`;
  const V = OPTION_LABELS[base.verdict];
  const verdictText = rival
    ? `${V} is cheaper than ${OPTION_LABELS[rival]} in ${sharePhrase(cheaperThanRival!)} of ${drawsText} over the catalog's ranges; the verdict holds in ${sharePhrase(verdictHolds)}.`
    : `${V} is the only usable option, so the verdict holds in every one of ${drawsText}.`;
  const text = drivers.length
    ? `${verdictText} What moves it most: ${drivers.map((x) => x.label).join("; ")}.`
    : verdictText;
  return {
    method,
    draws: n,
    seed: d.seed,
    spread: d.spread,
    figuresDrawn: d.figures.length,
    verdict: base.verdict,
    verdictHolds,
    rival,
    verdictCheaperThanRival: cheaperThanRival,
    options,
    driversOf,
    drivers,
    text,
    verdictText,
  };
}
