import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { AssumptionsPanel } from "@/components/result/assumptions-panel";
import { ResultView } from "@/components/result/result-view";
import { SharedPdfButton } from "@/components/share/shared-pdf-button";
import { formatDate, formatPct } from "@/lib/format";
import type { Evaluation, ParsedAssessmentInput } from "@/lib/engine";
import { resolveShareToken } from "@/lib/server/share-links";

// Read-only recommendation for anyone with the link: no owner e-mail, no edit controls, not indexed.
const load = cache(async (token: string) => resolveShareToken(token));

export async function generateMetadata({ params }: { params: Promise<{ token: string }> }): Promise<Metadata> {
  const shared = await load((await params).token);
  const robots = { index: false, follow: false };
  if (shared.status !== "active") return { title: "Link not available", robots };
  const e = shared.revision.evaluation as Evaluation;
  const title = `${shared.projectName}: ${e.recommendationLabel}`;
  const description = `RentOrOwn recommends ${e.recommendationLabel.toLowerCase()} (confidence ${formatPct(e.confidence)}). ${e.keyReasons[0]?.text ?? ""}`.trim();
  return { title, description, robots, openGraph: { title, description, type: "article" }, twitter: { card: "summary", title, description } };
}

export default async function SharedPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const shared = await load(token);
  if (shared.status !== "active") notFound();
  const input = shared.revision.input as ParsedAssessmentInput;
  const evaluation = shared.revision.evaluation as Evaluation;
  return (
    <div className="mx-auto max-w-6xl px-4 py-8 sm:px-6">
      <p className="text-sm font-medium text-brand-600">Shared recommendation · read-only</p>
      <h1 className="mt-1 text-3xl font-semibold tracking-tight text-ink" data-testid="shared-title">
        {shared.projectName}
      </h1>
      <p className="mt-1 text-sm text-slate-500">
        Revision {shared.revision.number}, saved {formatDate(shared.revision.createdAt)} on catalog {shared.revision.catalogVersion}.
      </p>
      <div className="mt-6">
        <ResultView
          input={input}
          evaluation={evaluation}
          actions={<SharedPdfButton token={token} />}
          assumptions={<AssumptionsPanel rows={evaluation.assumptions} catalogVersion={shared.revision.catalogVersion} />}
        />
      </div>
    </div>
  );
}
