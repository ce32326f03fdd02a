import type { PortfolioEvaluation } from "@/lib/engine/portfolio";
import { ALTERNATIVE_LABELS, EPS_USD, marginalText } from "@/lib/engine/portfolio/texts";
import { optionLabel, gpuSourceLabel } from "@/lib/engine/vocabulary";
import { formatPct, formatUsd } from "@/lib/format";

// The plan in words and numbers: placements, fleets, team, alternatives, reasons and conflicts.
// Pure presentation (server, client and the PDF render it the same).

export { ALTERNATIVE_LABELS };

export function PlanHeadline({
  evaluation: e,
  actions,
}: {
  evaluation: PortfolioEvaluation;
  actions?: React.ReactNode;
}) {
  const counts = new Map<string, number>();
  for (const w of e.workloads) counts.set(w.placement, (counts.get(w.placement) ?? 0) + 1);
  return (
    <section
      aria-labelledby="plan-heading"
      className="overflow-hidden rounded-2xl bg-brand-900 p-6 text-white shadow-sm sm:p-8 print:border print:border-slate-400 print:bg-white print:text-ink"
      data-testid="portfolio-plan"
    >
      <p className="text-xs font-semibold uppercase tracking-widest text-sky-300 print:text-slate-600">
        Deployment plan · {e.workloads.length} workloads
      </p>
      <h2 id="plan-heading" className="mt-2 text-3xl font-semibold tracking-tight" data-testid="plan-total">
        {formatUsd(e.plan.tcoUsd)} over {e.horizonMonths} months
      </h2>
      <p className="mt-2 text-sky-100 print:text-slate-700">
        {[...counts].map(([o, n]) => `${n} ${optionLabel(o as never).toLowerCase()}`).join(" · ")}
        {e.plan.poolingSavingsUsd >= EPS_USD && <> · pooling saves {formatUsd(e.plan.poolingSavingsUsd)}</>}
        {e.costPremiumUsd > 0 && <> · {formatUsd(e.costPremiumUsd)} above the cheapest possible alternative</>}
      </p>
      {actions && <div className="mt-5 flex flex-wrap gap-2 print:hidden">{actions}</div>}
    </section>
  );
}

export function PlacementTable({
  evaluation: e,
  renderAction,
}: {
  evaluation: PortfolioEvaluation;
  renderAction?: (index: number) => React.ReactNode;
}) {
  return (
    <section aria-labelledby="placements-heading" className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
      <h2 id="placements-heading" className="text-base font-semibold text-ink">
        Where each workload runs, and why
      </h2>
      <ol className="mt-3 divide-y divide-slate-100" data-testid="placements">
        {e.workloads.map((w, i) => (
          <li key={w.id} className="py-3" data-testid="placement" data-workload={w.id}>
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <p className="font-medium text-ink">
                {i + 1}. {w.name}: <span data-testid="placement-option">{optionLabel(w.placement)}</span>
                {w.placement !== w.verdict && (
                  <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-xs font-medium text-amber-900">
                    alone: {optionLabel(w.verdict)}
                  </span>
                )}
              </p>
              <p className="text-sm text-slate-600" data-testid="placement-marginal">
                {marginalText(w.marginalTcoUsd, e.horizonMonths)}
              </p>
            </div>
            <p className="mt-1 text-sm text-slate-700">{w.text}</p>
            {renderAction?.(i)}
          </li>
        ))}
      </ol>
      <Reconciliation evaluation={e} />
    </section>
  );
}

/** The per-workload adds and the shared remainder, summing to the plan's TCO (saved plans from before v1.2 have no reconciliation). */
function Reconciliation({ evaluation: e }: { evaluation: PortfolioEvaluation }) {
  const r = e.plan.reconciliation;
  if (!r) return null;
  return (
    <table className="mt-4 w-full border-t border-slate-200 text-sm tabular-nums" data-testid="reconciliation">
      <caption className="pt-3 text-left text-xs text-slate-500">{r.text}</caption>
      <tbody className="divide-y divide-slate-100">
        {r.rows.map((x) => (
          <tr key={x.id}>
            <th scope="row" className="py-1.5 text-left font-normal text-slate-700">
              {x.name} ({optionLabel(x.placement)}) adds
            </th>
            <td className="py-1.5 text-right">{formatUsd(x.addsUsd)}</td>
          </tr>
        ))}
        <tr>
          <th scope="row" className="py-1.5 text-left font-normal text-slate-700">
            Shared: team, set-up, fleets&apos; availability floor
          </th>
          <td className="py-1.5 text-right" data-testid="reconciliation-shared">
            {formatUsd(r.sharedUsd)}
          </td>
        </tr>
        <tr className="font-semibold text-ink">
          <th scope="row" className="py-1.5 text-left">
            The plan
          </th>
          <td className="py-1.5 text-right" data-testid="reconciliation-total">
            {formatUsd(r.totalUsd)}
          </td>
        </tr>
      </tbody>
    </table>
  );
}

