"use client";

import { useDeferredValue, useEffect, useMemo, useState, type ReactNode } from "react";
import type { AssumptionKey, Assumptions, Evaluation, ParsedAssessmentInput } from "@/lib/engine";
import { encodeAnswers } from "@/lib/assessment/url-encode";
import { AssumptionsPanel } from "./assumptions-panel";
import { ResultView } from "./result-view";

// The engine (and its catalog and schema) is only downloaded once the user starts editing
// assumptions: the first evaluation comes from the server, in the page's data.
let engine: Promise<typeof import("@/lib/engine/evaluate")> | undefined;
const loadEngine = () => (engine ??= import("@/lib/engine/evaluate"));

/**
 * The live result: the server's evaluation first, then the engine runs in the browser and
 * recomputes as assumptions are edited; the URL follows.
 */
export function InteractiveResult({ input, initial, actions }: { input: ParsedAssessmentInput; initial: Evaluation; actions?: (current: ParsedAssessmentInput) => ReactNode }) {
  const [base] = useState<Assumptions>(() => input.assumptions ?? {});
  const [overrides, setOverrides] = useState<Assumptions>(base);
  const deferred = useDeferredValue(overrides);
  const current = useMemo<ParsedAssessmentInput>(() => {
    const { assumptions: _old, ...rest } = input;
    return Object.keys(deferred).length ? { ...rest, assumptions: deferred } : rest;
  }, [input, deferred]);
  const [evaluation, setEvaluation] = useState<Evaluation>(initial);
  useEffect(() => {
    if (deferred === base) return;
    let live = true;
    void loadEngine().then(({ evaluate }) => live && setEvaluation(evaluate(current)));
    return () => {
      live = false;
    };
  }, [current, deferred, base]);

  const change = (key: AssumptionKey, value: number | undefined) => {
    setOverrides((o) => {
      const next = { ...o };
      if (value === undefined) delete next[key];
      else next[key] = value;
      // Keep the URL reproducing what is on screen, without a navigation.
      const url = new URL(window.location.href);
      const { assumptions: _a, ...rest } = input;
      url.searchParams.set("a", encodeAnswers(Object.keys(next).length ? { ...rest, assumptions: next } : rest));
      window.history.replaceState(null, "", url);
      return next;
    });
  };

  return (
    <ResultView
      input={current}
      evaluation={evaluation}
      actions={actions?.(current)}
      assumptions={
        // Fetch the engine as soon as the user reaches for an assumption, before the first edit lands.
        <div onPointerEnter={() => void loadEngine()} onFocusCapture={() => void loadEngine()}>
          <AssumptionsPanel
            rows={evaluation.assumptions}
            catalogVersion={evaluation.catalogVersion}
            onChange={change}
            onReset={() => {
              setOverrides({});
              const url = new URL(window.location.href);
              const { assumptions: _a, ...rest } = input;
              url.searchParams.set("a", encodeAnswers(rest));
              window.history.replaceState(null, "", url);
            }}
          />
        </div>
      }
    />
  );
}
