import type { Evaluation } from "@/lib/engine";
import { formatNumber } from "@/lib/format";

// Price overrides the answers no longer apply: each was set on one model and the engine now prices
// another. Live result: keep the figure for the new model or drop it; saved and shared results: said.

type Group = "api" | "hostedOpen";
const FIELD: Record<string, string> = {
  "api.inputUsdPerMTok": "input price",
  "api.cachedInputUsdPerMTok": "cached input price",
  "api.outputUsdPerMTok": "output price",
  "hostedOpen.inputUsdPerMTok": "input price",
  "hostedOpen.outputUsdPerMTok": "output price",
};

export function OverrideBindings({
  evaluation: e,
  onKeep,
  onDrop,
}: {
  evaluation: Evaluation;
  onKeep?: (g: Group) => void;
  onDrop?: (g: Group) => void;
}) {
  const held = (e.priceOverrides ?? []).filter((o) => !o.applied);
  if (!held.length) return null;
  const groups = (["api", "hostedOpen"] as const)
    .map((g) => ({ g, items: held.filter((o) => (o.option === "api" ? "api" : "hostedOpen") === g) }))
    .filter((x) => x.items.length);
  return (
    <section
      aria-labelledby="held-overrides-heading"
      className="rounded-xl border-2 border-amber-400 bg-amber-50 p-5"
      data-testid="held-overrides"
    >
      <h2 id="held-overrides-heading" className="text-base font-semibold text-amber-900">
        The model changed: your price {held.length === 1 ? "figure is" : "figures are"} not applied
      </h2>
      {groups.map(({ g, items }) => (
        <div key={g} className="mt-3 text-sm text-amber-950">
          <ul className="space-y-1">
            {items.map((o) => (
              <li key={o.key}>
                Your {FIELD[o.key]} of ${formatNumber(o.value, 4)}/M tokens was set for <strong>{o.setOnLabel}</strong>;
                your answers now price <strong>{o.pricedLabel}</strong>, at its list {FIELD[o.key]} of $
                {formatNumber(o.listValue, 4)}/M tokens.
              </li>
            ))}
          </ul>
          {onKeep && onDrop && (
            <div className="mt-2 flex flex-wrap gap-2">
              <button
                type="button"
                onClick={() => onKeep(g)}
                className="rounded-md bg-amber-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-amber-800"
              >
                Keep for {items[0]!.pricedLabel}
              </button>
              <button
                type="button"
                onClick={() => onDrop(g)}
                className="rounded-md border border-amber-700 px-3 py-1.5 text-sm font-medium text-amber-900 hover:bg-amber-100"
              >
                Drop {items.length === 1 ? "it" : "them"}
              </button>
            </div>
          )}
        </div>
      ))}
    </section>
  );
}
