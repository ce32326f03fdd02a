"use client";

import { ML_OPS_MATURITIES } from "@/lib/engine/enums";
import { RadioCards } from "./fields";
import { LABELS } from "./labels";
import type { StepProps, TeamAnswers } from "./step-props";

export function TeamStep({ value, update, err }: StepProps<TeamAnswers>) {
  return (
    <RadioCards
      path="team.mlOpsMaturity"
      legend="Your team's experience running GPU inference in production"
      value={value.mlOpsMaturity}
      onChange={(x) => update({ mlOpsMaturity: x })}
      error={err("team.mlOpsMaturity")}
      options={ML_OPS_MATURITIES.map((m) => ({
        value: m,
        label: LABELS.maturity[m],
        hint: {
          none: "We would have to hire or contract",
          basic: "Some ML engineers, no GPU serving yet",
          experienced: "We have served models in production",
          dedicated: "A platform team runs models today",
        }[m],
      }))}
      help="Without these skills the hidden costs of self-hosting often exceed the savings: you pay for the people who run the GPUs, not just the GPUs."
    />
  );
}
