import type { Evaluation, Option } from "@/lib/engine";
import {
  ML_OPS_LABELS,
  OPTION_HEADLINES,
  OPTION_STYLE,
  optionLabel,
  SENSITIVITY_LABELS,
} from "@/lib/engine/vocabulary";
import type { ParsedAssessmentInput } from "@/lib/engine";
import { formatPct, formatTokens } from "@/lib/format";

// The landing page's example: a real engine result (computed when the page is built) drawn as a
// small log-log sketch: the per-token options as straight lines, the self-hosted staircase. Plain SVG,
// no chart library, so the landing page stays light.

const W = 300;
const H = 140;
/** Plot area inside the SVG (room for the axes on the left and bottom). */
const PLOT = { left: 20, right: 290, top: 10, bottom: 120 } as const;
const DRAWN: Option[] = ["api", "hosted-open", "self-hosted"];

function path(points: [number, number][], step: boolean): string {
  return points
    .map(([x, y], i) => {
      if (i === 0) return `M${x.toFixed(1)} ${y.toFixed(1)}`;
      const prevY = points[i - 1]![1];
      return step
        ? `L${x.toFixed(1)} ${prevY.toFixed(1)} L${x.toFixed(1)} ${y.toFixed(1)}`
        : `L${x.toFixed(1)} ${y.toFixed(1)}`;
    })
    .join(" ");
}

/** An option's cost at a volume between the curve's samples, interpolated in log–log (where the drawn line is). */
function onCurve(curve: Evaluation["volumeCurve"], tokens: number, o: Option): number {
  const i = curve.findIndex((p) => p.tokensPerDay >= tokens);
  if (i <= 0) return curve[Math.max(i, 0)]?.[o] ?? 0;
  const a = curve[i - 1]!;
  const b = curve[i]!;
  if (!(a[o] > 0 && b[o] > 0)) return b[o];
  const t =
    (Math.log10(tokens) - Math.log10(a.tokensPerDay)) / (Math.log10(b.tokensPerDay) - Math.log10(a.tokensPerDay) || 1);
  return 10 ** (Math.log10(a[o]) + t * (Math.log10(b[o]) - Math.log10(a[o])));
}

export function ExampleVerdict({
  input,
  evaluation: e,
  title,
}: {
  input: ParsedAssessmentInput;
  evaluation: Evaluation;
  title: string;
}) {
  const curve = e.volumeCurve;
  const xs = curve.map((p) => Math.log10(p.tokensPerDay));
  const ys = curve
    .flatMap((p) => DRAWN.map((o) => p[o]))
    .filter((v) => v > 0)
    .map(Math.log10);
  const [x0, x1] = [Math.min(...xs), Math.max(...xs)];
  const [y0, y1] = [Math.min(...ys), Math.max(...ys)];
  const sx = (tokens: number) => PLOT.left + ((Math.log10(tokens) - x0) / (x1 - x0 || 1)) * (PLOT.right - PLOT.left);
  const sy = (usd: number) =>
    PLOT.bottom - ((Math.log10(Math.max(usd, 10 ** y0)) - y0) / (y1 - y0 || 1)) * (PLOT.bottom - PLOT.top);
  const be = e.breakEven.api;
  const beX =
    be.tokensPerDay !== null && Math.log10(be.tokensPerDay) >= x0 && Math.log10(be.tokensPerDay) <= x1
      ? sx(be.tokensPerDay)
      : null;
  // The crossing sits on the API line at the break-even volume: interpolated between the two samples around it
  // (the line is straight in log–log), not the next sample's cost, which put the label beside the crossing.
  const beY = beX === null ? null : sy(onCurve(curve, be.tokensPerDay!, "api"));
  return (
    <div className="hidden rounded-2xl bg-white/5 p-6 ring-1 ring-white/10 lg:block" data-testid="example-verdict">
      <p className="text-xs uppercase tracking-widest text-slate-300">Example verdict, computed by the engine</p>
      <p className="mt-1 text-sm text-slate-300">
        {title}: {formatTokens(e.tokensPerDay)} tokens/day, {SENSITIVITY_LABELS[input.data.sensitivity].toLowerCase()}{" "}
        data, ML-ops team: {ML_OPS_LABELS[input.team.mlOpsMaturity]}
      </p>
      <p className="mt-3 text-2xl font-semibold" data-testid="example-recommendation">
        {e.recommendationLabel}
      </p>
      <p className="text-sm text-slate-200">{OPTION_HEADLINES[e.recommendation]}</p>
      <p className="mt-1 text-sm text-slate-300">
        Confidence {formatPct(e.confidence)}
        {be.tokensPerDay !== null &&
          ` · self-hosting breaks even against the API at ${formatTokens(be.tokensPerDay)} tokens/day`}
        {be.month !== null && `, pays back in month ${be.month}`}
      </p>
      <svg
        viewBox={`0 0 ${W} ${H}`}
        className="mt-5 w-full"
        role="img"
        aria-label={`Monthly cost against daily volume: ${DRAWN.map(optionLabel).join(" and ")}`}
      >
        <line x1={PLOT.left} y1={PLOT.bottom} x2={PLOT.right} y2={PLOT.bottom} stroke="#94a3b8" strokeWidth="1" />
        <line x1={PLOT.left} y1={PLOT.top} x2={PLOT.left} y2={PLOT.bottom} stroke="#94a3b8" strokeWidth="1" />
        {DRAWN.map((o) => (
          <path
            key={o}
            data-option={o}
            d={path(
              curve.map((p) => [sx(p.tokensPerDay), sy(p[o])]),
              o === "self-hosted",
            )}
            stroke={OPTION_STYLE[o].color}
            strokeWidth="3"
            fill="none"
          />
        ))}
        {e.tokensPerDay > 0 && (
          <line
            x1={sx(e.tokensPerDay)}
            y1={PLOT.top}
            x2={sx(e.tokensPerDay)}
            y2={PLOT.bottom}
            stroke="#e2e8f0"
            strokeDasharray="3 3"
          />
        )}
        {beX !== null && beY !== null && (
          <>
            <circle cx={beX} cy={beY} r="5" fill="#fbbf24" data-testid="hero-break-even-dot" />
            <text
              x={beX > PLOT.right - 70 ? beX - 8 : beX + 8}
              y={beY < PLOT.top + 14 ? beY + 16 : beY - 8}
              textAnchor={beX > PLOT.right - 70 ? "end" : "start"}
              fill="#e2e8f0"
              fontSize="11"
              data-testid="hero-break-even"
            >
              break-even
            </text>
          </>
        )}
      </svg>
      <p className="mt-2 flex gap-4 text-xs text-slate-300">
        {DRAWN.map((o) => (
          <span key={o} className="flex items-center gap-1.5">
            <span className="inline-block h-0.5 w-4" style={{ background: OPTION_STYLE[o].color }} aria-hidden="true" />
            {optionLabel(o)}
          </span>
        ))}
        <span>log–log: monthly cost vs tokens/day</span>
      </p>
    </div>
  );
}
