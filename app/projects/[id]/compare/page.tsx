import Link from "next/link";
import { notFound } from "next/navigation";
import { EvaluationChanges, InputChanges } from "@/components/projects/evaluation-diff";
import { diffEvaluations, diffInputs } from "@/lib/projects/diff";
import { orNotFound, pageUser } from "@/lib/server/pages";
import { getOwnedProject, getRevision } from "@/lib/server/projects";

export const metadata = { title: "Compare revisions", robots: { index: false } };

export default async function ComparePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ a?: string; b?: string }> }) {
  const { id } = await params;
  const { a, b } = await searchParams;
  const na = Number(a);
  const nb = Number(b);
  if (!Number.isInteger(na) || !Number.isInteger(nb) || na < 1 || nb < 1) notFound();
  const user = await pageUser(`/projects/${id}/compare?a=${na}&b=${nb}`);
  const project = await orNotFound(getOwnedProject(user.id, id));
  const [ra, rb] = await Promise.all([orNotFound(getRevision(user.id, id, na)), orNotFound(getRevision(user.id, id, nb))]);
  return (
    <div className="mx-auto max-w-5xl px-4 py-8 sm:px-6">
      <nav className="text-sm text-slate-500">
        <Link href={`/projects/${project.id}`} className="hover:underline">
          {project.name}
        </Link>{" "}
        / Compare
      </nav>
      <h1 className="mt-3 text-2xl font-semibold text-ink">
        Revision {na} vs revision {nb}
      </h1>
      <div className="mt-6 grid gap-6 lg:grid-cols-2">
        <section className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
          <h2 className="text-base font-semibold text-ink">Answers that changed</h2>
          <div className="mt-3">
            <InputChanges changes={diffInputs(ra.input, rb.input)} />
          </div>
        </section>
        <section className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
          <h2 className="text-base font-semibold text-ink">How the verdict and costs moved</h2>
          <div className="mt-3">
            <EvaluationChanges diff={diffEvaluations(ra.evaluation, rb.evaluation)} beforeLabel={`rev ${na}`} afterLabel={`rev ${nb}`} />
          </div>
        </section>
      </div>
    </div>
  );
}
