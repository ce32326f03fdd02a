import { optionLabel } from "@/lib/engine";
import type { EvaluationDiff, InputChange } from "@/lib/projects/diff";
import { answerLabel, answerValue } from "@/lib/assessment/answer-labels";
import { formatNumber, formatTokens, formatUsd } from "@/lib/format";

const be = (x: number | null) => (x === null ? "not in range" : `${formatTokens(x)}/day`);

/** Changed answers in the questionnaire's words (no raw paths); assumption overrides by their own label and unit. */
export function InputChanges({
  changes,
  assumptions = [],
}: {
  changes: InputChange[];
  assumptions?: { key: string; label: string; unit: string }[];
}) {
  const labels = Object.fromEntries(assumptions.map((a) => [a.key, a.label]));
  const units = Object.fromEntries(assumptions.map((a) => [a.key, a.unit]));
  if (!changes.length) return <p className="text-sm text-slate-500">No answers changed.</p>;
  return (
    <table className="w-full text-sm" data-testid="input-changes">
      <thead className="text-left text-xs uppercase tracking-wide text-slate-500">
        <tr>
          <th className="py-1.5 pr-3 font-medium">Answer</th>
          <th className="py-1.5 pr-3 font-medium">Before</th>
          <th className="py-1.5 font-medium">After</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {changes.map((c) => (
          <tr key={c.path} className="align-top">
            <td className="py-2 pr-3">
              <span className="block text-slate-800">{answerLabel(c.path, labels)}</span>
            </td>
            <td className="py-2 pr-3 text-slate-500 tabular-nums">{answerValue(c.path, c.before, units)}</td>
            <td className="py-2 font-medium text-ink tabular-nums">{answerValue(c.path, c.after, units)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Relative move as a small badge: up is red (costs more), down is green. */
function Delta({ before, after }: { before: number; after: number }) {
  if (Math.abs(after - before) < 0.005) return <span className="text-xs text-slate-500">same</span>;
  const pct = before === 0 ? null : ((after - before) / before) * 100;
  const up = after > before;
  // Past tenfold a percentage stops being readable ("+59900%"); a multiple says it better.
  const text =
    pct === null
      ? up
        ? "new"
        : ""
      : pct >= 900
        ? `×${formatNumber(after / before, 0)}`
        : `${up ? "+" : "−"}${Math.abs(pct) >= 10 ? Math.abs(pct).toFixed(0) : Math.abs(pct).toFixed(1)}%`;
  return <span className={`text-xs font-semibold ${up ? "text-red-700" : "text-emerald-700"}`}>{text}</span>;
}

function Move({ before, after }: { before: number; after: number }) {
  return (
    <div className="flex flex-col items-end">
      <span className="whitespace-nowrap">
        <span className="text-slate-500">{formatUsd(before)}</span> →{" "}
        <span className="font-semibold text-ink">{formatUsd(after)}</span>
      </span>
      <Delta before={before} after={after} />
    </div>
  );
}

type OverrideSide = EvaluationDiff["overrides"][number]["before"];
function overrideText(o: OverrideSide): string {
  if (!o) return "—";
  return o.applied
    ? `$${formatNumber(o.value, 4)}/M on ${o.setOnLabel}`
    : `$${formatNumber(o.value, 4)}/M set on ${o.setOnLabel}, not applied (${o.pricedLabel} priced at list)`;
}

export function EvaluationChanges({
  diff,
  beforeLabel,
  afterLabel,
}: {
  diff: EvaluationDiff;
  beforeLabel: string;
  afterLabel: string;
}) {
  return (
    <div className="space-y-4 text-sm" data-testid="evaluation-changes">
      {diff.models.length > 0 && (
        <ul className="space-y-1 rounded-lg border border-amber-300 bg-amber-50 p-3" data-testid="model-changes">
          {diff.models.map((m) => (
            <li key={m.what}>
              {m.what}: <span className="text-slate-600">{m.before}</span> →{" "}
              <span className="font-semibold">{m.after}</span>
            </li>
          ))}
        </ul>
      )}
      {diff.overrides.length > 0 && (
        <div data-testid="override-changes">
          <p className="font-medium text-ink">Your price figures</p>
          <ul className="mt-1 space-y-1">
            {diff.overrides.map((o) => (
              <li key={o.key}>
                <span className="text-slate-700">{answerLabel(`assumptions.${o.key}`)}</span>:{" "}
                <span className="text-slate-600">{overrideText(o.before)}</span> →{" "}
                <span className={o.after && !o.after.applied ? "font-semibold text-amber-900" : "font-semibold"}>
                  {overrideText(o.after)}
                </span>
              </li>
            ))}
          </ul>
        </div>
      )}
      <p>
        Verdict: <span className="font-medium">{optionLabel(diff.verdict.before)}</span> →{" "}
        <span className="font-semibold">{optionLabel(diff.verdict.after)}</span>
        {diff.verdict.changed ? (
          <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-xs font-semibold text-amber-900">changed</span>
        ) : (
          <span className="text-slate-500"> (unchanged)</span>
        )}
      </p>
      {/* A phone scrolls the table sideways instead of widening the page. */}
      <div className="overflow-x-auto">
        <table className="w-full tabular-nums">
          <caption className="sr-only">
            Costs per option, {beforeLabel} → {afterLabel}
          </caption>
          <thead className="text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th className="py-1.5 text-left font-medium">Option</th>
              <th className="py-1.5 text-right font-medium">
                Month 1{" "}
                <span className="normal-case">
                  ({beforeLabel} → {afterLabel})
                </span>
              </th>
              <th className="py-1.5 text-right font-medium">
                Whole horizon{" "}
                <span className="normal-case">
                  ({beforeLabel} → {afterLabel})
                </span>
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {diff.costs.map((c) => (
              <tr key={c.option}>
                <td className="py-2 pr-3">{optionLabel(c.option)}</td>
                <td className="py-2 pl-3">
                  <Move before={c.monthOneBefore} after={c.monthOneAfter} />
                </td>
                <td className="py-2 pl-3">
                  <Move before={c.tcoBefore} after={c.tcoAfter} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ul className="space-y-1 border-t border-slate-100 pt-3">
        {diff.breakEven.map((b) => (
          <li key={b.against}>
            Self-hosting breaks even vs {optionLabel(b.against)}: <span className="text-slate-500">{be(b.before)}</span>{" "}
            → <span className="font-semibold">{be(b.after)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
