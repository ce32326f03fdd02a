import Link from "next/link";
import { PlacementChanges } from "@/components/portfolio/placement-changes";
import { StoredResult } from "@/components/portfolio/stored-result";
import { EvaluationChanges } from "@/components/projects/evaluation-diff";
import { ProjectControls } from "@/components/projects/project-controls";
import { RevisionPdfButton } from "@/components/projects/revision-pdf-button";
import { ShareLinksPanel } from "@/components/share/share-links-panel";
import { encodeAnswers, encodePortfolio } from "@/lib/assessment/url-state";
import { recommendationLabel } from "@/lib/projects/stored-revision";
import { catalogVersion, optionLabel } from "@/lib/engine";
import { formatDate } from "@/lib/format";
import { orNotFound, pageUser } from "@/lib/server/pages";
import { getOwnedProject, latestRevision, listRevisions, recomputeWithToday } from "@/lib/server/projects";

export const metadata = { title: "Project", robots: { index: false } };

export default async function ProjectPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await pageUser(`/projects/${id}`);
  const project = await orNotFound(getOwnedProject(user.id, id));
  const [revisions, latest] = await Promise.all([listRevisions(user.id, id), latestRevision(user.id, id)]);
  // Today's catalog and engine applied to the same answers, to show what re-saving would change.
  const todays = recomputeWithToday(latest);
  // Revising carries the project and the version it started from: a stale tab gets 409 on save.
  // A portfolio travels as ?p= and opens on the plan page; a single assessment as ?a=.
  const answers =
    latest.kind === "portfolio" ? `p=${encodePortfolio(latest.input)}` : `a=${encodeAnswers(latest.input)}`;
  const reviseUrl = (path: string) =>
    `${latest.kind === "portfolio" && path === "/assess/result" ? "/assess/portfolio" : path}?${answers}&project=${project.id}&v=${project.version}`;
  const actionClass =
    "rounded-md bg-white/10 px-3 py-1.5 text-sm font-medium text-white ring-1 ring-white/20 hover:bg-white/20";
  return (
    <div className="mx-auto max-w-6xl px-4 py-8 sm:px-6">
      <nav className="text-sm text-slate-500">
        <Link href="/projects" className="hover:underline">
          My projects
        </Link>{" "}
        / {project.name}
      </nav>
      <div className="mt-3">
        <ProjectControls id={project.id} name={project.name} />
        <p className="mt-2 text-sm text-slate-500">
          Revision {latest.number} of {revisions.length} · saved {formatDate(latest.createdAt)} · catalog{" "}
          {latest.catalogVersion}
        </p>
      </div>

      {(todays.kind === "moved" || todays.kind === "moved-portfolio") && (
        <section className="mt-6 rounded-xl border-2 border-amber-400 bg-amber-50 p-5" data-testid="stale-catalog">
          <h2 className="text-base font-semibold text-amber-950">
            {todays.catalogChanged
              ? "Prices have changed since this was saved"
              : "Today\u2019s engine computes a different result for these answers"}
          </h2>
          <p className="mt-1 text-sm text-amber-900">
            {todays.catalogChanged
              ? `Revision ${latest.number} was computed on catalog ${latest.catalogVersion}; today\u2019s catalog is ${catalogVersion}.`
              : `Revision ${latest.number} was computed on the same catalog (${latest.catalogVersion}) by an earlier version of the decision engine.`}{" "}
            Here is what today&apos;s figures change for the same answers. The saved revision stays as it was; save a
            new revision to adopt them.
          </p>
          <div className="mt-4 rounded-lg bg-white p-4">
            {todays.kind === "moved" ? (
              <EvaluationChanges diff={todays.diff} beforeLabel="saved" afterLabel="today" />
            ) : (
              <PlacementChanges diff={todays.diff} beforeLabel="saved" afterLabel="today" />
            )}
          </div>
          <Link
            href={reviseUrl("/assess/result")}
            className="mt-4 inline-block rounded-lg bg-amber-600 px-4 py-2 text-sm font-semibold text-white hover:bg-amber-700"
          >
            Review with today&apos;s figures
          </Link>
        </section>
      )}
      {todays.kind === "incompatible" && (
        <section className="mt-6 rounded-xl border-2 border-amber-400 bg-amber-50 p-5" data-testid="stale-catalog">
          <h2 className="text-base font-semibold text-amber-950">These answers need a second look</h2>
          <p className="mt-1 text-sm text-amber-900">
            The questionnaire has changed since revision {latest.number} was saved, so it cannot be recomputed as is.
            The saved result below is unchanged. Revise the answers to save a new revision.
          </p>
          <Link
            href={reviseUrl("/assess")}
            className="mt-4 inline-block rounded-lg bg-amber-600 px-4 py-2 text-sm font-semibold text-white hover:bg-amber-700"
          >
            Revise answers
          </Link>
        </section>
      )}

      <div className="mt-6 grid gap-6 lg:grid-cols-[1fr_320px]">
        <StoredResult
          revision={latest}
          actions={
            <>
              <Link href={reviseUrl("/assess")} className={actionClass}>
                Revise answers
              </Link>
              <RevisionPdfButton projectId={project.id} number={latest.number} />
            </>
          }
        />
        <aside className="space-y-6">
          <section
            aria-labelledby="revisions-heading"
            className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm"
          >
            <h2 id="revisions-heading" className="text-base font-semibold text-ink">
              Revisions
            </h2>
            <ol className="mt-3 space-y-2 text-sm" data-testid="revisions">
              {revisions.map((r) => (
                <li key={r.id} className="flex items-center justify-between gap-2">
                  <Link
                    href={`/projects/${project.id}/revisions/${r.number}`}
                    className="font-medium text-brand-700 hover:underline"
                  >
                    Revision {r.number}
                  </Link>
                  <span className="text-slate-500">
                    {recommendationLabel(r.recommendation, optionLabel)} · {formatDate(r.createdAt)}
                  </span>
                </li>
              ))}
            </ol>
            {revisions.length > 1 && (
              <form
                action={`/projects/${project.id}/compare`}
                className="mt-4 flex flex-wrap items-end gap-2 border-t border-slate-100 pt-4 text-sm"
              >
                <RevisionSelect
                  name="a"
                  label="Compare"
                  numbers={revisions.map((r) => r.number)}
                  selected={revisions[1]!.number}
                />
                <RevisionSelect
                  name="b"
                  label="with"
                  numbers={revisions.map((r) => r.number)}
                  selected={revisions[0]!.number}
                />
                <button
                  type="submit"
                  className="rounded-md bg-brand-600 px-3 py-1.5 font-semibold text-white hover:bg-brand-700"
                >
                  Compare
                </button>
              </form>
            )}
          </section>
          <ShareLinksPanel projectId={project.id} revisionId={latest.id} revisionNumber={latest.number} />
        </aside>
      </div>
    </div>
  );
}

function RevisionSelect({
  name,
  label,
  numbers,
  selected,
}: {
  name: string;
  label: string;
  numbers: number[];
  selected: number;
}) {
  return (
    <label className="block">
      <span className="block text-xs text-slate-500">{label}</span>
      <select name={name} defaultValue={selected} className="rounded-md border border-slate-300 px-2 py-1">
        {numbers.map((n) => (
          <option key={n} value={n}>
            Revision {n}
          </option>
        ))}
      </select>
    </label>
  );
}
