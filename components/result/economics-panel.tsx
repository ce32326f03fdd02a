import type { Evaluation } from "@/lib/engine";
import { optionLabel } from "@/lib/engine/vocabulary";
import { formatPct, formatUsd } from "@/lib/format";
import { ResultPanel } from "./panel";

// The money side of the verdict: the optimised split, the premium over the cheapest usable option,
// the GPU terms (every rental term and owning, with the one in use), the staff the fleet needs and the
// price trends the TCO assumes. Every number comes from the Evaluation. Result page and PDF.

export function EconomicsPanel({ evaluation: e, compact = false }: { evaluation: Evaluation; compact?: boolean }) {
  const self = e.costs["self-hosted"];
  const fleet = self.fleet;
  const split = e.costs.hybrid.split;
  const econ = e.economics;
  if (!econ) return null;
  const capex = fleet?.capexUsd?.reduce((a, b) => a + b, 0) ?? 0;
  const tr = econ.priceTrends;
  // What the fleet pays for (owned: whole servers and the replicas they hold); absent in older saved evaluations.
  const paid = (e as Evaluation & { capacity?: { paid?: { first: { text: string }; last: { text: string } } } })
    .capacity?.paid;
  const change = (x: number) =>
    x < 1 ? `${formatPct(1 - x)} cheaper` : x > 1 ? `${formatPct(x - 1)} dearer` : "unchanged";
  return (
    <ResultPanel
      id="economics-heading"
      title="The economics behind the verdict"
      testId="economics-panel"
      compact={compact}
    >
      <dl className="mt-3 grid gap-3 text-sm sm:grid-cols-2">
        <div className="rounded-lg bg-slate-50 p-3" data-testid="economics-premium">
          <dt className="text-xs text-slate-500">Premium over the cheapest usable option</dt>
          <dd className="mt-1 font-medium text-slate-900">
            {e.costPremiumUsd > 0
              ? `${formatUsd(e.costPremiumUsd)} over ${e.horizonMonths} months`
              : `None: ${optionLabel(e.recommendation)} is the cheapest usable option`}
          </dd>
          {e.costPremiumUsd > 0 && (
            <dd className="mt-1 text-xs text-slate-600">{e.reasons.find((r) => r.factor === "premium")?.text}</dd>
          )}
        </div>
        {split && (
          <div className="rounded-lg bg-slate-50 p-3" data-testid="economics-split">
            <dt className="text-xs text-slate-500">
              Optimised split{" "}
              {split.pure
                ? "(no split pays)"
                : `(${formatPct(split.selfHostedShare)} in house, rest to ${optionLabel(split.external)})`}
            </dt>
            <dd className="mt-1 text-slate-800">{split.text}</dd>
          </div>
        )}
      </dl>
      {fleet && (
        <div className="mt-4 grid gap-4 text-sm lg:grid-cols-2">
          <div data-testid="economics-gpu-terms">
            <h3 className="text-sm font-semibold text-slate-900">GPU terms ({e.comparison.gpu})</h3>
            <table className="mt-1 w-full tabular-nums">
              <tbody className="divide-y divide-slate-100">
                {econ.gpuTerms.map((t) => (
                  <tr key={t.source + t.term} className={t.inUse ? "font-semibold text-slate-900" : "text-slate-700"}>
                    <td className="py-1">
                      {t.label}
                      {t.inUse ? " · in use" : ""}
                    </td>
                    <td className="py-1 text-right">{formatUsd(t.usdPerGpuHour)}/GPU-h</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p className="mt-1 text-xs text-slate-600">{fleet.gpuTerm.text}</p>
            {fleet.depreciation && (
              <p className="mt-1 text-xs text-slate-600" data-testid="economics-owned">
                Owned: {formatUsd(capex)} of servers bought ({formatUsd(fleet.capexUsd?.[0] ?? 0)} in month 1),{" "}
                {formatUsd(self.tcoUsd)} over {e.horizonMonths} months in cash terms,{" "}
                {formatUsd(fleet.depreciation.tcoUsd)} with the servers depreciated instead.
                {fleet.residualBookValueUsd !== undefined && fleet.residualBookValueUsd > 0 && (
                  <>
                    {" "}
                    At month {e.horizonMonths} the servers still carry {formatUsd(fleet.residualBookValueUsd)} of book
                    value ({e.assumptions.find((a) => a.key === "owned.depreciationYears")?.value ?? ""}-year straight
                    line): the cash figure does not credit it back (no resale assumed), the depreciation figure leaves
                    it out.
                  </>
                )}
              </p>
            )}
          </div>
          <div data-testid="economics-staff">
            <h3 className="text-sm font-semibold text-slate-900">Staff for the self-hosted fleet</h3>
            <p className="mt-1 text-slate-700">Month 1: {fleet.staff.first.text}</p>
            {e.horizonMonths > 1 && (
              <p className="mt-1 text-slate-700">
                Month {e.horizonMonths}: {fleet.staff.last.text}
              </p>
            )}
            <p className="mt-1 text-xs text-slate-600">
              Fleet utilization: {formatPct(fleet.utilization.first)} of its SLO capacity in month 1,{" "}
              {formatPct(fleet.utilization.last)} in month {e.horizonMonths}.
            </p>
            {paid && (
              <p className="mt-1 text-xs text-slate-600" data-testid="economics-paid">
                Paid for: {paid.first.text} in month 1
                {e.horizonMonths > 1 ? `; ${paid.last.text} in month ${e.horizonMonths}` : ""}.
              </p>
            )}
          </div>
        </div>
      )}
      <p className="mt-4 text-xs text-slate-600" data-testid="economics-trends">
        Price trends in the TCO (editable assumptions): by month {tr.months}, API prices are {change(tr.api)}, hosted
        open weights {change(tr.hostedOpen)}, rented GPUs {change(tr.gpu)}.
        {econ.growthSaturation &&
          ` Growth saturates at ${econ.growthSaturation.multiple}× today's volume from month ${econ.growthSaturation.month}.`}
      </p>
    </ResultPanel>
  );
}
