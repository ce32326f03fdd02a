import { optionLabel } from "@/lib/engine";
import type { EvaluationDiff, InputChange } from "@/lib/projects/diff";
import { formatTokens, formatUsd } from "@/lib/format";

const fmt = (v: unknown) => (v === undefined || v === "" ? "—" : String(v));
const be = (x: number | null) => (x === null ? "not in range" : `${formatTokens(x)}/day`);

export function InputChanges({ changes }: { changes: InputChange[] }) {
  if (!changes.length) return <p className="text-sm text-slate-500">No answers changed.</p>;
  return (
    <table className="w-full text-sm" data-testid="input-changes">
      <thead className="text-left text-xs uppercase tracking-wide text-slate-500">
        <tr>
          <th className="py-1">Answer</th>
          <th className="py-1">Before</th>
          <th className="py-1">After</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {changes.map((c) => (
          <tr key={c.path}>
            <td className="py-1 font-mono text-xs">{c.path}</td>
            <td className="py-1">{fmt(c.before)}</td>
            <td className="py-1 font-medium">{fmt(c.after)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function EvaluationChanges({ diff, beforeLabel, afterLabel }: { diff: EvaluationDiff; beforeLabel: string; afterLabel: string }) {
  return (
    <div className="space-y-4 text-sm" data-testid="evaluation-changes">
      <p>
        Verdict: <span className="font-medium">{optionLabel(diff.verdict.before)}</span> → <span className="font-semibold">{optionLabel(diff.verdict.after)}</span>
        {diff.verdict.changed ? <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-xs font-semibold text-amber-900">changed</span> : " (unchanged)"}
      </p>
      <table className="w-full tabular-nums">
        <thead className="text-left text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th className="py-1">Option</th>
            <th className="py-1 text-right">Month 1: {beforeLabel}</th>
            <th className="py-1 text-right">{afterLabel}</th>
            <th className="py-1 text-right">Total: {beforeLabel}</th>
            <th className="py-1 text-right">{afterLabel}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {diff.costs.map((c) => (
            <tr key={c.option}>
              <td className="py-1">{optionLabel(c.option)}</td>
              <td className="py-1 text-right">{formatUsd(c.monthOneBefore)}</td>
              <td className="py-1 text-right font-medium">{formatUsd(c.monthOneAfter)}</td>
              <td className="py-1 text-right">{formatUsd(c.tcoBefore)}</td>
              <td className="py-1 text-right font-medium">{formatUsd(c.tcoAfter)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <ul className="space-y-1">
        {diff.breakEven.map((b) => (
          <li key={b.against}>
            Break-even vs {optionLabel(b.against).toLowerCase()}: {be(b.before)} → <span className="font-medium">{be(b.after)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
