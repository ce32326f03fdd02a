import type { Evaluation } from "@/lib/engine";
import { gpuSourceLabel, OPTION_SHORT_LABELS } from "@/lib/engine/vocabulary";

// Which model each option is priced with, and its quality tier, in one strip: a verdict that compares
// Claude with Qwen says so where the verdict is, not three sections down.

const TIER_LABELS: Record<string, string> = { frontier: "frontier tier", mid: "mid tier", small: "small tier" };

function Tier({ tier }: { tier?: string }) {
  if (!tier) return null;
  return (
    <span
      className="ml-1 rounded bg-white/15 px-1.5 py-0.5 text-[11px] font-semibold uppercase tracking-wide text-sky-100 print:border print:border-slate-400 print:text-slate-700"
      data-testid="tier-badge"
    >
      {TIER_LABELS[tier] ?? tier}
    </span>
  );
}

export function ModelsCompared({ evaluation: e }: { evaluation: Evaluation }) {
  const c = e.comparison;
  const chosen = e.capacity?.chosen;
  const items = [
    { key: "api", label: OPTION_SHORT_LABELS.api, model: c.apiModel, tier: c.apiTier },
    // The hosted providers serve the same open model as the fleet when their labels agree; otherwise its tier is not stated.
    {
      key: "hosted-open",
      label: OPTION_SHORT_LABELS["hosted-open"],
      model: c.hostedModel,
      tier: chosen && c.hostedModel.startsWith(chosen.modelLabel) ? chosen.qualityTier : undefined,
    },
    {
      key: "self-hosted",
      label: OPTION_SHORT_LABELS["self-hosted"],
      model: `${c.openModel} on ${c.gpu} (${gpuSourceLabel(c.gpuSource).toLowerCase()})`,
      tier: chosen?.qualityTier,
    },
  ];
  return (
    <div
      className="border-t border-white/10 px-5 py-3 text-xs text-slate-200 sm:px-7 print:text-slate-700"
      data-testid="models-compared"
    >
      <span className="mr-2 font-semibold uppercase tracking-widest text-slate-400">Models compared</span>
      <ul className="mt-1 flex flex-wrap gap-x-5 gap-y-1 sm:inline-flex sm:mt-0">
        {items.map((i) => (
          <li key={i.key} data-testid="model-compared" data-option={i.key}>
            <span className="text-slate-400">{i.label}:</span> {i.model}
            <Tier tier={i.tier} />
          </li>
        ))}
      </ul>
    </div>
  );
}
