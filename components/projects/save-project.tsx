"use client";

import Link from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import { useState, type FormEvent } from "react";
import type { ParsedAssessmentInput } from "@/lib/engine";
import type { ParsedPortfolioInput } from "@/lib/engine/portfolio/schema";
import { Providers } from "@/components/providers";
import { ApiError } from "@/lib/api-fetch";
import { fetchProjectVersion, useSaveAssessment } from "@/lib/projects/client";

const button =
  "rounded-md bg-white px-3 py-1.5 text-sm font-semibold text-brand-900 hover:bg-sky-50 disabled:opacity-60";

/** Sign-in that comes back to this exact result (answers are in the URL) and finishes the save. */
function signInPath(): string {
  const url = new URL(window.location.href);
  url.searchParams.set("save", "1");
  return `/signin?callbackUrl=${encodeURIComponent(url.pathname + url.search)}`;
}

type SaveProjectProps = {
  input: ParsedAssessmentInput | ParsedPortfolioInput;
  project?: { id: string; version: number };
  /** Read by the server page. */ signedIn: boolean;
};

/** "Save" on the result page: a new project, or a new revision of the project being revised. Brings its own (shared) query client. */
export function SaveProject(props: SaveProjectProps) {
  return (
    <Providers>
      <SaveProjectButton {...props} />
    </Providers>
  );
}

function SaveProjectButton({ input, project, signedIn }: SaveProjectProps) {
  const router = useRouter();
  const params = useSearchParams();
  const [naming, setNaming] = useState(params.get("save") === "1" && !project);
  const [name, setName] = useState("");
  const [nameError, setNameError] = useState<string | null>(null);
  const save = useSaveAssessment();
  const conflict = save.error instanceof ApiError && save.error.status === 409;

  const saved = { onSuccess: (id: string) => router.push(`/projects/${id}`) };
  const run = (args: Parameters<typeof save.mutate>[0]) =>
    save.mutate(args, {
      ...saved,
      // The session ended in the meantime: sign in again and come back to these same answers.
      onError: (e) => e instanceof ApiError && e.status === 401 && router.push(signInPath()),
    });

  const start = async () => {
    if (!signedIn) return router.push(signInPath());
    if (project) run({ input, projectId: project.id, expectedVersion: project.version });
    else setNaming(true);
  };

  /** After a conflict, only on the user's explicit choice: add these answers on top of the latest revision. */
  const saveOnTop = async () => {
    if (!project) return;
    run({ input, projectId: project.id, expectedVersion: await fetchProjectVersion(project.id) });
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    // The name rules (zod) load when a name is submitted, not with the result page.
    const { projectNameSchema } = await import("@/lib/projects/schemas");
    const parsed = projectNameSchema.safeParse(name);
    if (!parsed.success) return setNameError(parsed.error.issues[0]?.message ?? "Invalid name");
    setNameError(null);
    run({ input, name: parsed.data });
  };

  return (
    <>
      {!naming && !conflict && (
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
      {save.isError && !(save.error instanceof ApiError && save.error.status === 401) && (
        <div role="alert" className="w-full rounded-md bg-amber-50 p-3 text-sm text-amber-950" data-testid="save-error">
          <p>{save.error.message}</p>
          {conflict && project && (
            // Nothing is lost either way: the other save is already a revision, and these answers stay in this URL.
            <div className="mt-2 flex flex-wrap gap-2">
              <Link
                href={`/projects/${project.id}`}
                target="_blank"
                className="rounded-md border border-amber-300 bg-white px-3 py-1.5 font-medium hover:bg-amber-100"
              >
                Open the latest revision
              </Link>
              <button
                type="button"
                onClick={saveOnTop}
                disabled={save.isPending}
                className="rounded-md bg-amber-600 px-3 py-1.5 font-semibold text-white hover:bg-amber-700 disabled:opacity-60"
              >
                Save my answers as the newest revision
              </button>
            </div>
          )}
        </div>
      )}
    </>
  );
}
