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
  optionLabel,
  REGULATION_LABELS,
  SENSITIVITY_LABELS,
  TIME_TO_MARKET_LABELS,
} from "@/lib/engine/vocabulary";
import { formatDate, formatNumber, formatPct, formatTokens, formatUsd, formatUsdOrDash } from "@/lib/format";
import { BreakdownChart } from "@/components/result/charts/breakdown-chart";
import { CostVsVolumeChart } from "@/components/result/charts/cost-vs-volume-chart";
import { CumulativeCostChart } from "@/components/result/charts/cumulative-cost-chart";
import { TornadoChart } from "@/components/result/charts/tornado-chart";
import { EconomicsPanel } from "@/components/result/economics-panel";
import { WhatWouldChange } from "@/components/result/what-would-change";
import { UncertaintyPanel } from "@/components/result/uncertainty-panel";
import { hybridCollapse } from "@/components/result/hybrid-collapse";

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

function Section({ title, children, breakBefore }: { title: string; children: React.ReactNode; breakBefore?: boolean }) {
  return (
    <section className={`mt-8 ${breakBefore ? "break-before-page" : ""}`}>
      <h2 className="break-after-avoid border-b-2 border-slate-800 pb-1 text-lg font-semibold text-slate-900">{title}</h2>
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
  const excluded = e.ranking.filter((r) => r.excluded && !(r.option === "hybrid" && collapsed)).map((r) => optionLabel(r.option));
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
    excluded.length ? `${excluded.join(", ")} ${excluded.length > 1 ? "are" : "is"} ruled out by hard requirements.` : "",
    collapsed ? `No hybrid split pays for itself here: the cheapest split is ${optionLabel(collapsed).toLowerCase()} alone.` : "",
    e.conflicts.length ? `${e.conflicts.length} requirement conflict${e.conflicts.length > 1 ? "s need" : " needs"} a decision before committing.` : "",
  ]
    .filter(Boolean)
    .join(" ");
}

/** The user's price figures and the models they price: one line each (the summary a CFO checks first). */
export function overrideLines(e: Evaluation): string[] {
  const lines = (e.priceOverrides ?? []).map((o) => {
    const what = o.key.endsWith("cachedInputUsdPerMTok") ? "cached input price" : o.key.endsWith("inputUsdPerMTok") ? "input price" : "output price";
    return o.applied
      ? `Your ${what} of $${formatNumber(o.value, 4)}/M tokens for ${o.pricedLabel} (list $${formatNumber(o.listValue, 4)}) is used.`
      : `Your ${what} of $${formatNumber(o.value, 4)}/M tokens was set for ${o.setOnLabel} and is not applied: ${o.pricedLabel} is priced now, at its list $${formatNumber(o.listValue, 4)}.`;
  });
  const others = e.assumptions.filter((a) => a.overridden && !(e.priceOverrides ?? []).some((o) => o.key === a.key));
  if (others.length) lines.push(`Your figures also replace: ${others.map((a) => `${a.label} ${formatNumber(a.value, 4)} ${a.unit} (catalog ${formatNumber(a.catalogValue, 4)})`).join("; ")}.`);
  return lines;
}

