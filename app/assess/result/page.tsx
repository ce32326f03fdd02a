import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { LiveResult } from "@/components/result/live-result";
import { decodeAnswers } from "@/lib/assessment/url-state";
import { evaluate } from "@/lib/engine";
import { currentUser } from "@/lib/server/auth";

export const metadata: Metadata = { title: "Your recommendation", robots: { index: false } };

export default async function ResultPage({ searchParams }: { searchParams: Promise<{ a?: string; project?: string; v?: string }> }) {
  const { a, project, v } = await searchParams;
  const decoded = decodeAnswers(a);
  if (!decoded.ok) {
    return (
      <div className="mx-auto max-w-xl px-4 py-20 text-center sm:px-6">
        <h1 className="text-2xl font-semibold text-ink">{a ? "We could not read this result link" : "No assessment yet"}</h1>
        <p className="mt-3 text-slate-600">{a ? decoded.error : "Answer a few questions and your recommendation appears here."}</p>
        <Link href="/assess" className="mt-6 inline-block rounded-lg bg-brand-600 px-5 py-3 font-semibold text-white hover:bg-brand-700">
          Start the assessment
        </Link>
      </div>
    );
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
