import type { ReactNode } from "react";
import type { Evaluation, ParsedAssessmentInput } from "@/lib/engine";
import {
  factorLabel,
  gpuSourceLabel,
  HYBRID_SPLIT_LABELS,
  ML_OPS_LABELS,
  optionLabel,
  SENSITIVITY_LABELS,
} from "@/lib/engine/vocabulary";
import { formatPct, formatTokens, formatUsd, formatUsdOrDash, optionInSentence } from "@/lib/format";
import { LazyCharts } from "./charts/lazy-charts";
import { UncertaintyPanel } from "./uncertainty-panel";
import { EconomicsPanel } from "./economics-panel";
import { WhatWouldChange } from "./what-would-change";
import { CapacityPanel } from "./capacity-panel";
import { OverrideBindings } from "./override-bindings";
import { collapsedLabel, hybridCollapse } from "./hybrid-collapse";
import { Fold, FoldPanels } from "./fold";
import { ResultSummary } from "./result-summary";

// Presentational rendering of one Evaluation: the live result page, saved revisions and shared
// pages all use it, so the same object always looks the same.

export function ResultView({
  input,
  evaluation: e,
  actions,
  assumptions,
  notice,
  levers,
}: {
  input: ParsedAssessmentInput;
  evaluation: Evaluation;
  actions?: ReactNode;
  /** Shown under the verdict: price overrides held for another model (the live page passes the one with keep/drop buttons). */
  notice?: ReactNode;
  /** The assumptions panel (editable or read-only) rendered at the end. */
  assumptions?: ReactNode;
  /** The live page's sliders for the figures that move the answer most, drawn above the charts. */
  levers?: ReactNode;
}) {
  const collapsed = hybridCollapse(e);
  return (
    <div className="space-y-6" data-testid="result-view">
      <ResultSummary evaluation={e} actions={actions} />

      {notice ?? <OverrideBindings evaluation={e} />}

      {e.conflicts.length > 0 && (
        <section
          aria-labelledby="conflicts-heading"
          className="rounded-xl border-2 border-amber-400 bg-amber-50 p-5"
          data-testid="conflicts"
        >
          <h2 id="conflicts-heading" className="flex items-center gap-2 text-base font-semibold text-amber-900">
            <span aria-hidden="true">⚠</span>{" "}
            {e.conflicts.length === 1 ? "A requirement conflict" : `${e.conflicts.length} requirement conflicts`}
          </h2>
          <ul className="mt-3 space-y-3">
            {e.conflicts.map((c) => (
              <li key={c.id} className="text-sm">
                <p className="font-medium text-amber-950">{c.text}</p>
                <p className="mt-1 text-amber-900">
                  <span className="font-semibold">What to do: </span>
                  {c.advice}
                </p>
              </li>
            ))}
          </ul>
        </section>
      )}

      {/* How sure (issue 23): once the page has run the draws (useUncertainty). */}
      {e.uncertainty && <UncertaintyPanel uncertainty={e.uncertainty} />}

      {levers}
      <LazyCharts evaluation={e} />

      <p className="pt-2 text-sm font-medium text-slate-500">The details behind the answer</p>
      <FoldPanels>
        <Fold
          id="ranking-heading"
          title="All four options: scores and costs"
          hint="Ranking, month-1 and horizon cost, per-million price, break-even volumes"
          testId="options-fold"
        >
          <div className="grid gap-6 lg:grid-cols-2">
            <section aria-label="Ranking">
              <ol className="mt-3 space-y-3" data-testid="ranking">
                {e.ranking.map((r, i) => (
                  <li key={r.option} className={r.excluded ? "opacity-80" : ""}>
                    <div className="flex items-center justify-between gap-3 text-sm">
                      <span className="font-medium text-slate-900">
                        {i + 1}. {optionLabel(r.option)}
                        {r.option === "hybrid" && collapsed ? (
                          <span
                            className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs font-semibold text-slate-700"
                            data-testid="hybrid-collapsed-rank"
                          >
                            {collapsedLabel(collapsed)}
                          </span>
                        ) : (
                          r.excluded && (
                            <span className="ml-2 rounded bg-red-100 px-1.5 py-0.5 text-xs font-semibold text-red-800">
                              Ruled out
                            </span>
                          )
                        )}
                      </span>
                      <span className="tabular-nums text-slate-500">
                        {r.excluded ? "—" : `${Math.round(r.score)} / 100`}
                      </span>
                    </div>
                    {!r.excluded && (
                      <div className="mt-1 h-1.5 rounded-full bg-slate-100" aria-hidden="true">
                        <div
                          className="h-1.5 rounded-full bg-brand-500"
                          style={{ width: `${Math.max(0, Math.min(100, r.score))}%` }}
                        />
                      </div>
                    )}
                    {r.excluded && <p className="mt-1 text-xs text-slate-600">{r.reasons.join(" ")}</p>}
                  </li>
                ))}
              </ol>
            </section>

            <section aria-labelledby="tco-heading">
              <h3 id="tco-heading" className="text-base font-semibold text-ink">
                Total cost of ownership
              </h3>
              <p className="text-xs text-slate-500">
                {e.comparison.apiModel} vs {e.comparison.openModel} ({e.comparison.hostedModel} hosted;{" "}
                {e.comparison.gpu}, {gpuSourceLabel(e.comparison.gpuSource)} when self-hosted).
              </p>
              <table className="mt-3 w-full text-sm" data-testid="tco-table">
                <thead>
                  <tr className="text-left text-xs uppercase tracking-wide text-slate-500">
                    <th className="py-1 font-medium">Option</th>
                    <th className="py-1 text-right font-medium">Month 1</th>
                    <th className="py-1 text-right font-medium">{e.horizonMonths} months</th>
                    <th className="py-1 text-right font-medium">per 1M tokens</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100 tabular-nums">
                  {e.ranking.map(({ option }) => {
                    const c = e.costs[option];
                    if (option === "hybrid" && collapsed)
                      return (
                        <tr key={option} className="text-slate-500" data-testid="hybrid-collapsed">
                          <td className="py-1.5">{optionLabel(option)}</td>
                          <td colSpan={3} className="py-1.5 text-right">
                            {collapsedLabel(collapsed)}
                          </td>
                        </tr>
                      );
                    return (
                      <tr key={option}>
                        <td className="py-1.5 text-slate-900">{optionLabel(option)}</td>
                        <td className="py-1.5 text-right">{formatUsd(c.monthlyUsd[0] ?? 0)}</td>
                        <td className="py-1.5 text-right font-medium">{formatUsd(c.tcoUsd)}</td>
                        <td className="py-1.5 text-right">{formatUsdOrDash(c.perMillionTokensUsd)}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
              <dl className="mt-4 grid grid-cols-2 gap-3 text-sm">
                {(["api", "hosted-open"] as const).map((k) => (
                  <div key={k} className="rounded-lg bg-slate-50 p-3">
                    <dt className="text-xs text-slate-500">
                      Self-hosting breaks even vs {optionInSentence(optionLabel(k), k === "api")}
                    </dt>
                    <dd className="mt-1 font-medium text-slate-900" data-testid={`break-even-${k}`}>
                      {e.breakEven[k].tokensPerDay === null
                        ? "Not within 1T tokens/day"
                        : `at ${formatTokens(e.breakEven[k].tokensPerDay!)} tokens/day at today's prices`}
                      {e.breakEven[k].tokensPerDayAtHorizonEnd !== undefined &&
                        e.breakEven[k].tokensPerDayAtHorizonEnd !== e.breakEven[k].tokensPerDay && (
                          <span className="block font-normal text-slate-600" data-testid={`break-even-late-${k}`}>
                            {e.breakEven[k].tokensPerDayAtHorizonEnd === null
                              ? "not within 1T tokens/day"
                              : `${formatTokens(e.breakEven[k].tokensPerDayAtHorizonEnd!)} tokens/day`}{" "}
                            at month-{e.horizonMonths} prices
                          </span>
                        )}
                      <span className="mt-1 block font-normal text-slate-600">
                        {e.breakEven[k].month === null
                          ? "no break-even month in the horizon"
                          : `pays back in month ${e.breakEven[k].month} (with the price trends)`}
                      </span>
                    </dd>
                  </div>
                ))}
              </dl>
              {e.costs.hybrid.split && (
                <p className="mt-3 text-xs text-slate-500">
                  {/* A split that collapsed to one option says why (its own sentence), not a share with a spill it does not have. */}
                  {e.costs.hybrid.split.pure ? (
                    e.costs.hybrid.split.text
                  ) : (
                    <>
                      Hybrid keeps {formatPct(e.costs.hybrid.split.selfHostedShare)} of traffic on your GPUs (
                      {HYBRID_SPLIT_LABELS[e.costs.hybrid.split.mode]}).
                    </>
                  )}
                </p>
              )}
            </section>
          </div>
        </Fold>

        <CapacityPanel evaluation={e} />

        <WhatWouldChange evaluation={e} />

        <EconomicsPanel evaluation={e} />

        <Fold
          id="reasons-heading"
          title="Every factor, weighed"
          hint={`${e.reasons.length} factors, each with the option it favours`}
          testId="reasons-fold"
        >
          <ul className="mt-3 divide-y divide-slate-100" data-testid="reasons">
            {e.reasons.map((r) => (
              <li key={r.factor + r.text} className="flex flex-col gap-1 py-2.5 text-sm sm:flex-row sm:gap-4">
                <span className="w-44 shrink-0 text-xs font-medium uppercase tracking-wide text-slate-500">
                  {factorLabel(r)}
                  {r.weight > 0 && r.weight < 1 && ` · ${Math.round(r.weight * 100)}%`}
                  <span className="block normal-case tracking-normal text-slate-500">
                    favours {optionLabel(r.favours)}
                  </span>
                </span>
                <span className="text-slate-800">{r.text}</span>
              </li>
            ))}
          </ul>
        </Fold>

        {assumptions}
      </FoldPanels>
      <p className="text-xs text-slate-500">
        Input: {formatTokens(e.tokensPerDay)} tokens/day, {SENSITIVITY_LABELS[input.data.sensitivity].toLowerCase()}{" "}
        data, ML-ops team: {ML_OPS_LABELS[input.team.mlOpsMaturity]}. Catalog {e.catalogVersion}.
      </p>
    </div>
  );
}
