import type { ReactNode } from "react";
import type { Evaluation } from "@/lib/engine";
import { confidenceBasis } from "@/lib/assessment/confidence";
import { mainLever, mainRisk, tcoBars } from "@/lib/assessment/summary";
import { isHardRule, OPTION_HEADLINES, OPTION_SHORT_LABELS, OPTION_STYLE, optionLabel } from "@/lib/engine/vocabulary";
import { formatPct, formatTokens, formatUsd } from "@/lib/format";
import { collapsedLabel } from "./hybrid-collapse";
import { ModelsCompared } from "./models-compared";

// The result at a glance, sized to one desktop screen: the verdict with its confidence (defined), every
// option's total cost on one bar chart, the main risk and the main lever. Everything else is below, folded.

export function ResultSummary({ evaluation: e, actions }: { evaluation: Evaluation; actions?: ReactNode }) {
  const rules = e.reasons.filter(isHardRule);
  const conf = confidenceBasis(e);
  const risk = mainRisk(e);
  const lever = mainLever(e);
  const bars = tcoBars(e);
  return (
    <section
      aria-labelledby="verdict-heading"
      className="overflow-hidden rounded-2xl bg-brand-900 text-white shadow-sm print:border print:border-slate-400 print:bg-white print:text-ink"
      data-testid="result-summary"
    >
      <div className="grid gap-6 p-5 sm:p-7 lg:grid-cols-[minmax(0,1fr)_minmax(0,26rem)]">
        <div className="min-w-0">
          <p className="text-xs font-semibold uppercase tracking-widest text-sky-300 print:text-slate-600">
            Recommendation
          </p>
          <h2 id="verdict-heading" className="mt-1 text-3xl font-semibold tracking-tight" data-testid="verdict">
            {e.recommendationLabel}
          </h2>
          <p className="mt-1 text-lg text-slate-200 print:text-slate-700">{OPTION_HEADLINES[e.recommendation]}</p>
          <div className="mt-4 rounded-xl bg-white/10 p-3 text-sm print:bg-slate-50" data-testid="confidence-box">
            <p className="flex flex-wrap items-baseline gap-x-2">
              <span className="text-slate-300 print:text-slate-600">Confidence</span>
              <span className="text-xl font-semibold" data-testid="confidence">
                {formatPct(conf.value)}
              </span>
              {conf.probability !== undefined && (
                <span className="text-slate-200">· holds in {formatPct(conf.probability)} of sampled futures</span>
              )}
            </p>
            <p className="mt-1 text-slate-200 print:text-slate-700" data-testid="confidence-basis">
              {conf.text}
            </p>
            <p className="mt-1 text-xs text-slate-300 print:text-slate-600" data-testid="confidence-definition">
              {conf.definition}
            </p>
          </div>
          <ul className="mt-4 space-y-1.5 text-sm text-slate-100 print:text-slate-800">
            {/* A phone shows the first reason only, so the four costs stay on its first screen. */}
            {[...rules.slice(0, 1), ...e.keyReasons].slice(0, 2).map((r, i) => (
              <li key={r.factor + r.text} className={i === 0 ? "flex gap-2" : "hidden gap-2 sm:flex"}>
                <span aria-hidden="true" className="mt-1.5 h-1.5 w-1.5 shrink-0 rounded-full bg-sky-300" />
                <span>{r.text}</span>
              </li>
            ))}
          </ul>
        </div>
        <div className="min-w-0">
          <h3 className="text-sm font-semibold text-slate-200 print:text-slate-700">
            Total cost over {e.horizonMonths} months
          </h3>
          <ul className="mt-2 space-y-2" data-testid="tco-bars">
            {bars.map((b) => (
              <li key={b.option} data-testid="tco-bar" data-option={b.option}>
                <div className="flex items-baseline justify-between gap-2 text-sm">
                  {/* Greyed by colour, not opacity: a translucent badge would lose its contrast. */}
                  <span className={b.recommended ? "font-semibold" : b.excluded || b.equals ? "text-slate-300" : ""}>
                    {optionLabel(b.option)}
                    {b.equals && <span className="ml-1 text-xs text-slate-300">{collapsedLabel(b.equals)}</span>}
                    {b.excluded && !b.equals && (
                      <span className="ml-1 rounded bg-red-100 px-1 text-[11px] font-semibold text-red-900">
                        ruled out
                      </span>
                    )}
                  </span>
                  <span className={`tabular-nums ${b.excluded || b.equals ? "text-slate-300" : ""}`}>
                    {formatUsd(b.tcoUsd)}
                  </span>
                </div>
                <div className="mt-1 h-2.5 rounded-full bg-white/10" aria-hidden="true">
                  <div
                    className={`h-2.5 rounded-full ${b.recommended ? "bg-sky-300" : b.excluded || b.equals ? "bg-slate-400" : ""}`}
                    style={{
                      width: `${Math.max(1, b.share * 100)}%`,
                      ...(b.recommended || b.excluded || b.equals ? {} : { background: OPTION_STYLE[b.option].color }),
                    }}
                  />
                </div>
              </li>
            ))}
          </ul>
          {e.headline && (
            <p className="mt-3 text-sm text-slate-100 print:text-slate-700" data-testid="headline">
              {e.headline.text.headline}
            </p>
          )}
          <dl className="mt-2 grid grid-cols-2 gap-x-3 gap-y-1 text-xs text-slate-300 print:text-slate-600">
            <dt>Volume</dt>
            <dd className="text-right">{formatTokens(e.tokensPerDay)} tokens/day</dd>
            {e.headline?.rival && (
              <>
                <dt>Break-even vs {OPTION_SHORT_LABELS[e.headline.rival]}</dt>
                <dd className="text-right" data-testid="headline-break-even">
                  {e.headline.breakEvenTokensPerDay === null
                    ? "not in range"
                    : `${formatTokens(e.headline.breakEvenTokensPerDay)}/day at today's prices`}
                </dd>
              </>
            )}
          </dl>
        </div>
      </div>
      <div className="grid gap-px border-t border-white/10 bg-white/10 sm:grid-cols-2">
        <div className="bg-brand-900 p-4 sm:px-7 print:bg-white" data-testid="main-risk" data-kind={risk.kind}>
          <p className="text-xs font-semibold uppercase tracking-widest text-amber-300 print:text-slate-600">
            Main risk
          </p>
          <p className="mt-1 text-sm text-slate-100 print:text-slate-800">{risk.text}</p>
          {risk.detail && <p className="mt-1 text-xs text-slate-300">{risk.detail}</p>}
        </div>
        <div className="bg-brand-900 p-4 sm:px-7 print:bg-white" data-testid="main-lever">
          <p className="text-xs font-semibold uppercase tracking-widest text-sky-300 print:text-slate-600">
            Main lever{lever.becomes ? ` · ${optionLabel(lever.becomes)} instead` : ""}
          </p>
          <p className="mt-1 text-sm text-slate-100 print:text-slate-800">{lever.text}</p>
        </div>
      </div>
      <ModelsCompared evaluation={e} />
      {actions && (
        <div className="flex flex-wrap gap-2 border-t border-white/10 bg-black/10 px-5 py-3 sm:px-7 print:hidden">
          {actions}
        </div>
      )}
    </section>
  );
}