export function ReportDocument({ payload }: { payload: ReportPayload }) {
  const { input, evaluation: e } = payload;
  const answers: [string, string][] = [
    ["Volume", `${formatNumber(input.volume.requestsPerDay)} requests/day × (${formatNumber(input.volume.inputTokensPerRequest)} in + ${formatNumber(input.volume.outputTokensPerRequest)} out) tokens = ${formatTokens(e.tokensPerDay)} tokens/day`],
    ["Growth and peaks", `${input.volume.monthlyGrowthPct}% a month; peak ${input.volume.peakToAverage}× average; ${formatPct(input.volume.cachedInputShare)} cached prompt; ${formatPct(input.volume.batchShare)} batch`],
    ["Data", `${SENSITIVITY_LABELS[input.data.sensitivity]}${input.data.regulations.length ? `; ${input.data.regulations.map((r) => REGULATION_LABELS[r]).join(", ")}` : ""}${input.data.mustStayInHouse ? `; must stay in house` : ""}; ${formatPct(input.data.sensitiveShare)} of traffic carries it`],
    ["Team ML-ops maturity", ML_OPS_LABELS[input.team.mlOpsMaturity]],
    ["Latency target", `p95 ${formatNumber(input.latency.p95TargetMs)} ms, timed to the ${LATENCY_MEASURE_LABELS[input.latency.measure]}`],
    ["Quality", `Frontier quality: ${FRONTIER_LABELS[input.capability.frontier].toLowerCase()}; customization: ${CUSTOMIZATION_LABELS[input.capability.customization].toLowerCase()}`],
    ["Deployment", `${input.deployment.offline ? "Must run offline; " : ""}${e.comparison.gpu}, ${gpuSourceLabel(e.comparison.gpuSource)}${input.deployment.gpuTerm ? `, ${GPU_TERM_LABELS[input.deployment.gpuTerm].toLowerCase()}` : ""}`],
    ["Strategy", `Must ship: ${TIME_TO_MARKET_LABELS[input.strategy.timeToMarket].toLowerCase()}; lock-in concern: ${LOCK_IN_LABELS[input.strategy.lockInConcern].toLowerCase()}; ${input.strategy.horizonMonths}-month horizon`],
  ];
  return (
    <article className="report mx-auto max-w-[720px] bg-white font-sans text-[12px] leading-relaxed text-slate-900" data-testid="report">
      <header className="flex min-h-[880px] flex-col justify-between border-l-8 border-slate-900 pl-8 pt-16">
        <div>
          <p className="text-sm font-semibold uppercase tracking-widest text-slate-600">RentOrOwn decision report</p>
          <h1 className="mt-6 text-4xl font-semibold leading-tight" data-testid="report-title">
            {payload.title}
          </h1>
          {payload.subtitle && <p className="mt-2 text-base text-slate-600">{payload.subtitle}</p>}
          <p className="mt-2 text-base text-slate-600">{formatDate(payload.generatedAt)}</p>
          <div className="mt-16 rounded-lg border-2 border-slate-900 p-6">
            <p className="text-xs font-semibold uppercase tracking-widest text-slate-600">Recommendation</p>
            <p className="mt-2 text-3xl font-semibold" data-testid="report-verdict">
              {e.recommendationLabel}
            </p>
            <p className="mt-1 text-base text-slate-700">{OPTION_HEADLINES[e.recommendation]}</p>
            <p className="mt-2 text-base">Confidence {formatPct(e.uncertainty?.confidence ?? e.confidence)}</p>
          </div>
        </div>
        <p className="pb-8 text-xs text-slate-500">
          Catalog {e.catalogVersion} (prices and figures as of {e.catalogAsOf}). Every figure is listed with its source in the appendix.
        </p>
      </header>

      <Section title="Executive summary" breakBefore>
        <p className="text-sm">{executiveSummary(e)}</p>
        <ul className="mt-3 list-disc space-y-1 pl-5">
          {[...e.reasons.filter(isHardRule), ...e.keyReasons].map((r) => (
            <li key={r.factor + r.text}>{r.text}</li>
          ))}
        </ul>
        {overrideLines(e).length > 0 && (
          <div className="mt-3" data-testid="report-overrides">
            <p className="font-semibold">Your figures and the models priced ({e.comparison.apiModel}; {e.comparison.hostedModel})</p>
            <ul className="mt-1 list-disc space-y-1 pl-5">
              {overrideLines(e).map((l) => (
                <li key={l}>{l}</li>
              ))}
            </ul>
          </div>
        )}
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
                <td className="py-1">{r.excluded ? "ruled out" : r.option === e.recommendation ? "recommended" : "feasible"}</td>
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

      <div className="mt-8 break-inside-avoid">{/* capacity: chosen configuration, SLO, utilization, latency of every option */}
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
            {e.sensitivity.map((s) => (
              <tr key={s.assumption} className="border-b border-slate-200">
                <td className="py-1">{s.label}</td>
                <td className="py-1 text-right">
                  {formatNumber(s.low, 3)} → {s.breakEvenLow === null ? "never" : formatTokens(s.breakEvenLow)}
                </td>
                <td className="py-1 text-right">
                  {formatNumber(s.high, 3)} → {s.breakEvenHigh === null ? "never" : formatTokens(s.breakEvenHigh)}
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
                  {formatNumber(a.value, 4)} {a.unit}
                  {a.overridden ? " (your figure)" : ""}
                </td>
                <td className="py-1 pl-3 text-[10px] text-slate-600">
                  {/* An overridden figure is the user's, not the catalog's grade. */}
                  {a.overridden ? <strong className="font-semibold uppercase">your figure</strong> : a.grade && <strong className="font-semibold uppercase">{a.grade}</strong>}
                  {(a.overridden || a.grade) && " · "}
                  {a.overridden && `catalog ${formatNumber(a.catalogValue, 4)} `}range {formatNumber(a.low, 4)}–{formatNumber(a.high, 4)} · {a.source} · {a.asOf}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="mt-3 text-[10px] text-slate-500">Options compared: {OPTIONS.map(optionLabel).join(", ")}. {e.comparison.apiModel} vs {e.comparison.openModel}.</p>
      </Section>
    </article>
  );
}