export function FleetAndTeam({ evaluation: e }: { evaluation: PortfolioEvaluation }) {
  const b = e.plan.breakdown;
  const name = (id: string) => e.workloads.find((w) => w.id === id)?.name ?? id;
  return (
    <section
      aria-labelledby="fleet-heading"
      className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm"
      data-testid="fleets"
    >
      <h2 id="fleet-heading" className="text-base font-semibold text-ink">
        {/* Two fleets are not "a shared fleet": say how many there are. */}
        {e.plan.fleets.length > 1 ? `${e.plan.fleets.length} fleets, one team` : "Shared fleet and team"}
      </h2>
      {e.plan.fleets.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600">
          The plan runs no GPUs of your own: every workload is on an API, so there is no fleet or team to pay for.
        </p>
      ) : (
        <ul className="mt-3 space-y-3 text-sm">
          {e.plan.fleets.map((f) => (
            <li key={f.key}>
              <p className="font-medium text-ink">
                {f.underused && (
                  <span
                    className="mr-2 rounded bg-amber-100 px-1.5 py-0.5 text-xs font-semibold text-amber-900"
                    data-testid="fleet-underused"
                  >
                    {formatPct(f.utilization.first)} busy: underused
                  </span>
                )}
                {f.openModel} on {f.gpu}
                {f.gpuSource && (
                  <span className="font-normal text-slate-600">
                    {" "}
                    · {f.gpuSource === "owned" ? "owned servers" : `${gpuSourceLabel(f.gpuSource)}, ${f.gpuTerm}`}
                  </span>
                )}
              </p>
              <p className="text-slate-700">
                {f.gpus.first} GPUs in month 1 → {f.gpus.last} in month {e.horizonMonths} ({f.replicas.first} →{" "}
                {f.replicas.last} replicas; {f.gpusIfSeparate} GPUs if each workload ran its own), average utilization{" "}
                {formatPct(f.utilization.first)}. Carries {f.workloads.map(name).join(", ")}.
              </p>
            </li>
          ))}
          <li>
            <p className="font-medium text-ink">One team</p>
            <p className="text-slate-700">
              {e.plan.team.fte} FTE at {formatUsd(e.plan.team.peopleUsdPerMonth)}/month and{" "}
              {formatUsd(e.plan.team.setupUsd)} of set-up, paid once for every workload on your own GPUs.
            </p>
          </li>
        </ul>
      )}
      <dl className="mt-4 grid grid-cols-2 gap-2 border-t border-slate-100 pt-3 text-sm sm:grid-cols-5">
        {(
          [
            ["Tokens (APIs)", b.tokens],
            ["GPUs", b.gpus],
            ["People", b.people],
            ["Overheads", b.overheads],
            ["Set-up (once)", b.setup],
          ] as const
        ).map(([label, v]) => (
          <div key={label}>
            <dt className="text-slate-500">{label}</dt>
            <dd className="font-medium text-ink">{formatUsd(v)}</dd>
          </div>
        ))}
      </dl>
      <p className="mt-1 text-xs text-slate-500">Month 1, USD per month; set-up is the one-time amount.</p>
    </section>
  );
}

export function AlternativesTable({ evaluation: e }: { evaluation: PortfolioEvaluation }) {
  return (
    <section
      aria-labelledby="alternatives-heading"
      className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm"
      data-testid="alternatives"
    >
      <h2 id="alternatives-heading" className="text-base font-semibold text-ink">
        What each alternative would cost
      </h2>
      <table className="mt-3 w-full text-sm">
        <tbody className="divide-y divide-slate-100">
          <tr>
            <th scope="row" className="py-2 text-left font-semibold text-ink">
              This plan
            </th>
            <td className="py-2 text-right font-semibold text-ink">{formatUsd(e.plan.tcoUsd)}</td>
            <td className="py-2 pl-3 text-slate-500">—</td>
          </tr>
          {(Object.keys(ALTERNATIVE_LABELS) as (keyof typeof ALTERNATIVE_LABELS)[]).map((k) => {
            // Saved before all-hybrid was computed: that row was not recorded.
            const a = e.alternatives[k] as PortfolioEvaluation["alternatives"][typeof k] | undefined;
            if (!a) return null;
            return (
              <tr key={k} data-testid={`alternative-${k}`}>
                <th scope="row" className="py-2 text-left font-normal text-slate-700">
                  {ALTERNATIVE_LABELS[k]}
                </th>
                <td className="py-2 text-right text-ink">{formatUsd(a.tcoUsd)}</td>
                <td className="py-2 pl-3 text-slate-500">
                  {a.feasible
                    ? Math.abs(a.tcoUsd - e.plan.tcoUsd) < EPS_USD
                      ? "the same as the plan"
                      : `${a.tcoUsd >= e.plan.tcoUsd ? "+" : "−"}${formatUsd(Math.abs(a.tcoUsd - e.plan.tcoUsd))} vs the plan`
                    : a.blockedBy
                      ? `not possible: ${a.blockedBy.map((b) => `${b.name} (${b.text})`).join("; ")}`
                      : "not possible: " + a.text.replace(/^.*?rule it out for /, "hard rules of ")}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

export function PlanReasons({ evaluation: e }: { evaluation: PortfolioEvaluation }) {
  const plan = e.reasons.filter((r) => !r.factor.startsWith("workload:"));
  return (
    <section
      aria-labelledby="plan-reasons-heading"
      className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm"
      data-testid="plan-reasons"
    >
      <h2 id="plan-reasons-heading" className="text-base font-semibold text-ink">
        Why this plan
      </h2>
      <ul className="mt-3 list-disc space-y-2 pl-5 text-sm text-slate-700">
        {plan.map((r) => (
          <li key={r.factor}>{r.text}</li>
        ))}
      </ul>
      {e.conflicts.length > 0 && (
        <>
          <h3 className="mt-4 text-sm font-semibold text-amber-900">Requirements in tension</h3>
          <ul className="mt-2 space-y-2 text-sm" data-testid="plan-conflicts">
            {e.conflicts.map((c) => (
              <li key={c.id} className="rounded-lg bg-amber-50 p-3 text-amber-950">
                <p>{c.text}</p>
                <p className="mt-1 text-amber-800">What to do: {c.advice}</p>
              </li>
            ))}
          </ul>
        </>
      )}
      <p className="mt-4 text-xs text-slate-500">
        Placement search: {e.search.method} ({e.search.placementsEvaluated} placements priced). Catalog{" "}
        {e.catalogVersion}.
      </p>
    </section>
  );
}
