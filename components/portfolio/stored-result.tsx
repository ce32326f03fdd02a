import type { ReactNode } from "react";
import { AssumptionsPanel } from "@/components/result/assumptions-panel";
import { ResultView } from "@/components/result/result-view";
import type { StoredRevision } from "@/lib/projects/stored-revision";
import { PortfolioView } from "./portfolio-view";

/**
 * A stored revision as saved: a portfolio plan or a single assessment, upgraded to today's shape by
 * toStoredRevision(). Project, revision and shared pages render revisions through this one component.
 */
export function StoredResult({ revision, actions }: { revision: StoredRevision; actions?: ReactNode }) {
  const note =
    revision.notRecorded.length > 0 ? (
      <p className="mb-3 rounded-lg bg-slate-100 p-3 text-sm text-slate-700" data-testid="not-recorded">
        Saved before RentOrOwn computed {revision.notRecorded.map((k) => NOT_RECORDED_LABELS[k] ?? k).join(" and ")};
        those parts were not recorded for this revision.
      </p>
    ) : null;
  if (revision.kind === "portfolio")
    return <PortfolioView input={revision.input} evaluation={revision.evaluation} actions={actions} />;
  return (
    <>
      {note}
      <ResultView
        input={revision.input}
        evaluation={revision.evaluation}
        actions={actions}
        assumptions={
          <AssumptionsPanel rows={revision.evaluation.assumptions} catalogVersion={revision.catalogVersion} />
        }
      />
    </>
  );
}

const NOT_RECORDED_LABELS: Record<string, string> = {
  whatWouldChange: "what would change the verdict",
  economics: "GPU terms and price trends",
};
