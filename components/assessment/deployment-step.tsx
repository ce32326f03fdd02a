"use client";

import { GPU_SOURCES, GPUS } from "@/lib/engine/enums";
import { GPU_TERMS } from "@/lib/engine/economics/bounds";
import { GPU_TERM_LABELS } from "@/lib/engine/vocabulary";
import { Checkbox, SelectField } from "./fields";
import { useFormFacts } from "./form-facts";
import { LABELS } from "./labels";
import type { DeploymentAnswers, StepProps } from "./step-props";

export function DeploymentStep({ value, update }: StepProps<DeploymentAnswers>) {
  const { gpuLabels } = useFormFacts();
  return (
    <>
      <Checkbox
        path="deployment.offline"
        label="Must run with no internet (edge, air-gapped)"
        checked={value.offline ?? false}
        onChange={(c) => update({ offline: c })}
        help="Offline means only a model on your own hardware."
      />
      <div className="grid gap-5 sm:grid-cols-2">
        <SelectField
          path="deployment.gpu"
          label="GPU for self-hosting"
          value={value.gpu}
          onChange={(x) => update({ gpu: x })}
          options={GPUS.map((g) => ({ value: g, label: gpuLabels[g] ?? g }))}
          help="H100 is the reference; the engine scales throughput for others."
        />
        <SelectField
          path="deployment.gpuSource"
          label="Where the GPUs come from"
          value={value.gpuSource ?? ""}
          onChange={(x) => update({ gpuSource: x === "" ? undefined : x })}
          options={[
            { value: "" as const, label: "Let RentOrOwn choose (owned when data stays in house, else a GPU cloud)" },
            ...GPU_SOURCES.map((g) => ({ value: g, label: LABELS.gpuSource[g] ?? g })),
          ]}
          help="Hyperscalers cost 2–3× a GPU cloud; owning is cheapest per hour if you keep them busy."
        />
        <SelectField
          path="deployment.gpuTerm"
          label="Rental term for rented GPUs"
          value={value.gpuTerm ?? ""}
          onChange={(x) => update({ gpuTerm: x === "" ? undefined : x })}
          options={[
            { value: "" as const, label: "On demand (no commitment)" },
            ...GPU_TERMS.map((t) => ({ value: t, label: GPU_TERM_LABELS[t] })),
          ]}
          help="Committing for 1 or 3 years lowers the hourly rate; you pay for the GPUs whether or not you use them."
        />
      </div>
    </>
  );
}
