import type { Metadata } from "next";
import { Suspense } from "react";
import { NoAnswers } from "@/components/result/no-answers";
import { LiveResult } from "@/components/result/live-result";
import { decodeAnswers } from "@/lib/assessment/url-state";
import { evaluate } from "@/lib/engine";
import { currentUser } from "@/lib/server/auth";
import { getOwnedProject } from "@/lib/server/projects";

export const metadata: Metadata = { title: "Your recommendation", robots: { index: false } };

export default async function ResultPage({
  searchParams,
}: {
  searchParams: Promise<{ a?: string; project?: string; v?: string }>;
}) {
  const { a, project, v } = await searchParams;
  const decoded = decodeAnswers(a);
  if (!decoded.ok) {
    return (
      <NoAnswers
        title={a ? "We could not read this result link" : "No assessment yet"}
        message={a ? decoded.error : "Answer a few questions and your recommendation appears here."}
      />
    );
  }
  const user = await currentUser();
  const version = Number(v);
  // Revising a saved project: say which one and which revision, so a save is not a surprise.
  const revising = project && version > 0 && user ? await getOwnedProject(user.id, project).catch(() => null) : null;
  return (
    <div className="mx-auto max-w-6xl px-4 py-8 sm:px-6">
      <h1 className="sr-only">Your recommendation</h1>
      {project && version > 0 && (
        <p
          className="mb-4 rounded-lg border border-brand-100 bg-brand-50 px-4 py-2 text-sm text-brand-900"
          data-testid="revising-banner"
        >
          Revising {revising ? <strong>“{revising.name}”</strong> : "a saved project"}, revision {version}: “Save as new
          revision” adds revision {version + 1}; revision {version} stays as it was.
        </p>
      )}
      <Suspense>
        <LiveResult
          input={decoded.input}
          evaluation={evaluate(decoded.input)}
          signedIn={Boolean(user)}
          project={project && Number(v) > 0 ? { id: project, version: Number(v) } : undefined}
        />
      </Suspense>
    </div>
  );
}
