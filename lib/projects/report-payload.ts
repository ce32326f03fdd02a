import type { StoredRevision } from "./stored-revision";

/** The PDF renderer's payload for a stored revision: the assessment report, or the portfolio plan report. */
export function revisionReportPayload(r: StoredRevision, title: string, subtitle: string, generatedAt: string) {
  return r.kind === "portfolio"
    ? { title, subtitle, generatedAt, portfolio: { input: r.input, evaluation: r.evaluation } }
    : { title, subtitle, generatedAt, input: r.input, evaluation: r.evaluation };
}
