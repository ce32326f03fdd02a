"use client";

import { REGULATIONS, SENSITIVITIES } from "@/lib/engine/enums";
import { sensitiveShareApplies } from "@/lib/assessment/presets";
import { Checkbox, PercentField, RadioCards } from "./fields";
import { LABELS } from "./labels";
import type { DataAnswers, StepProps } from "./step-props";

export function DataStep({ value: data, update, err }: StepProps<DataAnswers>) {
  const regs = data.regulations ?? [];
  return (
    <>
      <RadioCards
        path="data.sensitivity"
        legend="Most sensitive data your prompts carry"
        columns={2}
        value={data.sensitivity}
        onChange={(x) => update({ sensitivity: x })}
        error={err("data.sensitivity")}
        options={SENSITIVITIES.map((s) => ({
          value: s,
          label: LABELS.sensitivity[s],
          hint: {
            public: "Marketing copy, public docs",
            internal: "Internal wikis, code",
            confidential: "Contracts, customer data",
            regulated: "Patient, card or financial records",
          }[s],
        }))}
        help="Regulated data can often stay on an API with the right contract tier (BAA, zero retention, residency); the engine checks each provider's capabilities."
      />
      <fieldset>
        <legend className="text-sm font-medium text-slate-800">Regulations that apply</legend>
        <div className="mt-2 grid grid-cols-2 gap-2 sm:grid-cols-4">
          {REGULATIONS.map((r) => (
            <Checkbox
              key={r}
              path={`data.regulations.${r}`}
              label={LABELS.regulations[r]}
              checked={regs.includes(r)}
              onChange={(c) => update({ regulations: c ? [...regs, r] : regs.filter((x) => x !== r) })}
            />
          ))}
        </div>
      </fieldset>
      <Checkbox
        path="data.mustStayInHouse"
        label="Prompts may not leave infrastructure we control"
        checked={data.mustStayInHouse ?? false}
        onChange={(c) => update({ mustStayInHouse: c })}
        help="An override that comes before cost: no external API may see this data."
      />
      {sensitiveShareApplies(data) && (
        <PercentField
          path="data.sensitiveShare"
          label="Share of traffic carrying that data"
          value={data.sensitiveShare}
          onChange={(x) => update({ sensitiveShare: x })}
          error={err("data.sensitiveShare")}
          help={
            data.mustStayInHouse
              ? "If only some features touch it, the rest can go to an API (a hybrid)."
              : "Used when no API contract covers your regulations: only this share then has to stay on your own GPUs, the rest can go to an API (a hybrid)."
          }
        />
      )}
    </>
  );
}
