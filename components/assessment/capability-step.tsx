"use client";

import { CUSTOMIZATIONS, FRONTIER_NEEDS } from "@/lib/engine/enums";
import { RadioCards } from "./fields";
import { LABELS } from "./labels";
import type { CapabilityAnswers, StepProps } from "./step-props";

export function CapabilityStep({ value, update, err }: StepProps<CapabilityAnswers>) {
  return (
    <>
      <RadioCards
        path="capability.frontier"
        legend="Do you need frontier-model quality?"
        columns={3}
        value={value.frontier}
        onChange={(x) => update({ frontier: x })}
        error={err("capability.frontier")}
        options={FRONTIER_NEEDS.map((f) => ({
          value: f,
          label: LABELS.frontier[f],
          hint: { required: "Hard reasoning only the best models do", helpful: "Better models help, mid-tier is fine", unnecessary: "A small model handles the task" }[f],
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
          hint: { none: "Use as is", prompting: "Instructions and examples", "fine-tuning": "Train on our data", "full-control": "Weights, serving, everything" }[c],
        }))}
        help="APIs allow fine-tuning only as far as the provider lets you; open weights can be tuned freely."
      />
    </>
  );
}
