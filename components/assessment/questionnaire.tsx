"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, type FormEvent } from "react";
import {
  activeWorkload,
  addWorkload,
  draftFromInput,
  draftFromPortfolio,
  duplicateWorkload,
  emptyDraft,
  isPortfolio,
  isWorkloadStep,
  locateIssue,
  moveWorkload,
  removeWorkload,
  restoreDraft,
  STEPS,
  toInput,
  toPortfolioInput,
  type CompanyGroup,
  type Draft,
  type FieldErrors,
  type StepId,
  type WorkloadGroup,
} from "@/lib/assessment/draft";
import type { FormFacts } from "@/lib/assessment/form-facts";
import type { WorkloadPreset } from "@/lib/assessment/presets";
import { portfolioPath, resultPath } from "@/lib/assessment/url-encode";
import type { AssessmentInput } from "@/lib/engine/schema";
import type { PortfolioInput } from "@/lib/engine/portfolio/schema";
import { CapabilityStep } from "./capability-step";
import { CompanyPresets } from "./company-presets";
import { DataStep } from "./data-step";
import { DeploymentStep } from "./deployment-step";
import { fieldId } from "./fields";
import { FormFactsProvider } from "./form-facts";
import { LatencyStep } from "./latency-step";
import { Progress } from "./progress";
import { Review } from "./review";
import { StrategyStep } from "./strategy-step";
import { TeamStep } from "./team-step";
import { VolumeStep } from "./volume-step";
import { WorkloadBar, type WorkloadActions } from "./workload-bar";

// The questionnaire: one file per step (./*-step.tsx), the review, and this orchestrator (navigation,
// validation, persistence). Company steps are answered once, workload steps per workload.

const STORAGE_KEY = "rentorown.assessment.v2";
const LEGACY_STORAGE_KEY = "rentorown.assessment.v1";

type Saved = { draft: Draft; step: number };

/** Answers from an "edit answers" link, decoded and validated on the server (app/assess/page.tsx). */
export type InitialAnswers =
  { kind: "assessment"; input: AssessmentInput } | { kind: "portfolio"; input: PortfolioInput };

// Validation needs zod (./validate.ts): loaded on the first "Next" or submit, fetched ahead when the
// user first focuses or touches the form, so the page's first load stays light.
const loadValidation = () => import("@/lib/assessment/validate");

