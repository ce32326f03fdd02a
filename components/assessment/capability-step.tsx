"use client";

import { CUSTOMIZATIONS, FRONTIER_NEEDS } from "@/lib/engine/enums";
import { RadioCards, SelectField } from "./fields";
import { useFormFacts } from "./form-facts";
import { LABELS } from "./labels";
import type { CapabilityAnswers, StepProps } from "./step-props";

// The engine prices "required" against the frontier tier, "helpful" against the mid tier, else the small
// tier (lib/engine/model.ts apiTierFor); the picker lists that tier's models.
const TIER_OF = { required: "frontier", helpful: "mid", unnecessary: "small" } as const;
const DEFAULT_MODEL = "";

export function CapabilityStep({ value, update, err }: StepProps<CapabilityAnswers>) {
  const facts = useFormFacts();
  const models = value.frontier ? facts.apiModels[TIER_OF[value.frontier]] : [];
  const fallback = models.find((m) => m.default);
  return (
    <>
      <RadioCards
        path="capability.frontier"
        legend="Do you need frontier-model quality?"
        columns={3}
        value={value.frontier}
        // A model of another tier would be priced against the wrong quality bar: a new tier starts at its default.
        onChange={(x) => update({ frontier: x, apiModel: undefined })}
        error={err("capability.frontier")}
        options={FRONTIER_NEEDS.map((f) => ({
          value: f,
          label: LABELS.frontier[f],
          hint: {
            required: "Hard reasoning only the best models do",
            helpful: "Better models help, mid-tier is fine",
            unnecessary: "A small model handles the task",
          }[f],
        }))}
        help="The best models are only available as proprietary APIs; good open-weights models (7B–70B) handle many tasks."
      />
      <RadioCards
        path="capability.customization"
        legend="How far must the model be adapted?"
        columns={4}
        value={value.customization}
        onChange={(x) => update({ customization: x })}
        options={CUSTOMIZATIONS.map((c) => ({
          value: c,
          label: LABELS.customization[c],
          hint: {
            none: "Use as is",
            prompting: "Instructions and examples",
            "fine-tuning": "Train on our data",
            "full-control": "Weights, serving, everything",
          }[c],
        }))}
        help="APIs allow fine-tuning only as far as the provider lets you; open weights can be tuned freely."
      />
      {models.length > 0 && (
        <SelectField
          path="capability.apiModel"
          label="Proprietary model to compare against"
          value={value.apiModel && models.some((m) => m.id === value.apiModel) ? value.apiModel : DEFAULT_MODEL}
          onChange={(id) => update({ apiModel: id === DEFAULT_MODEL ? undefined : id })}
          options={[
            { value: DEFAULT_MODEL, label: `Catalog default${fallback ? ` (${fallback.label})` : ""}` },
            ...models.filter((m) => !m.default).map((m) => ({ value: m.id, label: m.label })),
          ]}
          help="The default is the median-priced of the vendors' recommended current models for this quality tier; pick the one you use today to price it instead."
        />
      )}
    </>
  );
}
