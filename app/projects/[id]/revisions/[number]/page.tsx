import Link from "next/link";
import { notFound } from "next/navigation";
import { StoredResult } from "@/components/portfolio/stored-result";
import { RevisionPdfButton } from "@/components/projects/revision-pdf-button";
import { formatDate } from "@/lib/format";
import { orNotFound, pageUser } from "@/lib/server/pages";
import { getOwnedProject, getRevision } from "@/lib/server/projects";

export const metadata = { title: "Revision", robots: { index: false } };

// A saved revision exactly as it was recommended then (its stored Evaluation), whatever the catalog says today.
export default async function RevisionPage({ params }: { params: Promise<{ id: string; number: string }> }) {
  const { id, number } = await params;
  const n = Number(number);
  if (!Number.isInteger(n) || n < 1) notFound();
  const user = await pageUser(`/projects/${id}/revisions/${n}`);
  const project = await orNotFound(getOwnedProject(user.id, id));
  const revision = await orNotFound(getRevision(user.id, id, n));
  return (
    <div className="mx-auto max-w-6xl px-4 py-8 sm:px-6">
      <nav className="text-sm text-slate-500">
        <Link href="/projects" className="hover:underline">
          My projects
        </Link>{" "}
        /{" "}
        <Link href={`/projects/${project.id}`} className="hover:underline">
          {project.name}
        </Link>{" "}
        / Revision {revision.number}
      </nav>
      <h1 className="mt-3 text-2xl font-semibold text-ink">
        {project.name} · revision {revision.number}
      </h1>
      <p className="mt-1 text-sm text-slate-500">
        Saved {formatDate(revision.createdAt)} on catalog {revision.catalogVersion}. Shown exactly as recommended then.
      </p>
      <div className="mt-6">
        <StoredResult
          revision={revision}
          actions={<RevisionPdfButton projectId={project.id} number={revision.number} />}
        />
      </div>
    </div>
  );
}
