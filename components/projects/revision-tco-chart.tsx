import type { EvaluationDiff } from "@/lib/projects/diff";
import { OPTION_STYLE, optionLabel } from "@/lib/engine/vocabulary";
import { formatUsd } from "@/lib/format";

/** Each option's horizon TCO in the two revisions, as paired bars on one scale (the compare page's chart). */
export function RevisionTcoChart({
  diff,
  beforeLabel,
  afterLabel,
}: {
  diff: EvaluationDiff;
  beforeLabel: string;
  afterLabel: string;
}) {
  const max = Math.max(...diff.costs.flatMap((c) => [c.tcoBefore, c.tcoAfter]), 1);
  return (
    <figure data-testid="revision-tco-chart">
      <figcaption className="text-sm font-semibold text-ink">
        Total cost of ownership, {beforeLabel} vs {afterLabel}
      </figcaption>
      <ul className="mt-3 space-y-3">
        {diff.costs.map((c) => (
          <li key={c.option} data-testid="revision-tco-row">
            <p className="text-sm text-slate-800">{optionLabel(c.option)}</p>
            {(
              [
                [beforeLabel, c.tcoBefore, 0.45],
                [afterLabel, c.tcoAfter, 1],
              ] as const
            ).map(([label, value, opacity]) => (
              <div key={label} className="mt-1 flex items-center gap-2 text-xs tabular-nums">
                <span className="w-12 shrink-0 text-slate-500">{label}</span>
                <div className="h-3 flex-1 rounded bg-slate-100">
                  <div
                    className="h-3 rounded"
                    style={{
                      width: `${Math.max(0.5, (value / max) * 100)}%`,
                      background: OPTION_STYLE[c.option].color,
                      opacity,
                    }}
                  />
                </div>
                <span className="w-16 shrink-0 text-right text-slate-700">{formatUsd(value)}</span>
              </div>
            ))}
          </li>
        ))}
      </ul>
    </figure>
  );
}
