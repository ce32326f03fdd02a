"use client";

import { LATENCY_EXAMPLES, latencyHint, MEASURE_LABELS } from "@/lib/assessment/latency";
import { LATENCY_MEASURES } from "@/lib/engine/enums";
import { formatNumber } from "@/lib/format";
import { NumberField, RadioCards } from "./fields";
import { useFormFacts } from "./form-facts";
import type { LatencyAnswers, StepProps } from "./step-props";

export function LatencyStep({ value, update, err }: StepProps<LatencyAnswers>) {
  const t = useFormFacts().latency;
  const hint = latencyHint(value.p95TargetMs, t);
  return (
    <>
      <NumberField
        path="latency.p95TargetMs"
        label="End-to-end p95 the product needs"
        suffix="ms"
        value={value.p95TargetMs}
        onChange={(x) => update({ p95TargetMs: x })}
        error={err("latency.p95TargetMs")}
        help={`Under ${t.instantMs} ms only a self-hosted or edge model fits; ${t.apiComfortableMs} ms or more is fine for hosted APIs. A hosted call takes about ${t.apiRoundTripMs} ms at best.`}
      />
      <RadioCards
        path="latency.measure"
        legend="What the target times"
        columns={2}
        value={value.measure}
        onChange={(x) => update({ measure: x })}
        options={LATENCY_MEASURES.map((m) => ({
          value: m,
          label: MEASURE_LABELS[m],
          hint:
            m === "first-token"
              ? "Chat: users read as the answer streams"
              : "Voice, code completion, batch: nothing shows before the last token",
        }))}
      />
      {hint && (
        <p aria-live="polite" className="rounded-lg bg-slate-50 p-3 text-sm text-slate-700" data-testid="latency-hint">
          {hint}
        </p>
      )}
      <fieldset>
        <legend className="text-sm font-medium text-slate-800">Typical targets by product type</legend>
        <div className="mt-2 grid gap-2 sm:grid-cols-2">
          {LATENCY_EXAMPLES.map((x) => (
            <button
              key={x.id}
              type="button"
              aria-pressed={value.p95TargetMs === x.p95TargetMs && value.measure === x.measure}
              onClick={() => update({ p95TargetMs: x.p95TargetMs, measure: x.measure })}
              className={`rounded-lg border p-3 text-left text-sm hover:border-brand-500 hover:bg-brand-50 ${value.p95TargetMs === x.p95TargetMs && value.measure === x.measure ? "border-brand-500 bg-brand-50" : "border-slate-200"}`}
            >
              <span className="block font-medium text-slate-900">
                {x.label}: {formatNumber(x.p95TargetMs)} ms, {MEASURE_LABELS[x.measure].toLowerCase()}
              </span>
              <span className="block text-slate-500">{x.why}</span>
            </button>
          ))}
        </div>
      </fieldset>
    </>
  );
}
