"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, type FormEvent } from "react";
import {
  CUSTOMIZATIONS,
  FRONTIER_NEEDS,
  GPU_SOURCES,
  GPUS,
  LOCK_IN_CONCERNS,
  ML_OPS_MATURITIES,
  REGULATIONS,
  SENSITIVITIES,
  TIMES_TO_MARKET,
  catalog,
} from "@/lib/engine";
import { draftFromInput, emptyDraft, firstInvalidStep, STEPS, toInput, validateStep, type Draft, type FieldErrors, type StepId } from "@/lib/assessment/draft";
import { applyPreset, VOLUME_BAND_TEXT, VOLUME_PRESETS, volumeBand } from "@/lib/assessment/presets";
import { tokensPerDay } from "@/lib/assessment/units";
import { decodeAnswers, resultPath } from "@/lib/assessment/url-state";
import { formatTokens } from "@/lib/format";
import { Checkbox, fieldId, NumberField, PercentField, RadioCards, SelectField } from "./fields";

const STORAGE_KEY = "rentorown.assessment.v1";
const fig = (k: string) => catalog.figures[k]!.value;

const LABELS = {
  sensitivity: { public: "Public", internal: "Internal", confidential: "Confidential", regulated: "Regulated" },
  regulations: { hipaa: "HIPAA", gdpr: "GDPR", pci: "PCI DSS", soc2: "SOC 2", finra: "FINRA", fedramp: "FedRAMP", itar: "ITAR" },
  maturity: { none: "None", basic: "Basic", experienced: "Experienced", dedicated: "Dedicated ML platform team" },
  frontier: { required: "Required", helpful: "Helpful", unnecessary: "Not needed" },
  customization: { none: "None", prompting: "Prompting", "fine-tuning": "Fine-tuning", "full-control": "Full control" },
  ttm: { weeks: "Weeks", quarter: "This quarter", flexible: "Flexible" },
  lockIn: { low: "Low", medium: "Medium", high: "High" },
  gpu: { h100: "NVIDIA H100 80GB", h200: "NVIDIA H200 141GB", "a100-80gb": "NVIDIA A100 80GB", l40s: "NVIDIA L40S 48GB" },
  gpuSource: { "gpu-cloud": "GPU cloud (RunPod, Lambda, Nebius)", hyperscaler: "Hyperscaler (AWS, Azure, GCP)", owned: "Owned hardware" },
} as const;

type Saved = { draft: Draft; step: number };

