import type { Evaluation, ParsedAssessmentInput } from "@/lib/engine";
import { OPTIONS } from "@/lib/engine/schema";
import { CapacityPanel } from "@/components/result/capacity-panel";
import {
  CUSTOMIZATION_LABELS,
  factorLabel,
  FRONTIER_LABELS,
  gpuSourceLabel,
  GPU_TERM_LABELS,
  LATENCY_MEASURE_LABELS,
  isHardRule,
  LOCK_IN_LABELS,
  ML_OPS_LABELS,
  OPTION_HEADLINES,
  OPTION_SHORT_LABELS,
  optionLabel,
  REGULATION_LABELS,
  SENSITIVITY_LABELS,
  TIME_TO_MARKET_LABELS,
} from "@/lib/engine/vocabulary";
import {
  formatDate,
  formatNumber,
  formatSignificant,
  formatPct,
  formatTokens,
  formatUsd,
  formatUsdOrDash,
  optionInSentence,
} from "@/lib/format";
import { BreakdownChart } from "@/components/result/charts/breakdown-chart";
import { CostVsVolumeChart } from "@/components/result/charts/cost-vs-volume-chart";
import { CumulativeCostChart } from "@/components/result/charts/cumulative-cost-chart";
import { TornadoChart } from "@/components/result/charts/tornado-chart";
import { EconomicsPanel } from "@/components/result/economics-panel";
import { WhatWouldChange } from "@/components/result/what-would-change";
import { UncertaintyPanel } from "@/components/result/uncertainty-panel";
import { collapsedLabel, hybridCollapse } from "@/components/result/hybrid-collapse";
import { confidenceBasis } from "@/lib/assessment/confidence";
import { mainLever, mainRisk, tcoBars } from "@/lib/assessment/summary";
import { cashFlowByYear, cashFlowOptions } from "./cash-flow";

// The printable report (A4/Letter). Rendered by headless Chromium from the same Evaluation the
// pages show; charts are the same components at a fixed size with animation off.

export type ReportPayload = {
  title: string;
  subtitle?: string;
  generatedAt: string;
  input: ParsedAssessmentInput;
  evaluation: Evaluation;
};

const CHART = { width: 680, height: 260, animate: false } as const;

function Section({
  title,
  children,
  breakBefore,
}: {
  title: string;
  children: React.ReactNode;
  breakBefore?: boolean;
}) {
  return (
    <section className={`mt-8 ${breakBefore ? "break-before-page" : ""}`}>
      <h2 className="break-after-avoid border-b-2 border-slate-800 pb-1 text-lg font-semibold text-slate-900">
        {title}
      </h2>
      <div className="mt-3">{children}</div>
    </section>
  );
}

export function executiveSummary(e: Evaluation): string {
  const rec = optionLabel(e.recommendation);
  const c = e.costs[e.recommendation];
  const be = e.breakEven.api;
  // A hybrid with no split is not ruled out by a requirement: it is the pure option it equals (cost).
  const collapsed = hybridCollapse(e);
  const excluded = e.ranking
    .filter((r) => r.excluded && !(r.option === "hybrid" && collapsed))
    .map((r) => optionLabel(r.option));
  return [
    `We recommend ${rec.toLowerCase()} with ${formatPct(e.uncertainty?.confidence ?? e.confidence)} confidence.`,
    // How sure (issue 23): the share of draws over the catalog's ranges in which it holds.
    e.uncertainty?.verdictText ?? "",
    `At ${formatTokens(e.tokensPerDay)} tokens a day it costs about ${formatUsd(c.monthlyUsd[0] ?? 0)} in the first month and ${formatUsd(c.tcoUsd)} over ${e.horizonMonths} months.`,
    // The verdict against its closest usable rival (v1.2); saved results from before it: self-hosting vs the API.
    e.headline
      ? `${e.headline.text.headline} ${e.headline.rival ? e.headline.text.volume : ""}`
      : be.tokensPerDay === null
        ? "Self-hosting does not become cheaper than the proprietary API at any volume up to 1 trillion tokens a day with these assumptions."
        : `At today's prices self-hosting becomes cheaper than the proprietary API above ${formatTokens(be.tokensPerDay)} tokens a day${be.tokensPerDayAtHorizonEnd === undefined ? "" : be.tokensPerDayAtHorizonEnd === null ? ` (at month-${e.horizonMonths} prices, at no volume up to 1 trillion)` : ` (${formatTokens(be.tokensPerDayAtHorizonEnd)} at month-${e.horizonMonths} prices)`}${be.month ? ` and pays back its set-up in month ${be.month}` : ""}.`,
    excluded.length
      ? `${excluded.join(", ")} ${excluded.length > 1 ? "are" : "is"} ruled out by hard requirements.`
      : "",
    collapsed
      ? `No hybrid split pays for itself here: the cheapest split is ${optionInSentence(optionLabel(collapsed), collapsed === "api")} alone.`
      : "",
    e.conflicts.length
      ? `${e.conflicts.length} requirement conflict${e.conflicts.length > 1 ? "s need" : " needs"} a decision before committing.`
      : "",
  ]
    .filter(Boolean)
    .join(" ");
}

