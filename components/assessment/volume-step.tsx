"use client";

import { applyPreset, VOLUME_BAND_TEXT, VOLUME_PRESETS, volumeBand } from "@/lib/assessment/presets";
import { tokensPerDay } from "@/lib/assessment/units";
import { formatTokens } from "@/lib/format";
import { NumberField, PercentField } from "./fields";
import { useFormFacts } from "./form-facts";
import type { StepProps, VolumeAnswers } from "./step-props";

export function VolumeStep({ value: v, update, err }: StepProps<VolumeAnswers>) {
  const bands = useFormFacts().volume;
  const tpd = tokensPerDay(v);
  return (
    <>
      <p className="text-sm text-slate-600">
        How much will you send to a model? Under {formatTokens(bands.lowBandTokensPerDay)} tokens a day APIs almost
        always win; between that and {formatTokens(bands.highBandTokensPerDay)} it depends on your numbers; above it
        self-hosting often pays off.
      </p>
      <fieldset>
        <legend className="text-sm font-medium text-slate-800">Start from a typical workload (optional)</legend>
        <div className="mt-2 grid gap-2 sm:grid-cols-2">
          {VOLUME_PRESETS.map((p) => {
            // Selected while the answers still carry the preset's shape.
            const on =
              p.inputTokensPerRequest === v.inputTokensPerRequest &&
              p.outputTokensPerRequest === v.outputTokensPerRequest &&
              p.cachedInputShare === v.cachedInputShare &&
              p.batchShare === v.batchShare &&
              p.peakToAverage === v.peakToAverage;
            return (
              <button
                key={p.id}
                type="button"
                aria-pressed={on}
                onClick={() => update(applyPreset({}, p))}
                className={`rounded-lg border p-3 text-left text-sm ${on ? "border-brand-500 bg-brand-50 ring-2 ring-brand-500" : "border-slate-200 hover:border-brand-500 hover:bg-brand-50"}`}
              >
                <span className="block font-medium text-slate-900">{p.label}</span>
                <span className="block text-slate-500">
                  {p.description}: {formatTokens(p.inputTokensPerRequest)} in / {formatTokens(p.outputTokensPerRequest)}{" "}
                  out
                </span>
              </button>
            );
          })}
        </div>
      </fieldset>
      <div className="grid gap-5 sm:grid-cols-3">
        <NumberField
          integer
          path="volume.requestsPerDay"
          label="Requests per day"
          value={v.requestsPerDay}
          onChange={(x) => update({ requestsPerDay: x })}
          error={err("volume.requestsPerDay")}
          help="Average LLM calls a day today."
        />
        <NumberField
          integer
          path="volume.inputTokensPerRequest"
          label="Prompt tokens per request"
          value={v.inputTokensPerRequest}
          onChange={(x) => update({ inputTokensPerRequest: x })}
          error={err("volume.inputTokensPerRequest")}
          help="Instructions, context, history."
        />
        <NumberField
          integer
          path="volume.outputTokensPerRequest"
          label="Output tokens per request"
          value={v.outputTokensPerRequest}
          onChange={(x) => update({ outputTokensPerRequest: x })}
          error={err("volume.outputTokensPerRequest")}
          help="What the model writes back."
        />
      </div>
      <div aria-live="polite" className="rounded-lg bg-slate-50 p-4 text-sm">
        {tpd === undefined ? (
          <span className="text-slate-500" data-testid="volume-derived-empty">
            {v.requestsPerDay === undefined &&
            v.inputTokensPerRequest === undefined &&
            v.outputTokensPerRequest === undefined
              ? "Enter requests and tokens to see your daily volume."
              : "Your daily volume appears once requests and tokens per request are whole numbers of 0 or more."}
          </span>
        ) : (
          <>
            <span className="font-semibold text-ink">{formatTokens(tpd)} tokens a day.</span>{" "}
            <span className="text-slate-600">{VOLUME_BAND_TEXT[volumeBand(tpd, bands)]}</span>
          </>
        )}
      </div>
      <div className="grid gap-5 sm:grid-cols-2">
        <NumberField
          path="volume.monthlyGrowthPct"
          label="Monthly growth"
          suffix="% / month"
          value={v.monthlyGrowthPct}
          onChange={(x) => update({ monthlyGrowthPct: x })}
          error={err("volume.monthlyGrowthPct")}
          help="Compound growth of volume. 0 if flat."
        />
        <NumberField
          path="volume.peakToAverage"
          label="Peak ÷ average traffic"
          suffix="×"
          value={v.peakToAverage}
          onChange={(x) => update({ peakToAverage: x })}
          error={err("volume.peakToAverage")}
          help="GPUs are sized for the peak; about 3× is typical for user-facing traffic."
        />
        <PercentField
          path="volume.cachedInputShare"
          label="Prompt served from cache"
          value={v.cachedInputShare}
          onChange={(x) => update({ cachedInputShare: x })}
          error={err("volume.cachedInputShare")}
          help="Repeated system prompts and context cost a tenth at most APIs."
        />
        <PercentField
          path="volume.batchShare"
          label="Traffic that can wait (batch)"
          value={v.batchShare}
          onChange={(x) => update({ batchShare: x })}
          error={err("volume.batchShare")}
          help="Batch APIs cost about half; fine for overnight jobs."
        />
      </div>
    </>
  );
}
