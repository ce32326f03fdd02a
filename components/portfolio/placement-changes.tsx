import type { PortfolioDiff } from "@/lib/projects/diff";
import { optionLabel } from "@/lib/engine/vocabulary";
import { formatUsd } from "@/lib/format";

/** Per-workload placement changes between two plans, then the plan's cost and the catalog. */
export function PlacementChanges({
  diff,
  beforeLabel,
  afterLabel,
}: {
  diff: PortfolioDiff;
  beforeLabel: string;
  afterLabel: string;
}) {
  const label = (o: string | null) => (o ? optionLabel(o as never) : "—");
  return (
    <div className="space-y-4 text-sm" data-testid="placement-changes">
      <table className="w-full">
        <thead>
          <tr className="text-left text-xs uppercase tracking-wide text-slate-500">
            <th className="py-1">Workload</th>
            <th className="py-1">{beforeLabel}</th>
            <th className="py-1">{afterLabel}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {diff.placements.map((p) => (
            <tr key={p.id} data-testid="placement-change" data-changed={p.changed ? "true" : "false"}>
              <td className="py-2 font-medium text-ink">{p.name}</td>
              <td className="py-2">{p.before === null ? "not in this revision" : label(p.before)}</td>
              <td className={`py-2 ${p.changed ? "font-semibold text-amber-800" : ""}`}>
                {p.after === null ? "removed" : label(p.after)}
                {p.changed && p.before !== null && p.after !== null ? " (moved)" : ""}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="text-slate-700">
        Plan TCO {formatUsd(diff.plan.tcoBefore)} → {formatUsd(diff.plan.tcoAfter)}; month 1{" "}
        {formatUsd(diff.plan.monthOneBefore)} → {formatUsd(diff.plan.monthOneAfter)}; pooling saves{" "}
        {formatUsd(diff.plan.poolingBefore)} → {formatUsd(diff.plan.poolingAfter)}.
        {diff.catalog.changed ? ` Catalog ${diff.catalog.before} → ${diff.catalog.after}.` : ""}
      </p>
    </div>
  );
}