/** The user's price figures and the models they price: one line each (the summary a CFO checks first). */
export function overrideLines(e: Evaluation): string[] {
  const lines = (e.priceOverrides ?? []).map((o) => {
    const what = o.key.endsWith("cachedInputUsdPerMTok")
      ? "cached input price"
      : o.key.endsWith("inputUsdPerMTok")
        ? "input price"
        : "output price";
    return o.applied
      ? `Your ${what} of $${formatNumber(o.value, 4)}/M tokens for ${o.pricedLabel} (list $${formatNumber(o.listValue, 4)}) is used.`
      : `Your ${what} of $${formatNumber(o.value, 4)}/M tokens was set for ${o.setOnLabel} and is not applied: ${o.pricedLabel} is priced now, at its list $${formatNumber(o.listValue, 4)}.`;
  });
  const others = e.assumptions.filter((a) => a.overridden && !(e.priceOverrides ?? []).some((o) => o.key === a.key));
  if (others.length)
    lines.push(
      `Your figures also replace: ${others.map((a) => `${a.label} ${formatNumber(a.value, 4)} ${a.unit} (catalog ${formatNumber(a.catalogValue, 4)})`).join("; ")}.`,
    );
  return lines;
}

/** The memo's risks: conflicts, a latency miss, what rules options out (a hybrid that only fails to split is not a requirement), the premium paid. */
export function memoRisks(e: Evaluation): string[] {
  const collapsed = hybridCollapse(e);
  const out = [
    ...e.conflicts.map((c) => `${c.text} What to do: ${c.advice}`),
    ...(e.latencyMiss ? [e.latencyMiss.text] : []),
    ...e.ranking
      .filter((r) => r.excluded && !(r.option === "hybrid" && collapsed))
      .map((r) => `${optionLabel(r.option)} is ruled out: ${r.reasons.join(" ")}`),
  ];
  const risk = mainRisk(e);
  if (risk.kind === "premium" || risk.kind === "flip") out.push(risk.text);
  return out.length ? out : [risk.text];
}

