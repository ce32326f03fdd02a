import { ProjectsList } from "@/components/projects/projects-list";
import { pageUser } from "@/lib/server/pages";

export const metadata = { title: "My projects" };

export default async function ProjectsPage() {
  await pageUser("/projects");
  return (
    <div className="mx-auto max-w-4xl px-4 py-10 sm:px-6">
      <h1 className="text-3xl font-semibold tracking-tight text-ink">My projects</h1>
      <p className="mt-2 text-slate-600">Every save keeps an immutable revision with the catalog it was computed on.</p>
      <div className="mt-6">
        <ProjectsList />
      </div>
    </div>
  );
}