export function Questionnaire({
  initial,
  facts,
  carry = "",
}: {
  initial?: InitialAnswers;
  facts: FormFacts;
  carry?: string;
}) {
  const router = useRouter();
  const [draft, setDraft] = useState<Draft>(emptyDraft);
  const [step, setStep] = useState(0);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [restored, setRestored] = useState(false);
  const [company, setCompany] = useState<string>();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const current = STEPS[step]!;

  // Resume: answers from an "edit answers" link win, then this browser's saved progress.
  // localStorage exists only after hydration, so restoring has to happen in an effect.
  /* eslint-disable react-hooks/set-state-in-effect */
  useEffect(() => {
    if (initial?.kind === "portfolio") {
      setDraft(draftFromPortfolio(initial.input));
      setStep(STEPS.length - 1);
    } else if (initial?.kind === "assessment") {
      setDraft(draftFromInput(initial.input));
      setStep(STEPS.length - 1);
    } else {
      try {
        const raw = localStorage.getItem(STORAGE_KEY) ?? localStorage.getItem(LEGACY_STORAGE_KEY);
        const saved = JSON.parse(raw ?? "null") as Partial<Saved> | null;
        const restoredDraft = restoreDraft(saved?.draft);
        if (restoredDraft) {
          setDraft(restoredDraft);
          setStep(Math.min(Math.max(0, saved?.step ?? 0), STEPS.length - 1));
        }
      } catch {
        // Unreadable saved progress: start fresh.
      }
    }
    setRestored(true);
  }, [initial]);
  /* eslint-enable react-hooks/set-state-in-effect */

  useEffect(() => {
    if (restored) localStorage.setItem(STORAGE_KEY, JSON.stringify({ draft, step } satisfies Saved));
  }, [draft, step, restored]);

  const clearErrors = (group: string, keys: string[]) =>
    setErrors((e) => {
      const next = { ...e };
      for (const k of keys) delete next[`${group}.${k}`];
      return next;
    });

  const updateWorkload = <G extends WorkloadGroup>(group: G, patch: Partial<Draft["workloads"][number][G]>) => {
    setDraft((d) => ({
      ...d,
      workloads: d.workloads.map((w, i) => (i === d.active ? { ...w, [group]: { ...w[group], ...patch } } : w)),
    }));
    clearErrors(group, Object.keys(patch));
  };
  const updateCompany = <G extends CompanyGroup>(group: G, patch: Partial<Draft[G]>) => {
    setDraft((d) => ({ ...d, [group]: { ...d[group], ...patch } }));
    clearErrors(group, Object.keys(patch));
  };

  const focusHeading = () => requestAnimationFrame(() => headingRef.current?.focus());
  const goTo = (i: number) => {
    setStep(i);
    setErrors({});
    focusHeading();
  };
  const focusFirstError = (errs: FieldErrors) => {
    const first = Object.keys(errs)[0];
    if (first) requestAnimationFrame(() => document.getElementById(fieldId(first))?.focus());
  };
  const showErrorsAt = (at: { step: StepId; workload: number }, errs: FieldErrors) => {
    setDraft((d) => ({ ...d, active: at.workload }));
    setStep(STEPS.findIndex((s) => s.id === at.step));
    setErrors(errs);
    focusFirstError(errs);
  };

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const { firstInvalid, validateAll, validateStep } = await loadValidation();
    if (current.id === "review") {
      const bad = firstInvalid(draft);
      if (bad) {
        const errs = validateStep(draft, bad.step, bad.workload);
        // Errors outside the step's group (a workload's name or a duplicate id) come from the whole input.
        if (!Object.keys(errs).length) {
          for (const [path, message] of Object.entries(validateAll(draft))) {
            const at = locateIssue(path);
            if (at && at.workload === bad.workload) errs[at.field] ??= message;
          }
        }
        return showErrorsAt(bad, errs);
      }
      router.push((isPortfolio(draft) ? portfolioPath(toPortfolioInput(draft)) : resultPath(toInput(draft))) + carry);
      return;
    }
    const errs = validateStep(draft, current.id);
    setErrors(errs);
    if (Object.keys(errs).length) focusFirstError(errs);
    else goTo(step + 1);
  };

  const workloadActions: WorkloadActions = {
    select: (i) => {
      setDraft((d) => ({ ...d, active: i }));
      setErrors({});
    },
    add: (preset?: WorkloadPreset) => {
      setDraft((d) =>
        addWorkload(
          d,
          preset && {
            name: preset.name,
            volume: { ...preset.volume },
            data: { ...preset.data, regulations: [], mustStayInHouse: false, sensitiveShare: 1 },
            latency: { ...preset.latency },
            capability: { ...preset.capability },
          },
        ),
      );
      setErrors({});
      if (!isWorkloadStep(current.id)) setStep(0);
    },
    duplicate: (i) => setDraft((d) => duplicateWorkload(d, i)),
    remove: (i) => {
      setDraft((d) => removeWorkload(d, i));
      setErrors({});
    },
    move: (i, by) => setDraft((d) => moveWorkload(d, i, by)),
    rename: (name) => {
      setDraft((d) => ({ ...d, workloads: d.workloads.map((w, i) => (i === d.active ? { ...w, name } : w)) }));
      clearErrors("name", [""]);
      setErrors((er) => {
        const { name: _n, ...rest } = er;
        return rest;
      });
    },
  };

  const prefetched = useRef(false);
  const prefetchValidation = () => {
    if (prefetched.current) return;
    prefetched.current = true;
    void loadValidation();
  };

  const w = activeWorkload(draft);
  const err = (path: string) => errors[path];
  const portfolio = isPortfolio(draft);

  return (
    <FormFactsProvider facts={facts}>
      <div className="mx-auto max-w-3xl px-4 py-10 sm:px-6">
        <p className="text-sm font-medium text-brand-600">
          {portfolio ? `Portfolio of ${draft.workloads.length} workloads` : "Assessment · about five minutes"}
        </p>
        <Progress step={step} onJump={(i) => i < step && goTo(i)} />
        {step === 0 && !isPortfolio(draft) && (
          <CompanyPresets
            selected={company}
            onPick={(p) => {
              setCompany(p.id);
              setDraft(draftFromInput(p.input));
              goTo(STEPS.length - 1);
            }}
          />
        )}
        {isWorkloadStep(current.id) && (
          <WorkloadBar draft={draft} actions={workloadActions} nameError={err("name") ?? err("id")} />
        )}
        <form
          onSubmit={(e) => void onSubmit(e)}
          onFocus={prefetchValidation}
          onPointerDown={prefetchValidation}
          noValidate
          className="mt-6 rounded-2xl border border-slate-200 bg-white p-5 shadow-sm sm:p-8"
          aria-labelledby="step-heading"
        >
          {portfolio && isWorkloadStep(current.id) && (
            <p
              className="text-sm font-medium text-slate-500"
              data-testid="editing-workload"
            >{`Workload ${draft.active + 1}: ${w.name}`}</p>
          )}
          {portfolio && current.scope === "company" && (
            <p className="text-sm font-medium text-slate-500">For the whole company: shared by every workload</p>
          )}
          <h1
            id="step-heading"
            ref={headingRef}
            tabIndex={-1}
            className="text-2xl font-semibold tracking-tight text-ink outline-none"
          >
            {current.title}
          </h1>
          <div className="mt-6 space-y-6">
            {current.id === "volume" && (
              <VolumeStep value={w.volume} update={(p) => updateWorkload("volume", p)} err={err} />
            )}
            {current.id === "data" && <DataStep value={w.data} update={(p) => updateWorkload("data", p)} err={err} />}
            {current.id === "team" && (
              <TeamStep value={draft.team} update={(p) => updateCompany("team", p)} err={err} />
            )}
            {current.id === "latency" && (
              <LatencyStep value={w.latency} update={(p) => updateWorkload("latency", p)} err={err} />
            )}
            {current.id === "capability" && (
              <CapabilityStep value={w.capability} update={(p) => updateWorkload("capability", p)} err={err} />
            )}
            {current.id === "deployment" && (
              <DeploymentStep value={draft.deployment} update={(p) => updateCompany("deployment", p)} err={err} />
            )}
            {current.id === "strategy" && (
              <StrategyStep value={draft.strategy} update={(p) => updateCompany("strategy", p)} err={err} />
            )}
            {current.id === "review" && (
              <Review
                draft={draft}
                onEdit={(id, workload) => {
                  if (workload !== undefined) setDraft((d) => ({ ...d, active: workload }));
                  goTo(STEPS.findIndex((s) => s.id === id));
                }}
              />
            )}
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
            <button
              type="submit"
              className="rounded-lg bg-brand-600 px-5 py-2.5 text-sm font-semibold text-white shadow-sm hover:bg-brand-700"
            >
              {current.id === "review" ? (portfolio ? "See the plan" : "See the recommendation") : "Next"}
            </button>
          </div>
        </form>
        <button
          type="button"
          onClick={() => {
            setDraft(emptyDraft());
            setCompany(undefined);
            goTo(0);
          }}
          className="mt-4 text-sm text-slate-500 underline-offset-4 hover:underline"
        >
          Start over
        </button>
      </div>
    </FormFactsProvider>
  );
}
