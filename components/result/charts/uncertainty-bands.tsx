import { Area } from "recharts";
import type { Evaluation, Option } from "@/lib/engine";
import { OPTION_STYLE } from "@/lib/engine/vocabulary";
import { hybridCollapse } from "../hybrid-collapse";

// P10–P90 bands (issue 23) on the cumulative-cost and cost-vs-volume charts, from the evaluation's
// uncertainty when the page or the PDF has computed it: the verdict's band and its rival's (four
// bands would hide the lines). Each chart adds the band columns to its rows and the <Area>s below.

/** The options that get a band: the verdict and its rival (not a hybrid that is really a pure option). */
export function bandOptions(e: Evaluation): Option[] {
  const u = e.uncertainty;
  if (!u?.bands) return [];
  const collapsed = hybridCollapse(e);
  return [u.verdict, ...(u.rival ? [u.rival] : [])].filter(
    (o, i, xs) => xs.indexOf(o) === i && !(o === "hybrid" && collapsed),
  );
}

const key = (o: Option) => `band:${o}`;

/** The rows with a `[p10, p90]` column per banded option (row i ↔ month i + 1, or volume point i). */
export function withBands<T extends object>(
  rows: T[],
  e: Evaluation,
  kind: "cumulative" | "volume",
): (T & Record<string, [number, number]>)[] {
  const b = e.uncertainty?.bands;
  const source = kind === "cumulative" ? b?.cumulative : b?.volume;
  const opts = bandOptions(e);
  if (!source || !opts.length || source[opts[0]!].p10.length !== rows.length)
    return rows as (T & Record<string, [number, number]>)[];
  return rows.map((r, i) => {
    const out = { ...r } as T & Record<string, [number, number]>;
    for (const o of opts) (out as Record<string, [number, number]>)[key(o)] = [source[o].p10[i]!, source[o].p90[i]!];
    return out;
  });
}

/** The band areas (no legend or tooltip entry; drawn under the lines). */
export function bandAreas(e: Evaluation, kind: "cumulative" | "volume") {
  const b = e.uncertainty?.bands;
  if (!(kind === "cumulative" ? b?.cumulative : b?.volume)) return [];
  return bandOptions(e).map((o) => (
    <Area
      key={key(o)}
      dataKey={key(o)}
      type={kind === "volume" && o !== "api" && o !== "hosted-open" ? "stepAfter" : "linear"}
      stroke="none"
      fill={OPTION_STYLE[o].color}
      fillOpacity={0.14}
      isAnimationActive={false}
      legendType="none"
      tooltipType="none"
    />
  ));
}

/** The charts' caption addition: what the shaded bands are. */
export function bandCaption(e: Evaluation): string {
  const u = e.uncertainty;
  return u?.bands && bandOptions(e).length
    ? ` Shaded: where 80% of ${u.bands.draws.toLocaleString("en-US")} draws over the catalog's ranges fall (P10–P90).`
    : "";
}
