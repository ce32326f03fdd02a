"use client";

import type { ParsedAssessmentInput } from "@/lib/engine";
import { InteractiveResult } from "./interactive-result";
import { ResultActions } from "./result-actions";

/** The anonymous result page: live engine, editable assumptions, toolbar. */
export function LiveResult({ input, saveSlot }: { input: ParsedAssessmentInput; saveSlot?: (current: ParsedAssessmentInput) => React.ReactNode }) {
  return <InteractiveResult input={input} actions={(current) => <ResultActions input={current} extra={saveSlot?.(current)} />} />;
}
