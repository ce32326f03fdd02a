import type { Metadata } from "next";
import { Suspense } from "react";
import { NoAnswers } from "@/components/result/no-answers";
import { LiveResult } from "@/components/result/live-result";
import { decodeAnswers } from "@/lib/assessment/url-state";
import { evaluate } from "@/lib/engine";
import { currentUser } from "@/lib/server/auth";

export const metadata: Metadata = { title: "Your recommendation", robots: { index: false } };

export default async function ResultPage({ searchParams }: { searchParams: Promise<{ a?: string; project?: string; v?: string }> }) {
  const { a, project, v } = await searchParams;
  const decoded = decodeAnswers(a);
  if (!decoded.ok) {
    return <NoAnswers title={a ? "We could not read this result link" : "No assessment yet"} message={a ? decoded.error : "Answer a few questions and your recommendation appears here."} />;
  }
  return (
    <div className="mx-auto max-w-6xl px-4 py-8 sm:px-6">
      <h1 className="sr-only">Your recommendation</h1>
      <Suspense>
        <LiveResult input={decoded.input} evaluation={evaluate(decoded.input)} signedIn={Boolean(await currentUser())} project={project && Number(v) > 0 ? { id: project, version: Number(v) } : undefined} />
      </Suspense>
    </div>
  );
}
