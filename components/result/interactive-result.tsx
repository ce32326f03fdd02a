"use client";

import { useDeferredValue, useMemo, useState, type ReactNode } from "react";
import { evaluate, type AssumptionKey, type Assumptions, type ParsedAssessmentInput } from "@/lib/engine";
import { encodeAnswers } from "@/lib/assessment/url-state";
import { AssumptionsPanel } from "./assumptions-panel";
import { ResultView } from "./result-view";

/** The live result: the engine runs in the browser and recomputes as assumptions are edited; the URL follows. */
export function InteractiveResult({ input, actions }: { input: ParsedAssessmentInput; actions?: (current: ParsedAssessmentInput) => ReactNode }) {
  const [overrides, setOverrides] = useState<Assumptions>(input.assumptions ?? {});
  const deferred = useDeferredValue(overrides);
  const current = useMemo<ParsedAssessmentInput>(() => {
    const { assumptions: _old, ...rest } = input;
    return Object.keys(deferred).length ? { ...rest, assumptions: deferred } : rest;
  }, [input, deferred]);
  const evaluation = useMemo(() => evaluate(current), [current]);

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
      }
    />
  );
}
