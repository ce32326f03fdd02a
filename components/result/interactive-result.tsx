"use client";

import { useDeferredValue, useEffect, useMemo, useState, type ReactNode } from "react";
import type { AssumptionKey, Evaluation, ParsedAssessmentInput } from "@/lib/engine";
import { encodeAnswers } from "@/lib/assessment/url-encode";
import { dropHeld, editOverride, keepHeld, withOverrides, type OverrideState } from "@/lib/assessment/override-binding";
import { AssumptionsPanel } from "./assumptions-panel";
import { LeverSliders } from "./lever-sliders";
import { OverrideBindings } from "./override-bindings";
import { ResultView } from "./result-view";
import { StickySummary } from "./sticky-summary";
import { useUncertainty, withUncertainty } from "./use-uncertainty";

// The engine (and its catalog and schema) is only downloaded once the user starts editing
// assumptions: the first evaluation comes from the server, in the page's data.
let engine:
  Promise<[typeof import("@/lib/engine/evaluate"), typeof import("@/lib/assessment/assumption-check")]> | undefined;
const loadEngine = () =>
  (engine ??= Promise.all([import("@/lib/engine/evaluate"), import("@/lib/assessment/assumption-check")]));

type Errors = Partial<Record<AssumptionKey, string>>;

/**
 * The live result: the server's evaluation first, then the engine runs in the browser and
 * recomputes as assumptions are edited (checked against the engine's bounds first: a bad figure is
 * shown where it was typed and never evaluated); the URL follows. Price overrides carry the model they
 * were set on; when the answers price another model, the user keeps or drops them (OverrideBindings).
 */
export function InteractiveResult({
  input,
  initial,
  actions,
}: {
  input: ParsedAssessmentInput;
  initial: Evaluation;
  actions?: (current: ParsedAssessmentInput) => ReactNode;
}) {
  const [base] = useState<OverrideState>(() => ({
    assumptions: input.assumptions ?? {},
    overrideModels: input.overrideModels ?? {},
  }));
  const [state, setState] = useState<OverrideState>(base);
  const [errors, setErrors] = useState<Errors>({});
  const deferred = useDeferredValue(state);
  const current = useMemo<ParsedAssessmentInput>(() => withOverrides(input, deferred), [input, deferred]);
  const [evaluation, setEvaluation] = useState<Evaluation>(initial);
  const [failed, setFailed] = useState<string>();
  useEffect(() => {
    if (deferred === base) return;
    let live = true;
    void loadEngine().then(([{ evaluate }]) => {
      if (!live) return;
      // The figures were checked against the schema's bounds; anything the engine still refuses is said, not thrown.
      try {
        setEvaluation(evaluate(current));
        setFailed(undefined);
      } catch (err) {
        setFailed(err instanceof Error ? err.message : String(err));
      }
    });
    return () => {
      live = false;
    };
  }, [current, deferred, base]);

  const update = (f: (s: OverrideState) => OverrideState) => {
    setState((s) => {
      const next = f(s);
      // Keep the URL reproducing what is on screen, without a navigation.
      const url = new URL(window.location.href);
      url.searchParams.set("a", encodeAnswers(withOverrides(input, next)));
      window.history.replaceState(null, "", url);
      return next;
    });
  };
  const set = (key: AssumptionKey, value: number | undefined) => update((s) => editOverride(s, evaluation, key, value));

  /** A typed figure: checked (with its unit in the message) before the engine sees it. */
  const change = (key: AssumptionKey, text: string) => {
    void loadEngine().then(([, { checkAssumption }]) => {
      const check = checkAssumption(key, text);
      setErrors((e) => {
        const { [key]: _k, ...rest } = e;
        return check.ok ? rest : { ...rest, [key]: check.error };
      });
      if (!check.ok) return;
      const row = evaluation.assumptions.find((r) => r.key === key);
      set(key, row && check.value === row.catalogValue ? undefined : check.value);
    });
  };

  // How sure (issue 23): the draws run in the browser after the page loads and after each edit settles.
  const uncertainty = useUncertainty(current, evaluation);
  const shown = useMemo(() => withUncertainty(evaluation, uncertainty), [evaluation, uncertainty]);

  return (
    <>
      <StickySummary
        initial={initial}
        evaluation={evaluation}
        invalid={Object.keys(errors).length}
        failed={failed}
        edited={Object.keys(state.assumptions).length}
      />
      <ResultView
        input={current}
        evaluation={shown}
        actions={actions?.(current)}
        notice={
          <OverrideBindings
            evaluation={evaluation}
            onKeep={(g) => update((s) => keepHeld(s, evaluation, g))}
            onDrop={(g) => update((s) => dropHeld(s, evaluation, g))}
          />
        }
        levers={<LeverSliders evaluation={evaluation} onChange={set} onReach={() => void loadEngine()} />}
        assumptions={
          // Fetch the engine as soon as the user reaches for an assumption, before the first edit lands.
          <div onPointerEnter={() => void loadEngine()} onFocusCapture={() => void loadEngine()}>
            <AssumptionsPanel
              rows={evaluation.assumptions}
              catalogVersion={evaluation.catalogVersion}
              onChange={change}
              errors={errors}
              onReset={() => {
                setErrors({});
                update(() => ({ assumptions: {}, overrideModels: {} }));
              }}
            />
          </div>
        }
      />
    </>
  );
}
