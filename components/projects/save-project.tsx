"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter, useSearchParams } from "next/navigation";
import { useState, type FormEvent } from "react";
import type { ParsedAssessmentInput } from "@/lib/engine";
import { projectNameSchema } from "@/lib/projects/schemas";

const button = "rounded-md bg-white px-3 py-1.5 text-sm font-semibold text-brand-900 hover:bg-sky-50 disabled:opacity-60";

async function signedIn(): Promise<boolean> {
  const session = await fetch("/api/auth/session").then((r) => (r.ok ? r.json() : null)).catch(() => null);
  return Boolean(session?.user);
}

/** Sign-in that comes back to this exact result (answers are in the URL) and finishes the save. */
function signInPath(): string {
  const url = new URL(window.location.href);
  url.searchParams.set("save", "1");
  return `/signin?callbackUrl=${encodeURIComponent(url.pathname + url.search)}`;
}

/** "Save" on the result page: a new project, or a new revision of the project being revised. */
export function SaveProject({ input, project }: { input: ParsedAssessmentInput; project?: { id: string; version: number } }) {
  const router = useRouter();
  const params = useSearchParams();
  const [naming, setNaming] = useState(params.get("save") === "1" && !project);
  const [name, setName] = useState("");
  const [nameError, setNameError] = useState<string | null>(null);
  const goSignIn = () => router.push(signInPath());

  const save = useMutation({
    mutationFn: async (projectName?: string) => {
      const res = project
        ? await fetch(`/api/projects/${project.id}/revisions`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ input, expectedVersion: project.version }) })
        : await fetch("/api/projects", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ name: projectName, input }) });
      if (res.status === 401) {
        goSignIn();
        return null;
      }
      const body = await res.json();
      if (!res.ok) throw new Error(body.message ?? "Saving failed.");
      return (project?.id ?? body.project.id) as string;
    },
    onSuccess: (id) => {
      if (id) router.push(`/projects/${id}`);
    },
  });

  const start = async () => {
    if (!(await signedIn())) return goSignIn();
    if (project) save.mutate(undefined);
    else setNaming(true);
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = projectNameSchema.safeParse(name);
    if (!parsed.success) return setNameError(parsed.error.issues[0]?.message ?? "Invalid name");
    setNameError(null);
    save.mutate(parsed.data);
  };

  return (
    <>
      {!naming && (
        <button type="button" className={button} onClick={start} disabled={save.isPending}>
          {save.isPending ? "Saving…" : project ? "Save as new revision" : "Save as project"}
        </button>
      )}
      {naming && (
        <form onSubmit={submit} className="flex flex-wrap items-start gap-2" noValidate>
          <label htmlFor="project-name" className="sr-only">
            Project name
          </label>
          <div>
            <input
              id="project-name"
              autoFocus
              value={name}
              onChange={(e) => setName(e.target.value)}
              placeholder="Project name, e.g. Support assistant"
              aria-invalid={nameError ? true : undefined}
              aria-describedby={nameError ? "project-name-error" : undefined}
              className="w-64 rounded-md border border-white/30 bg-white px-2.5 py-1.5 text-sm text-slate-900"
            />
            {nameError && (
              <p id="project-name-error" role="alert" className="mt-1 text-xs text-amber-200">
                {nameError}
              </p>
            )}
          </div>
          <button type="submit" className={button} disabled={save.isPending}>
            {save.isPending ? "Saving…" : "Save"}
          </button>
        </form>
      )}
      {save.isError && (
        <p role="alert" className="w-full text-sm text-amber-200" data-testid="save-error">
          {save.error.message}
        </p>
      )}
    </>
  );
}
