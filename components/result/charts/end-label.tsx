/** A series' name written at its line's right end (direct label), nudged down by `dy` to clear its neighbours; "\n" breaks a line. */
export function EndLabel({ x, y, dy, color, text }: { x: number; y: number; dy: number; color: string; text: string }) {
  if (!Number.isFinite(x) || !Number.isFinite(y)) return null;
  return (
    <text x={x + 6} y={y + dy} fontSize={11} fontWeight={600} fill={color} data-testid="end-label">
      {text.split("\n").map((line, i) => (
        <tspan key={i} x={x + 6} dy={i === 0 ? 4 : 12}>
          {line}
        </tspan>
      ))}
    </text>
  );
}

/** The end label of a series: short option names; a Hybrid that does not split says which option it is. */
export const endLabelText = (short: string, collapsedTo?: string | null) =>
  collapsedTo ? `${short} =\n${collapsedTo}` : short;