export function Questionnaire({ initialEncoded, carry = "" }: { initialEncoded?: string; carry?: string }) {
  const router = useRouter();
  const [draft, setDraft] = useState<Draft>(emptyDraft);
  const [step, setStep] = useState(0);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [restored, setRestored] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const current = STEPS[step]!;

  // Resume: answers from an "edit answers" link win, then this browser's saved progress.
  // localStorage exists only after hydration, so restoring has to happen in an effect.
  /* eslint-disable react-hooks/set-state-in-effect */
  useEffect(() => {
    const fromLink = initialEncoded ? decodeAnswers(initialEncoded) : undefined;
    if (fromLink?.ok) {
      setDraft(draftFromInput(fromLink.input));
      setStep(STEPS.length - 1);
    } else {
      try {
        const saved = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? "null") as Saved | null;
        if (saved?.draft) {
          setDraft({ ...emptyDraft(), ...saved.draft });
          setStep(Math.min(Math.max(0, saved.step), STEPS.length - 1));
        }
      } catch {
        // Unreadable saved progress: start fresh.
      }
    }
    setRestored(true);
  }, [initialEncoded]);
  /* eslint-enable react-hooks/set-state-in-effect */

  useEffect(() => {
    if (restored) localStorage.setItem(STORAGE_KEY, JSON.stringify({ draft, step } satisfies Saved));
  }, [draft, step, restored]);

  const update = <G extends keyof Draft>(group: G, patch: Partial<NonNullable<Draft[G]>>) => {
    setDraft((d) => ({ ...d, [group]: { ...(d[group] as object), ...patch } }));
    setErrors((e) => {
      const next = { ...e };
      for (const k of Object.keys(patch)) delete next[`${String(group)}.${k}`];
      return next;
    });
  };

  const goTo = (i: number) => {
    setStep(i);
    setErrors({});
    requestAnimationFrame(() => headingRef.current?.focus());
  };

  const focusFirstError = (errs: FieldErrors) => {
    const first = Object.keys(errs)[0];
    if (first) requestAnimationFrame(() => document.getElementById(fieldId(first))?.focus());
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (current.id === "review") {
      const bad = firstInvalidStep(draft);
      if (bad) {
        const i = STEPS.findIndex((s) => s.id === bad);
        setStep(i);
        const errs = validateStep(draft, bad);
        setErrors(errs);
        focusFirstError(errs);
        return;
      }
      router.push(resultPath(toInput(draft)) + carry);
      return;
    }
    const errs = validateStep(draft, current.id);
    setErrors(errs);
    if (Object.keys(errs).length) focusFirstError(errs);
    else goTo(step + 1);
  };

  const v = draft.volume;
  const tpd = tokensPerDay(v);
  const err = (path: string) => errors[path];

  return (
    <div className="mx-auto max-w-3xl px-4 py-10 sm:px-6">
      <p className="text-sm font-medium text-brand-600">Assessment · about five minutes</p>
      <Progress step={step} onJump={(i) => i < step && goTo(i)} />
      <form onSubmit={onSubmit} noValidate className="mt-6 rounded-2xl border border-slate-200 bg-white p-5 shadow-sm sm:p-8" aria-labelledby="step-heading">
        <h1 id="step-heading" ref={headingRef} tabIndex={-1} className="text-2xl font-semibold tracking-tight text-ink outline-none">
          {current.title}
        </h1>
        <div className="mt-6 space-y-6">
          {current.id === "volume" && (
            <>
              <p className="text-sm text-slate-600">
                How much will you send to a model? Under {formatTokens(fig("volume.lowBandTokensPerDay"))} tokens a day APIs almost always win;
                between that and {formatTokens(fig("volume.highBandTokensPerDay"))} it depends on your numbers; above it self-hosting often pays off.
              </p>
              <fieldset>
                <legend className="text-sm font-medium text-slate-800">Start from a typical workload (optional)</legend>
                <div className="mt-2 grid gap-2 sm:grid-cols-2">
                  {VOLUME_PRESETS.map((p) => (
                    <button
                      key={p.id}
                      type="button"
                      onClick={() => update("volume", applyPreset({}, p))}
                      className="rounded-lg border border-slate-200 p-3 text-left text-sm hover:border-brand-500 hover:bg-brand-50"
                    >
                      <span className="block font-medium text-slate-900">{p.label}</span>
                      <span className="block text-slate-500">
                        {p.description}: {formatTokens(p.inputTokensPerRequest)} in / {formatTokens(p.outputTokensPerRequest)} out
                      </span>
                    </button>
                  ))}
                </div>
              </fieldset>
              <div className="grid gap-5 sm:grid-cols-3">
                <NumberField path="volume.requestsPerDay" label="Requests per day" value={v.requestsPerDay} onChange={(x) => update("volume", { requestsPerDay: x })} error={err("volume.requestsPerDay")} help="Average LLM calls a day today." />
                <NumberField path="volume.inputTokensPerRequest" label="Prompt tokens per request" value={v.inputTokensPerRequest} onChange={(x) => update("volume", { inputTokensPerRequest: x })} error={err("volume.inputTokensPerRequest")} help="Instructions, context, history." />
                <NumberField path="volume.outputTokensPerRequest" label="Output tokens per request" value={v.outputTokensPerRequest} onChange={(x) => update("volume", { outputTokensPerRequest: x })} error={err("volume.outputTokensPerRequest")} help="What the model writes back." />
              </div>
              <div aria-live="polite" className="rounded-lg bg-slate-50 p-4 text-sm">
                {tpd === undefined ? (
                  <span className="text-slate-500">Enter requests and tokens to see your daily volume.</span>
                ) : (
                  <>
                    <span className="font-semibold text-ink">{formatTokens(tpd)} tokens a day.</span> <span className="text-slate-600">{VOLUME_BAND_TEXT[volumeBand(tpd)]}</span>
                  </>
                )}
              </div>
              <div className="grid gap-5 sm:grid-cols-2">
                <NumberField path="volume.monthlyGrowthPct" label="Monthly growth" suffix="% / month" value={v.monthlyGrowthPct} onChange={(x) => update("volume", { monthlyGrowthPct: x })} error={err("volume.monthlyGrowthPct")} help="Compound growth of volume. 0 if flat." />
                <NumberField path="volume.peakToAverage" label="Peak ÷ average traffic" suffix="×" value={v.peakToAverage} onChange={(x) => update("volume", { peakToAverage: x })} error={err("volume.peakToAverage")} help="GPUs are sized for the peak; about 3× is typical for user-facing traffic." />
                <PercentField path="volume.cachedInputShare" label="Prompt served from cache" value={v.cachedInputShare} onChange={(x) => update("volume", { cachedInputShare: x })} error={err("volume.cachedInputShare")} help="Repeated system prompts and context cost a tenth at most APIs." />
                <PercentField path="volume.batchShare" label="Traffic that can wait (batch)" value={v.batchShare} onChange={(x) => update("volume", { batchShare: x })} error={err("volume.batchShare")} help="Batch APIs cost about half; fine for overnight jobs." />
              </div>
            </>
          )}

          {current.id === "data" && (
            <>
              <RadioCards
                path="data.sensitivity"
                legend="Most sensitive data your prompts carry"
                columns={2}
                value={draft.data.sensitivity}
                onChange={(x) => update("data", { sensitivity: x })}
                error={err("data.sensitivity")}
                options={SENSITIVITIES.map((s) => ({
                  value: s,
                  label: LABELS.sensitivity[s],
                  hint: { public: "Marketing copy, public docs", internal: "Internal wikis, code", confidential: "Contracts, customer data", regulated: "Patient, card or financial records" }[s],
                }))}
                help="Regulated data can often stay on an API with the right contract tier (BAA, zero retention, residency); the engine checks each provider's capabilities."
              />
              <fieldset>
                <legend className="text-sm font-medium text-slate-800">Regulations that apply</legend>
                <div className="mt-2 grid grid-cols-2 gap-2 sm:grid-cols-4">
                  {REGULATIONS.map((r) => {
                    const on = draft.data.regulations?.includes(r) ?? false;
                    return (
                      <Checkbox
                        key={r}
                        path={`data.regulations.${r}`}
                        label={LABELS.regulations[r]}
                        checked={on}
                        onChange={(c) => update("data", { regulations: c ? [...(draft.data.regulations ?? []), r] : (draft.data.regulations ?? []).filter((x) => x !== r) })}
                      />
                    );
                  })}
                </div>
              </fieldset>
              <Checkbox
                path="data.mustStayInHouse"
                label="Prompts may not leave infrastructure we control"
                checked={draft.data.mustStayInHouse ?? false}
                onChange={(c) => update("data", { mustStayInHouse: c })}
                help="An override that comes before cost: no external API may see this data."
              />
              {draft.data.mustStayInHouse && (
                <PercentField
                  path="data.sensitiveShare"
                  label="Share of traffic carrying that data"
                  value={draft.data.sensitiveShare}
                  onChange={(x) => update("data", { sensitiveShare: x })}
                  error={err("data.sensitiveShare")}
                  help="If only some features touch it, the rest can go to an API (a hybrid)."
                />
              )}
            </>
          )}

          {current.id === "team" && (
            <RadioCards
              path="team.mlOpsMaturity"
              legend="Your team's experience running GPU inference in production"
              value={draft.team.mlOpsMaturity}
              onChange={(x) => update("team", { mlOpsMaturity: x })}
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
          )}

          {current.id === "latency" && (
            <NumberField
              path="latency.p95TargetMs"
              label="End-to-end p95 the product needs"
              suffix="ms"
              value={draft.latency.p95TargetMs}
              onChange={(x) => update("latency", { p95TargetMs: x })}
              error={err("latency.p95TargetMs")}
              help={`Under ${fig("latency.instantMs")} ms only a self-hosted or edge model fits; ${fig("latency.apiComfortableMs")} ms or more is fine for hosted APIs. A hosted call takes about ${fig("latency.apiRoundTripMs")} ms at best.`}
            />
          )}

          {current.id === "capability" && (
            <>
              <RadioCards
                path="capability.frontier"
                legend="Do you need frontier-model quality?"
                columns={3}
                value={draft.capability.frontier}
                onChange={(x) => update("capability", { frontier: x })}
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
                value={draft.capability.customization}
                onChange={(x) => update("capability", { customization: x })}
                options={CUSTOMIZATIONS.map((c) => ({
                  value: c,
                  label: LABELS.customization[c],
                  hint: { none: "Use as is", prompting: "Instructions and examples", "fine-tuning": "Train on our data", "full-control": "Weights, serving, everything" }[c],
                }))}
                help="APIs allow fine-tuning only as far as the provider lets you; open weights can be tuned freely."
              />
            </>
          )}

          {current.id === "deployment" && (
            <>
              <Checkbox
                path="deployment.offline"
                label="Must run with no internet (edge, air-gapped)"
                checked={draft.deployment.offline ?? false}
                onChange={(c) => update("deployment", { offline: c })}
                help="Offline means only a model on your own hardware."
              />
              <div className="grid gap-5 sm:grid-cols-2">
                <SelectField path="deployment.gpu" label="GPU for self-hosting" value={draft.deployment.gpu} onChange={(x) => update("deployment", { gpu: x })} options={GPUS.map((g) => ({ value: g, label: LABELS.gpu[g] }))} help="H100 is the reference; the engine scales throughput for others." />
                <SelectField path="deployment.gpuSource" label="Where the GPUs come from" value={draft.deployment.gpuSource} onChange={(x) => update("deployment", { gpuSource: x })} options={GPU_SOURCES.map((g) => ({ value: g, label: LABELS.gpuSource[g] }))} help="Hyperscalers cost 2–3× a GPU cloud; owning is cheapest per hour if you keep them busy." />
              </div>
            </>
          )}

          {current.id === "strategy" && (
            <>
              <RadioCards path="strategy.timeToMarket" legend="When must it ship?" columns={3} value={draft.strategy.timeToMarket} onChange={(x) => update("strategy", { timeToMarket: x })} options={TIMES_TO_MARKET.map((t) => ({ value: t, label: LABELS.ttm[t] }))} help="An API key works today; self-hosting takes weeks to months to reach production." />
              <RadioCards path="strategy.lockInConcern" legend="How much does vendor lock-in worry you?" columns={3} value={draft.strategy.lockInConcern} onChange={(x) => update("strategy", { lockInConcern: x })} options={LOCK_IN_CONCERNS.map((l) => ({ value: l, label: LABELS.lockIn[l] }))} help="Pricing, terms and models change; open weights can move between hosts or in house." />
              <NumberField path="strategy.horizonMonths" label="Planning horizon" suffix="months" step={1} value={draft.strategy.horizonMonths} onChange={(x) => update("strategy", { horizonMonths: x })} error={err("strategy.horizonMonths")} help="Total cost of ownership is summed over this many months (6–60)." />
            </>
          )}

          {current.id === "review" && <Review draft={draft} onEdit={(id) => goTo(STEPS.findIndex((s) => s.id === id))} />}
        </div>

        <div className="mt-8 flex items-center justify-between gap-3 border-t border-slate-100 pt-5">
          <button
            type="button"
            onClick={() => goTo(step - 1)}
            disabled={step === 0}
            className="rounded-lg border border-slate-300 px-4 py-2 text-sm font-medium text-slate-700 hover:bg-slate-50 disabled:invisible"
          >
            Back
          </button>
          <button type="submit" className="rounded-lg bg-brand-600 px-5 py-2.5 text-sm font-semibold text-white shadow-sm hover:bg-brand-700">
            {current.id === "review" ? "See the recommendation" : "Next"}
          </button>
        </div>
      </form>
      <button
        type="button"
        onClick={() => {
          setDraft(emptyDraft());
          goTo(0);
        }}
        className="mt-4 text-sm text-slate-500 underline-offset-4 hover:underline"
      >
        Start over
      </button>
    </div>
  );
}

