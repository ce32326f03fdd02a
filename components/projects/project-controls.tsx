"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { projectNameSchema } from "@/lib/projects/schemas";

async function call(url: string, init: RequestInit) {
  const res = await fetch(url, { ...init, headers: { "content-type": "application/json" } });
  const body = res.status === 204 ? {} : await res.json().catch(() => ({}));
  if (!res.ok) throw new Error((body as { message?: string }).message ?? `Request failed (${res.status})`);
  return body as { project?: { id: string; name: string } };
}

/** Rename (optimistic), duplicate and delete (with confirmation) for the project page. */
export function ProjectControls({ id, name }: { id: string; name: string }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const [shownName, setShownName] = useState(name);
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(name);
  const [error, setError] = useState<string | null>(null);

  const rename = useMutation({
    mutationFn: (newName: string) => call(`/api/projects/${id}`, { method: "PATCH", body: JSON.stringify({ name: newName }) }),
    onMutate: (newName) => {
      const previous = shownName;
      setShownName(newName); // optimistic
      setEditing(false);
      return { previous };
    },
    onError: (e, _n, ctx) => {
      setShownName(ctx?.previous ?? name);
      setError(e.message);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: ["projects"] }),
  });
  const duplicate = useMutation({
    mutationFn: () => call(`/api/projects/${id}/duplicate`, { method: "POST" }),
    onSuccess: (b) => {
      void queryClient.invalidateQueries({ queryKey: ["projects"] });
      router.push(`/projects/${b.project!.id}`);
    },
    onError: (e) => setError(e.message),
  });
  const remove = useMutation({
    mutationFn: () => call(`/api/projects/${id}`, { method: "DELETE" }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ["projects"] });
      router.push("/projects");
    },
    onError: (e) => setError(e.message),
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = projectNameSchema.safeParse(draft);
    if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? "Invalid name");
    setError(null);
    rename.mutate(parsed.data);
  };

  return (
    <div>
      {editing ? (
        <form onSubmit={submit} className="flex flex-wrap items-center gap-2">
          <label htmlFor="rename" className="sr-only">
            Project name
          </label>
          <input id="rename" autoFocus value={draft} onChange={(e) => setDraft(e.target.value)} className="w-80 rounded-md border border-slate-300 px-3 py-1.5 text-lg" />
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
        <button type="button" onClick={() => { setDraft(shownName); setEditing(true); }} className="rounded-md border border-slate-300 px-3 py-1.5 hover:bg-slate-50">
          Rename
        </button>
        <button type="button" onClick={() => duplicate.mutate()} disabled={duplicate.isPending} className="rounded-md border border-slate-300 px-3 py-1.5 hover:bg-slate-50">
          {duplicate.isPending ? "Duplicating…" : "Duplicate"}
        </button>
        <button
          type="button"
          onClick={() => {
            if (window.confirm(`Delete "${shownName}" with all its revisions and share links? This cannot be undone.`)) remove.mutate();
          }}
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
