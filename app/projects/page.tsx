import Link from "next/link";
import { ProjectsList } from "@/components/projects/projects-list";
import { pageUser } from "@/lib/server/pages";

export const metadata = { title: "My projects" };

export default async function ProjectsPage() {
  await pageUser("/projects");
  return (
    <div className="mx-auto max-w-4xl px-4 py-10 sm:px-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-3xl font-semibold tracking-tight text-ink">My projects</h1>
          <p className="mt-2 text-slate-600">
            Every save keeps an immutable revision with the catalog it was computed on.
          </p>
        </div>
        <Link
          href="/assess"
          className="rounded-lg bg-brand-600 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-brand-700"
        >
          New assessment
        </Link>
      </div>
      <div className="mt-6">
        <ProjectsList />
      </div>
    </div>
  );
}
