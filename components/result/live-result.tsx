"use client";

import type { Evaluation, ParsedAssessmentInput } from "@/lib/engine";
import { SaveProject } from "@/components/projects/save-project";
import { InteractiveResult } from "./interactive-result";
import { ResultActions } from "./result-actions";

/** The result page: live engine, editable assumptions, toolbar with save (as a project or a new revision). */
export function LiveResult({
  input,
  evaluation,
  project,
  signedIn,
}: {
  input: ParsedAssessmentInput;
  /** Computed on the server. */ evaluation: Evaluation;
  project?: { id: string; version: number };
  signedIn: boolean;
}) {
  return (
    <InteractiveResult
      input={input}
      initial={evaluation}
      actions={(current) => (
        <ResultActions input={current} extra={<SaveProject input={current} project={project} signedIn={signedIn} />} />
      )}
    />
  );
}
