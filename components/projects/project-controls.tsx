"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useDeleteProject, useDuplicateProject, useRenameProject } from "@/lib/projects/client";
import { projectNameSchema } from "@/lib/projects/schemas";

/** Rename (optimistic), duplicate and delete (with confirmation) for the project page. */
export function ProjectControls({ id, name }: { id: string; name: string }) {
  const router = useRouter();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(name);
  const [error, setError] = useState<string | null>(null);
  const [savedName, setSavedName] = useState(name);

  const rename = useRenameProject(id);
  const duplicate = useDuplicateProject(id);
  const remove = useDeleteProject(id);
  // Optimistic: the new name shows while the request is in flight; the old one comes back on error.
  const shownName = rename.isPending ? rename.variables : savedName;

  const onError = (e: Error) => setError(e.message);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = projectNameSchema.safeParse(draft);
    if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? "Invalid name");
    setError(null);
    setEditing(false);
    rename.mutate(parsed.data, {
      onSuccess: (b) => {
        setSavedName(b.project.name);
        router.refresh(); // the breadcrumb and title are server-rendered
      },
      onError,
    });
  };

  return (
    <div>
      {editing ? (
        <form onSubmit={submit} className="flex flex-wrap items-center gap-2">
          <label htmlFor="rename" className="sr-only">
            Project name
          </label>
          <input
            id="rename"
            autoFocus
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            className="w-80 rounded-md border border-slate-300 px-3 py-1.5 text-lg"
          />
          <button type="submit" className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-semibold text-white">
            Save name
          </button>
          <button type="button" onClick={() => setEditing(false)} className="text-sm text-slate-600">
            Cancel
          </button>
        </form>
      ) : (
        <h1 className="text-3xl font-semibold tracking-tight text-ink" data-testid="project-name">
          {shownName}
        </h1>
      )}
      <div className="mt-3 flex flex-wrap gap-2 text-sm">
        <button
          type="button"
          onClick={() => {
            setDraft(shownName);
            setEditing(true);
          }}
          className="rounded-md border border-slate-300 px-3 py-1.5 hover:bg-slate-50"
        >
          Rename
        </button>
        <button
          type="button"
          onClick={() =>
            duplicate.mutate(undefined, { onSuccess: (b) => router.push(`/projects/${b.project.id}`), onError })
          }
          disabled={duplicate.isPending}
          className="rounded-md border border-slate-300 px-3 py-1.5 hover:bg-slate-50"
        >
          {duplicate.isPending ? "Duplicating…" : "Duplicate"}
        </button>
        <button
          type="button"
          onClick={() => {
            if (window.confirm(`Delete "${shownName}" with all its revisions and share links? This cannot be undone.`))
              remove.mutate(undefined, { onSuccess: () => router.push("/projects"), onError });
          }}
          disabled={remove.isPending}
          className="rounded-md border border-red-200 px-3 py-1.5 text-red-700 hover:bg-red-50"
        >
          Delete
        </button>
      </div>
      {error && (
        <p role="alert" className="mt-2 text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