function Progress({ step, onJump }: { step: number; onJump: (i: number) => void }) {
  return (
    <nav aria-label="Progress" className="mt-3">
      <p className="text-sm text-slate-600">
        Step {step + 1} of {STEPS.length}
      </p>
      <div className="mt-2 h-2 overflow-hidden rounded-full bg-slate-200" role="progressbar" aria-valuemin={1} aria-valuemax={STEPS.length} aria-valuenow={step + 1} aria-label="Assessment progress">
        <div className="h-full rounded-full bg-brand-500 transition-all" style={{ width: `${((step + 1) / STEPS.length) * 100}%` }} />
      </div>
      <ol className="mt-3 hidden flex-wrap gap-x-4 gap-y-1 text-xs sm:flex">
        {STEPS.map((s, i) => (
          <li key={s.id}>
            <button
              type="button"
              onClick={() => onJump(i)}
              disabled={i >= step}
              aria-current={i === step ? "step" : undefined}
              className={i === step ? "font-semibold text-brand-700" : i < step ? "text-slate-600 underline-offset-2 hover:underline" : "text-slate-400"}
            >
              {i + 1}. {s.title}
            </button>
          </li>
        ))}
      </ol>
    </nav>
  );
}

function Review({ draft, onEdit }: { draft: Draft; onEdit: (id: StepId) => void }) {
  const tpd = tokensPerDay(draft.volume);
  const rows: [StepId, string, string][] = [
    ["volume", "Volume", `${draft.volume.requestsPerDay ?? "?"} requests/day × (${draft.volume.inputTokensPerRequest ?? "?"} + ${draft.volume.outputTokensPerRequest ?? "?"}) tokens = ${tpd === undefined ? "?" : formatTokens(tpd)} tokens/day, growing ${draft.volume.monthlyGrowthPct ?? 0}%/month, peak ${draft.volume.peakToAverage ?? 3}×`],
    ["data", "Data", `${draft.data.sensitivity ? LABELS.sensitivity[draft.data.sensitivity] : "?"}${draft.data.regulations?.length ? ` · ${draft.data.regulations.map((r) => LABELS.regulations[r]).join(", ")}` : ""}${draft.data.mustStayInHouse ? " · must stay in house" : ""}`],
    ["team", "Team", draft.team.mlOpsMaturity ? LABELS.maturity[draft.team.mlOpsMaturity] : "?"],
    ["latency", "Latency", draft.latency.p95TargetMs ? `p95 ${draft.latency.p95TargetMs} ms` : "?"],
    ["capability", "Quality", `Frontier ${draft.capability.frontier ? LABELS.frontier[draft.capability.frontier].toLowerCase() : "?"} · ${LABELS.customization[draft.capability.customization ?? "prompting"]}`],
    ["deployment", "Deployment", `${draft.deployment.offline ? "Offline · " : ""}${LABELS.gpu[draft.deployment.gpu ?? "h100"]} · ${LABELS.gpuSource[draft.deployment.gpuSource ?? "gpu-cloud"]}`],
    ["strategy", "Strategy", `Ship ${LABELS.ttm[draft.strategy.timeToMarket ?? "quarter"].toLowerCase()} · lock-in concern ${LABELS.lockIn[draft.strategy.lockInConcern ?? "medium"].toLowerCase()} · ${draft.strategy.horizonMonths ?? 36} months`],
  ];
  return (
    <dl className="divide-y divide-slate-100">
      {rows.map(([id, label, text]) => (
        <div key={id} className="flex flex-col gap-1 py-3 sm:flex-row sm:items-center sm:gap-4">
          <dt className="w-28 shrink-0 text-sm font-medium text-slate-500">{label}</dt>
          <dd className="flex-1 text-sm text-slate-900">{text}</dd>
          <dd>
            <button type="button" onClick={() => onEdit(id)} className="text-sm font-medium text-brand-600 hover:underline" aria-label={`Edit ${label}`}>
              Edit
            </button>
          </dd>
        </div>
      ))}
    </dl>
  );
}
