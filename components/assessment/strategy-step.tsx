"use client";

import { LOCK_IN_CONCERNS, TIMES_TO_MARKET } from "@/lib/engine/enums";
import { NumberField, RadioCards } from "./fields";
import { LABELS } from "./labels";
import type { StepProps, StrategyAnswers } from "./step-props";

export function StrategyStep({ value, update, err }: StepProps<StrategyAnswers>) {
  return (
    <>
      <RadioCards
        path="strategy.timeToMarket"
        legend="When must it ship?"
        columns={3}
        value={value.timeToMarket}
        onChange={(x) => update({ timeToMarket: x })}
        options={TIMES_TO_MARKET.map((t) => ({ value: t, label: LABELS.ttm[t] }))}
        help="An API key works today; self-hosting takes weeks to months to reach production."
      />
      <RadioCards
        path="strategy.lockInConcern"
        legend="How much does vendor lock-in worry you?"
        columns={3}
        value={value.lockInConcern}
        onChange={(x) => update({ lockInConcern: x })}
        options={LOCK_IN_CONCERNS.map((l) => ({ value: l, label: LABELS.lockIn[l] }))}
        help="Pricing, terms and models change; open weights can move between hosts or in house."
      />
      <NumberField
        path="strategy.horizonMonths"
        label="Planning horizon"
        suffix="months"
        step={1}
        value={value.horizonMonths}
        onChange={(x) => update({ horizonMonths: x })}
        error={err("strategy.horizonMonths")}
        help="Total cost of ownership is summed over this many months (6–60)."
      />
    </>
  );
}
