import type { Uncertainty } from "@/lib/engine";
import { OPTIONS } from "@/lib/engine/schema";
import { OPTION_STYLE, optionLabel } from "@/lib/engine/vocabulary";
import { formatPct, formatUsd } from "@/lib/format";
import { ResultPanel } from "./panel";

// How sure the verdict is (issue 23): the Monte Carlo's sentence, every option's P10–P90 TCO and the
// share of draws it is the cheapest usable option, and the three figures that move the verdict most.

const num = (x: number) => (Math.abs(x) >= 1000 ? formatUsd(x).replace("$", "") : `${+x.toPrecision(3)}`);

export function UncertaintyPanel({ uncertainty: u, compact = false }: { uncertainty: Uncertainty; compact?: boolean }) {
  const max = Math.max(...OPTIONS.map((o) => u.options[o].p90), 1);
  return (
    <ResultPanel id="uncertainty-heading" title="How sure is this?" testId="uncertainty" compact={compact}>
      <p className="mt-2 text-sm text-slate-700" data-testid="uncertainty-text">
        {u.text}
      </p>
      <p className="mt-1 text-xs text-slate-500">
        {u.draws.toLocaleString("en-US")} draws of {u.figuresDrawn} catalog figures, each over its published range
        (measured figures narrower, assumed ones wider), figures that move together drawn together; seed {u.seed}.
        Confidence {formatPct(u.confidence)} is the share of draws the verdict holds
        {u.confidence !== Math.round(u.verdictHolds * 100) / 100 ? ", less a step for each requirement conflict" : ""}.
      </p>
      <table className="mt-3 w-full text-sm" data-testid="uncertainty-table">
        <caption className="sr-only">Total cost of ownership range per option</caption>
        <thead>
          <tr className="text-left text-xs text-slate-500">
            <th className="py-1 font-medium">Option</th>
            <th className="py-1 font-medium">TCO, P10 – P90 (median)</th>
            <th className="py-1 text-right font-medium">Cheapest usable</th>
          </tr>
        </thead>
        <tbody>
          {OPTIONS.map((o) => {
            const b = u.options[o];
            return (
              <tr key={o} className="border-t border-slate-100">
                <td className="py-1.5">{optionLabel(o)}</td>
                <td className="py-1.5">
                  <span className="tabular-nums">
                    {formatUsd(b.p10)} – {formatUsd(b.p90)} ({formatUsd(b.p50)})
                  </span>
                  <span aria-hidden="true" className="relative mt-1 block h-1.5 rounded bg-slate-100">
                    <span
                      className="absolute inset-y-0 rounded"
                      style={{
                        left: `${(b.p10 / max) * 100}%`,
                        width: `${Math.max(1, ((b.p90 - b.p10) / max) * 100)}%`,
                        background: OPTION_STYLE[o].color,
                      }}
                    />
                  </span>
                </td>
                <td className="py-1.5 text-right tabular-nums">{formatPct(b.cheapestShare)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {u.drivers.length > 0 && (
        <>
          <h3 className="mt-4 text-sm font-semibold text-ink">What moves the verdict most</h3>
          <ol className="mt-1 list-decimal space-y-1 pl-5 text-sm text-slate-700" data-testid="uncertainty-drivers">
            {u.drivers.map((d) => (
              <li key={d.key}>
                {d.label}: {num(d.p10)} to {num(d.p90)} in 8 of 10 draws; {formatPct(d.varianceShare)} of the variance{" "}
                {u.driversOf === "lead" ? "in the verdict's lead" : "in its cost"} (
                {u.driversOf === "lead"
                  ? d.rankCorrelation > 0
                    ? "a higher value widens it"
                    : "a higher value narrows it"
                  : d.rankCorrelation > 0
                    ? "a higher value raises it"
                    : "a higher value lowers it"}
                ).
              </li>
            ))}
          </ol>
        </>
      )}
    </ResultPanel>
  );
}
