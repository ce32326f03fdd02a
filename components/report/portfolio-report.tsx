import type { ParsedPortfolioInput, PortfolioEvaluation } from "@/lib/engine/portfolio";
import { optionLabel } from "@/lib/engine/vocabulary";
import { EPS_USD } from "@/lib/engine/portfolio/texts";
import { formatDate, formatTokens, formatUsd } from "@/lib/format";
import { PortfolioCumulativeChart } from "@/components/portfolio/portfolio-cumulative-chart";
import { AlternativesTable, FleetAndTeam, PlacementTable, PlanReasons } from "@/components/portfolio/plan-summary";

// The printable report of a portfolio: the plan first (placements, fleet, team, alternatives and the
// cumulative curve), then one page per workload with its own verdict. Same components as the pages.

export type PortfolioReportPayload = {
  title: string;
  subtitle?: string;
  generatedAt: string;
  portfolio: { input: ParsedPortfolioInput; evaluation: PortfolioEvaluation };
};

export const isPortfolioPayload = (p: unknown): p is PortfolioReportPayload =>
  typeof p === "object" && p !== null && "portfolio" in p;

const CHART = { width: 680, height: 280, animate: false } as const;

export function PortfolioReport({ payload }: { payload: PortfolioReportPayload }) {
  const e = payload.portfolio.evaluation;
  return (
    <article
      className="report mx-auto max-w-[720px] bg-white font-sans text-[12px] leading-relaxed text-slate-900"
      data-testid="report"
    >
      <header className="border-l-8 border-slate-900 pl-8 pt-10">
        <p className="text-sm font-semibold uppercase tracking-widest text-slate-600">RentOrOwn deployment plan</p>
        <h1 className="mt-4 text-4xl font-semibold leading-tight" data-testid="report-title">
          {payload.title}
        </h1>
        {payload.subtitle && <p className="mt-2 text-base text-slate-600">{payload.subtitle}</p>}
        <p className="mt-6 text-2xl font-semibold" data-testid="report-plan-total">
          {formatUsd(e.plan.tcoUsd)} over {e.horizonMonths} months for {e.workloads.length} workloads
        </p>
        <p className="mt-2 text-sm text-slate-700">
          {e.workloads.map((w) => `${w.name}: ${optionLabel(w.placement)}`).join(" · ")}
        </p>
        <p className="mt-2 text-sm text-slate-700">
          {e.plan.poolingSavingsUsd >= EPS_USD ? `Pooling saves ${formatUsd(e.plan.poolingSavingsUsd)}. ` : ""}
          {e.costPremiumUsd > 0
            ? `${formatUsd(e.costPremiumUsd)} above the cheapest possible alternative.`
            : "No possible alternative is cheaper."}
        </p>
        <p className="mt-4 text-xs text-slate-500">
          Generated {formatDate(payload.generatedAt)} · catalog {e.catalogVersion}
        </p>
      </header>
      <div className="mt-6 space-y-4">
        <PlacementTable evaluation={e} />
        <PortfolioCumulativeChart evaluation={e} size={CHART} />
        <FleetAndTeam evaluation={e} />
        <AlternativesTable evaluation={e} />
        <PlanReasons evaluation={e} />
      </div>
      {e.workloads.map((w) => {
        const s = w.standalone;
        return (
          <section key={w.id} className="mt-8 break-before-page" data-testid="report-workload">
            <h2 className="border-b-2 border-slate-800 pb-1 text-lg font-semibold">
              {w.name}: {optionLabel(w.placement)} in the plan
            </h2>
            <p className="mt-2">
              Alone, with the company&apos;s team and strategy, RentOrOwn recommends{" "}
              <strong>{s.recommendationLabel}</strong> at {formatTokens(s.tokensPerDay)} tokens a day (
              {formatUsd(s.costs[s.recommendation].tcoUsd)} over {s.horizonMonths} months).
            </p>
            <p className="mt-2">{w.text}</p>
            <ul className="mt-2 list-disc pl-5">
              {s.reasons.slice(0, 5).map((r, i) => (
                <li key={i}>{r.text}</li>
              ))}
            </ul>
          </section>
        );
      })}
    </article>
  );
}
