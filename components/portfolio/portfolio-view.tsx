"use client";

import { useState, type ReactNode } from "react";
import type { PortfolioEvaluation } from "@/lib/engine/portfolio/evaluate";
import type { ParsedPortfolioInput } from "@/lib/engine/portfolio/schema";
import { workloadInput } from "@/lib/engine/portfolio/schema";
import { ResultView } from "@/components/result/result-view";
import { optionLabel } from "@/lib/engine/vocabulary";
import { PortfolioCumulativeChart } from "./portfolio-cumulative-chart";
import { AlternativesTable, FleetAndTeam, PlacementTable, PlanHeadline, PlanReasons } from "./plan-summary";

/**
 * A portfolio result: the plan first (placements, fleet, team, total and curve vs the alternatives,
 * pooling savings, premium), then each workload's own evaluation one click away. Live results, saved
 * revisions and shared pages all render it.
 */
export function PortfolioView({
  input,
  evaluation: e,
  actions,
}: {
  input: ParsedPortfolioInput;
  evaluation: PortfolioEvaluation;
  actions?: ReactNode;
}) {
  const [open, setOpen] = useState<number | null>(null);
  return (
    <div className="space-y-6" data-testid="portfolio-view">
      <PlanHeadline evaluation={e} actions={actions} />
      <PlacementTable
        evaluation={e}
        renderAction={(i) => (
          <button
            type="button"
            className="mt-2 text-sm font-medium text-brand-700 hover:underline"
            aria-expanded={open === i}
            aria-controls={`workload-evaluation-${i}`}
            onClick={() => setOpen(open === i ? null : i)}
          >
            {open === i ? "Hide" : "Open"} {e.workloads[i]!.name}&apos;s own evaluation
          </button>
        )}
      />
      {open !== null && e.workloads[open] && (
        <section
          id={`workload-evaluation-${open}`}
          aria-label={`${e.workloads[open]!.name}: its own evaluation`}
          className="rounded-2xl border-2 border-brand-200 p-3"
          data-testid="workload-evaluation"
        >
          <p className="mb-3 px-2 text-sm text-slate-600">
            {e.workloads[open]!.name} assessed alone, with the company&apos;s team, deployment and strategy. In the plan
            it runs as <strong>{optionLabel(e.workloads[open]!.placement)}</strong>.
          </p>
          <ResultView input={workloadInput(input, open)} evaluation={e.workloads[open]!.standalone} />
        </section>
      )}
      <PortfolioCumulativeChart evaluation={e} />
      <div className="grid gap-6 lg:grid-cols-2">
        <FleetAndTeam evaluation={e} />
        <AlternativesTable evaluation={e} />
      </div>
      <PlanReasons evaluation={e} />
    </div>
  );
}
