import Link from "next/link";
import { notFound } from "next/navigation";
import { EvaluationChanges, InputChanges } from "@/components/projects/evaluation-diff";
import { RevisionTcoChart } from "@/components/projects/revision-tco-chart";
import { optionLabel } from "@/lib/engine";
import { formatDate, formatPct, formatTokens, formatUsd } from "@/lib/format";
import { PlacementChanges } from "@/components/portfolio/placement-changes";
import { asPlan, diffEvaluations, diffInputs, diffPortfolios } from "@/lib/projects/diff";
import { recommendationLabel } from "@/lib/projects/stored-revision";
import { orNotFound, pageUser } from "@/lib/server/pages";
import { withTodaysPrices } from "@/lib/server/price-watch";
import { getOwnedProject, getRevision } from "@/lib/server/projects";

export const metadata = { title: "Compare revisions", robots: { index: false } };

export default async function ComparePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ a?: string; b?: string }>;
}) {
  const { id } = await params;
  const { a, b } = await searchParams;
  const na = Number(a);
  // b=today: the revision against today's catalog (the price watch's notices link here).
  const today = b === "today";
  const nb = today ? na : Number(b);
  if (!Number.isInteger(na) || !Number.isInteger(nb) || na < 1 || nb < 1) notFound();
  const user = await pageUser(`/projects/${id}/compare?a=${na}&b=${today ? "today" : nb}`);
  const project = await orNotFound(getOwnedProject(user.id, id));
  const [ra, saved] = await Promise.all([
    orNotFound(getRevision(user.id, id, na)),
    orNotFound(getRevision(user.id, id, nb)),
  ]);
  const rb = today ? withTodaysPrices(saved) : saved;
  const labelB = today ? "today" : `rev ${nb}`;
  return (
    <div className="mx-auto max-w-5xl px-4 py-8 sm:px-6">
      <nav className="text-sm text-slate-500">
        <Link href={`/projects/${project.id}`} className="hover:underline">
          {project.name}
        </Link>{" "}
        / Compare
      </nav>
      <h1 className="mt-3 text-2xl font-semibold text-ink">
        {today ? `Revision ${na} vs today's prices` : `Revision ${na} vs revision ${nb}`}
      </h1>
      <p className="mt-1 text-sm text-slate-500">
        {today
          ? "The saved revision as computed when saved, against the same answers on today's catalog."
          : "Each revision is shown exactly as it was computed when saved."}
      </p>
      <div className="mt-6 grid gap-4 sm:grid-cols-2" data-testid="compared-revisions">
        {[ra, rb].map((r, i) => (
          <Link
            key={i}
            href={today && i === 1 ? `/projects/${project.id}` : `/projects/${project.id}/revisions/${r.number}`}
            className="block rounded-xl bg-brand-900 p-5 text-white shadow-sm ring-1 ring-brand-900 hover:ring-2 hover:ring-brand-600"
          >
            <p className="text-xs font-semibold uppercase tracking-wide text-sky-300">
              {today && i === 1
                ? `Revision ${r.number}'s answers · today's prices`
                : `Revision ${r.number} · saved ${formatDate(r.createdAt)}`}
            </p>
            <p className="mt-2 text-2xl font-semibold">{recommendationLabel(r.recommendation, optionLabel)}</p>
            <p className="mt-1 text-sm text-sky-100">
              {r.kind === "portfolio"
                ? `${r.evaluation.workloads.length} workloads · ${formatUsd(r.evaluation.plan.tcoUsd)} over ${r.evaluation.horizonMonths} months`
                : `Confidence ${formatPct(r.evaluation.confidence)} · ${formatTokens(r.evaluation.tokensPerDay)} tokens/day`}{" "}
              · catalog {r.catalogVersion}
            </p>
          </Link>
        ))}
      </div>
      <div className="mt-6 grid items-start gap-6 lg:grid-cols-[2fr_3fr]">
        <section className="min-w-0 rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
          <h2 className="text-base font-semibold text-ink">Answers that changed</h2>
          <div className="mt-3">
            <InputChanges
              changes={diffInputs(ra.input, rb.input)}
              assumptions={rb.kind === "assessment" ? rb.evaluation.assumptions : []}
            />
          </div>
        </section>
        <section className="min-w-0 rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
          <h2 className="text-base font-semibold text-ink">
            {ra.kind === "portfolio" || rb.kind === "portfolio"
              ? "How each workload's placement and the plan moved"
              : "How the verdict and costs moved"}
          </h2>
          <div className="mt-3">
            {ra.kind === "assessment" && rb.kind === "assessment" ? (
              <div className="space-y-6">
                <EvaluationChanges
                  diff={diffEvaluations(ra.evaluation, rb.evaluation)}
                  beforeLabel={`rev ${na}`}
                  afterLabel={labelB}
                />
                <RevisionTcoChart
                  diff={diffEvaluations(ra.evaluation, rb.evaluation)}
                  beforeLabel={`rev ${na}`}
                  afterLabel={labelB}
                />
              </div>
            ) : (
              // Either side a portfolio: a single assessment compares as a one-workload plan.
              <PlacementChanges
                diff={diffPortfolios(asPlan(ra), asPlan(rb))}
                beforeLabel={`rev ${na}`}
                afterLabel={labelB}
              />
            )}
          </div>
        </section>
      </div>
    </div>
  );
}