export function ReportDocument({ payload }: { payload: ReportPayload }) {
  const { input, evaluation: e } = payload;
  const conf = confidenceBasis(e);
  const answers: [string, string][] = [
    [
      "Volume",
      `${formatNumber(input.volume.requestsPerDay)} requests/day × (${formatNumber(input.volume.inputTokensPerRequest)} in + ${formatNumber(input.volume.outputTokensPerRequest)} out) tokens = ${formatTokens(e.tokensPerDay)} tokens/day`,
    ],
    [
      "Growth and peaks",
      `${input.volume.monthlyGrowthPct}% a month; peak ${input.volume.peakToAverage}× average; ${formatPct(input.volume.cachedInputShare)} cached prompt; ${formatPct(input.volume.batchShare)} batch`,
    ],
    [
      "Data",
      `${SENSITIVITY_LABELS[input.data.sensitivity]}${input.data.regulations.length ? `; ${input.data.regulations.map((r) => REGULATION_LABELS[r]).join(", ")}` : ""}${input.data.mustStayInHouse ? `; must stay in house` : ""}; ${formatPct(input.data.sensitiveShare)} of traffic carries it`,
    ],
    ["Team ML-ops maturity", ML_OPS_LABELS[input.team.mlOpsMaturity]],
    [
      "Latency target",
      `p95 ${formatNumber(input.latency.p95TargetMs)} ms, timed to the ${LATENCY_MEASURE_LABELS[input.latency.measure]}`,
    ],
    [
      "Quality",
      `Frontier quality: ${FRONTIER_LABELS[input.capability.frontier].toLowerCase()}; customization: ${CUSTOMIZATION_LABELS[input.capability.customization].toLowerCase()}`,
    ],
    [
      "Deployment",
      `${input.deployment.offline ? "Must run offline; " : ""}${e.comparison.gpu}, ${gpuSourceLabel(e.comparison.gpuSource)}${input.deployment.gpuTerm ? `, ${GPU_TERM_LABELS[input.deployment.gpuTerm].toLowerCase()}` : ""}`,
    ],
    [
      "Strategy",
      `Must ship: ${TIME_TO_MARKET_LABELS[input.strategy.timeToMarket].toLowerCase()}; lock-in concern: ${LOCK_IN_LABELS[input.strategy.lockInConcern].toLowerCase()}; ${input.strategy.horizonMonths}-month horizon`,
    ],
  ];
  return (
    <article
      className="report mx-auto max-w-[720px] bg-white font-sans text-[12px] leading-relaxed text-slate-900"
      data-testid="report"
    >
      {/* Page 1: the decision memo a CFO reads first. Everything after it is the working. */}
      <header className="border-l-8 border-slate-900 pl-6 pt-2" data-testid="report-memo">
        <p className="text-xs font-semibold uppercase tracking-widest text-slate-600">RentOrOwn decision memo</p>
        <h1 className="mt-1 text-2xl font-semibold leading-tight" data-testid="report-title">
          {payload.title}
        </h1>
        <p className="text-sm text-slate-600">
          {payload.subtitle ? `${payload.subtitle} · ` : ""}
          {formatDate(payload.generatedAt)} · Catalog {e.catalogVersion} (figures as of {e.catalogAsOf})
        </p>
      </header>
      <div className="mt-4 grid grid-cols-[1fr_16rem] gap-4">
        <div className="rounded-lg border-2 border-slate-900 p-4">
          <p className="text-xs font-semibold uppercase tracking-widest text-slate-600">Recommendation</p>
          <p className="mt-1 text-2xl font-semibold" data-testid="report-verdict">
            {e.recommendationLabel}
          </p>
          <p className="text-sm text-slate-700">{OPTION_HEADLINES[e.recommendation]}</p>
          <p className="mt-2 text-sm">
            <strong>Confidence {formatPct(conf.value)}.</strong> {conf.text}{" "}
            <span className="text-slate-600">{conf.definition}</span>
          </p>
        </div>
        <div className="rounded-lg bg-slate-50 p-3">
          <p className="text-xs font-semibold text-slate-700">Total cost, {e.horizonMonths} months</p>
          <ul className="mt-2 space-y-1.5" data-testid="report-tco-bars">
            {tcoBars(e).map((b) => (
              <li key={b.option} className={b.excluded || b.equals ? "text-slate-500" : ""}>
                <div className="flex justify-between gap-2 text-[11px]">
                  <span className={b.recommended ? "font-semibold" : ""}>
                    {OPTION_SHORT_LABELS[b.option]}
                    {b.equals ? ` ${collapsedLabel(b.equals)}` : b.excluded ? " (ruled out)" : ""}
                  </span>
                  <span className="tabular-nums">{formatUsd(b.tcoUsd)}</span>
                </div>
                <div className="h-2 rounded-sm bg-slate-200">
                  <div
                    className="h-2 rounded-sm"
                    style={{
                      width: `${Math.max(1, b.share * 100)}%`,
                      background: b.recommended ? "#0f172a" : b.excluded || b.equals ? "#cbd5e1" : "#64748b",
                    }}
                  />
                </div>
              </li>
            ))}
          </ul>
        </div>
      </div>

      <section className="mt-4">
        <h2 className="border-b border-slate-400 text-sm font-semibold text-slate-800">Executive summary</h2>
        <p className="mt-1 text-sm">{executiveSummary(e)}</p>
      </section>
      <div className="mt-3 grid grid-cols-2 gap-4">
        <section data-testid="report-risks">
          <h2 className="border-b border-slate-400 text-sm font-semibold text-slate-800">Risks</h2>
          <ul className="mt-1 list-disc space-y-1 pl-4">
            {memoRisks(e).map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
          <p className="mt-2 text-[11px]">
            <strong>Main lever:</strong> {mainLever(e).text}
          </p>
        </section>
        <section data-testid="report-overrides">
          <h2 className="border-b border-slate-400 text-sm font-semibold text-slate-800">
            Your figures and the models priced
          </h2>
          <p className="mt-1 text-[11px] text-slate-700">
            {e.comparison.apiModel} (API); {e.comparison.hostedModel} (hosted); {e.comparison.openModel} on{" "}
            {e.comparison.gpu} (self-hosted).
          </p>
          <ul className="mt-1 list-disc space-y-1 pl-4">
            {overrideLines(e).length ? (
              overrideLines(e).map((l) => <li key={l}>{l}</li>)
            ) : (
              <li>None: every figure is the catalog&apos;s, listed with its source in the appendix.</li>
            )}
          </ul>
        </section>
      </div>

      <Section title="Year-by-year cash flow" breakBefore>
        <p className="text-slate-700">
          Cash out per year for {cashFlowOptions(e).map(optionLabel).join(" and ")}. Running costs recur; the set-up is
          paid once in month 1; hardware is the servers bought (capital expenditure).
          {cashFlowOptions(e).some((o) => e.costs[o].fleet?.depreciation) &&
            " For an owned fleet the last column spreads the servers over their depreciation life instead of paying them up front."}
        </p>
        {cashFlowOptions(e).map((o) => {
          const years = cashFlowByYear(e, o);
          const dep = years.some((y) => y.depreciatedUsd !== undefined);
          return (
            <table key={o} className="mt-3 w-full tabular-nums" data-testid="report-cash-flow">
              <caption className="break-after-avoid text-left font-semibold">
                {optionLabel(o)}
                {o === e.recommendation ? " (recommended)" : ""}
              </caption>
              <thead>
                <tr className="border-b-2 border-slate-800 text-left">
                  <th className="py-1">Year</th>
                  <th className="py-1 text-right">Running costs (opex)</th>
                  <th className="py-1 text-right">Set-up</th>
                  <th className="py-1 text-right">Hardware (capex)</th>
                  <th className="py-1 text-right">Cash out</th>
                  {dep && <th className="py-1 text-right">With depreciation</th>}
                </tr>
              </thead>
              <tbody>
                {years.map((y) => (
                  <tr key={y.year} className="border-b border-slate-200">
                    <td className="py-1">
                      Year {y.year}
                      {y.months < 12 ? ` (${y.months} months)` : ""}
                    </td>
                    <td className="py-1 text-right">{formatUsd(y.opexUsd)}</td>
                    <td className="py-1 text-right">{y.setupUsd ? formatUsd(y.setupUsd) : "—"}</td>
                    <td className="py-1 text-right">{y.capexUsd ? formatUsd(y.capexUsd) : "—"}</td>
                    <td className="py-1 text-right font-medium">{formatUsd(y.cashUsd)}</td>
                    {dep && <td className="py-1 text-right">{formatUsd(y.depreciatedUsd ?? y.cashUsd)}</td>}
                  </tr>
                ))}
                <tr className="border-t-2 border-slate-800 font-semibold">
                  <td className="py-1">Total</td>
                  <td className="py-1 text-right">{formatUsd(years.reduce((a, y) => a + y.opexUsd, 0))}</td>
                  <td className="py-1 text-right">{formatUsd(e.costs[o].setupUsd)}</td>
                  <td className="py-1 text-right">{formatUsd(years.reduce((a, y) => a + y.capexUsd, 0))}</td>
                  <td className="py-1 text-right">{formatUsd(e.costs[o].tcoUsd)}</td>
                  {dep && (
                    <td className="py-1 text-right">
                      {formatUsd(e.costs[o].fleet?.depreciation?.tcoUsd ?? e.costs[o].tcoUsd)}
                    </td>
                  )}
                </tr>
              </tbody>
            </table>
          );
        })}
        <ul className="mt-3 list-disc space-y-1 pl-5 text-slate-700">
          {[...e.reasons.filter(isHardRule), ...e.keyReasons].map((r) => (
            <li key={r.factor + r.text}>{r.text}</li>
          ))}
        </ul>
      </Section>

      {e.conflicts.length > 0 && (
        <Section title="Conflicts to resolve">
          {e.conflicts.map((c) => (
            <div key={c.id} className="mb-3 border-l-4 border-slate-800 pl-3">
              <p className="font-semibold">{c.text}</p>
              <p>What to do: {c.advice}</p>
            </div>
          ))}
        </Section>
      )}

      <Section title="The answers given">
        <table className="w-full">
          <tbody>
            {answers.map(([k, v]) => (
              <tr key={k} className="border-b border-slate-200 align-top">
                <th className="w-44 py-1 pr-3 text-left font-medium text-slate-600">{k}</th>
                <td className="py-1">{v}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Section>

      <Section title="The four options compared">
        <table className="w-full tabular-nums">
          <thead>
            <tr className="border-b-2 border-slate-800 text-left">
              <th className="py-1">Option</th>
              <th className="py-1">Status</th>
              <th className="py-1 text-right">Score</th>
              <th className="py-1 text-right">Month 1</th>
              <th className="py-1 text-right">Total, {e.horizonMonths} mo</th>
              <th className="py-1 text-right">Per 1M tokens</th>
            </tr>
          </thead>
          <tbody>
            {e.ranking.map((r) => (
              <tr key={r.option} className="border-b border-slate-200">
                <td className="py-1 font-medium">{optionLabel(r.option)}</td>
                <td className="py-1">
                  {r.option === "hybrid" && hybridCollapse(e)
                    ? collapsedLabel(hybridCollapse(e)!)
                    : r.excluded
                      ? "ruled out"
                      : r.option === e.recommendation
                        ? "recommended"
                        : "feasible"}
                </td>
                <td className="py-1 text-right">{r.excluded ? "—" : Math.round(r.score)}</td>
                <td className="py-1 text-right">{formatUsd(e.costs[r.option].monthlyUsd[0] ?? 0)}</td>
                <td className="py-1 text-right">{formatUsd(e.costs[r.option].tcoUsd)}</td>
                <td className="py-1 text-right">{formatUsdOrDash(e.costs[r.option].perMillionTokensUsd)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {e.ranking
          .filter((r) => r.excluded)
          .map((r) => (
            <p key={r.option} className="mt-1 text-slate-600">
              {optionLabel(r.option)} ruled out: {r.reasons.join(" ")}
            </p>
          ))}
      </Section>

      <div className="mt-8 break-inside-avoid">
        {/* capacity: chosen configuration, SLO, utilization, latency of every option */}
        <CapacityPanel evaluation={e} />
      </div>

      <Section title="Reasons, factor by factor">
        <table className="w-full">
          <tbody>
            {e.reasons.map((r) => (
              <tr key={r.factor + r.text} className="border-b border-slate-200 align-top">
                <th className="w-32 py-1 pr-3 text-left font-medium text-slate-600">
                  {factorLabel(r)}
                  {r.weight > 0 && r.weight < 1 ? ` (${Math.round(r.weight * 100)}%)` : ""}
                </th>
                <td className="py-1">{r.text}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Section>

      {e.uncertainty && (
        <div className="mt-8">
          <UncertaintyPanel uncertainty={e.uncertainty} compact />
        </div>
      )}
      <div className="mt-8">
        <WhatWouldChange evaluation={e} compact />
      </div>
      <div className="mt-8">
        <EconomicsPanel evaluation={e} compact />
      </div>

      <Section title="Break-even and cost over time" breakBefore>
        <div className="space-y-4">
          <CostVsVolumeChart evaluation={e} size={CHART} />
          <CumulativeCostChart evaluation={e} size={CHART} />
        </div>
      </Section>

      <Section title="Cost breakdown and sensitivity" breakBefore>
        <div className="space-y-4">
          <BreakdownChart evaluation={e} size={CHART} />
          <TornadoChart evaluation={e} size={CHART} />
        </div>
        <table className="mt-4 w-full tabular-nums">
          <thead>
            <tr className="border-b-2 border-slate-800 text-left">
              <th className="py-1">Assumption</th>
              <th className="py-1 text-right">Low → break-even</th>
              <th className="py-1 text-right">High → break-even</th>
            </tr>
          </thead>
          <tbody>
            {/* A figure whose low and high give the same break-even says nothing: left out. */}
            {e.sensitivity
              .filter((s) => s.breakEvenLow !== s.breakEvenHigh)
              .map((s) => (
                <tr key={s.assumption} className="border-b border-slate-200">
                  <td className="py-1">{s.label}</td>
                  <td className="py-1 text-right">
                    {formatSignificant(s.low)} → {s.breakEvenLow === null ? "never" : formatTokens(s.breakEvenLow)}
                  </td>
                  <td className="py-1 text-right">
                    {formatSignificant(s.high)} → {s.breakEvenHigh === null ? "never" : formatTokens(s.breakEvenHigh)}
                  </td>
                </tr>
              ))}
          </tbody>
        </table>
      </Section>

      <Section title={`Assumptions and sources (catalog ${e.catalogVersion})`} breakBefore>
        <table className="w-full">
          <thead>
            <tr className="border-b-2 border-slate-800 text-left">
              <th className="py-1">Figure</th>
              <th className="py-1 text-right">Value</th>
              <th className="py-1 pl-3">Evidence, range, source, as of</th>
            </tr>
          </thead>
          <tbody>
            {e.assumptions.map((a) => (
              <tr key={a.key} className="border-b border-slate-200 align-top">
                <td className="py-1 pr-2">{a.label}</td>
                <td className="whitespace-nowrap py-1 text-right tabular-nums">
                  {formatSignificant(a.value, 4)} {a.unit}
                  {a.overridden ? " (your figure)" : ""}
                </td>
                <td className="py-1 pl-3 text-[10px] text-slate-600">
                  {/* An overridden figure is the user's, not the catalog's grade. */}
                  {a.overridden ? (
                    <strong className="font-semibold uppercase">your figure</strong>
                  ) : (
                    a.grade && <strong className="font-semibold uppercase">{a.grade}</strong>
                  )}
                  {(a.overridden || a.grade) && " · "}
                  {a.overridden && `catalog ${formatNumber(a.catalogValue, 4)} `}range {formatNumber(a.low, 4)}–
                  {formatNumber(a.high, 4)} · {a.source} · {a.asOf}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="mt-3 text-[10px] text-slate-500">
          Options compared: {OPTIONS.map(optionLabel).join(", ")}. {e.comparison.apiModel} vs {e.comparison.openModel}.
        </p>
      </Section>
    </article>
  );
}
