import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { StoredResult } from "@/components/portfolio/stored-result";
import { SharedPdfButton } from "@/components/share/shared-pdf-button";
import { formatDate, formatPct } from "@/lib/format";
import { formatUsd } from "@/lib/format";
import { resolveShareToken } from "@/lib/server/share-links";

// Read-only recommendation for anyone with the link: no owner e-mail, no edit controls, not indexed.
const load = cache(async (token: string) => resolveShareToken(token));

export async function generateMetadata({ params }: { params: Promise<{ token: string }> }): Promise<Metadata> {
  const shared = await load((await params).token);
  const robots = { index: false, follow: false };
  if (shared.status !== "active") return { title: "Link not available", robots };
  const r = shared.revision;
  const title =
    r.kind === "portfolio"
      ? `${shared.projectName}: deployment plan`
      : `${shared.projectName}: ${r.evaluation.recommendationLabel}`;
  const description =
    r.kind === "portfolio"
      ? `RentOrOwn plans ${r.evaluation.workloads.length} workloads for ${formatUsd(r.evaluation.plan.tcoUsd)} over ${r.evaluation.horizonMonths} months.`
      : `RentOrOwn recommends ${r.evaluation.recommendationLabel.toLowerCase()} (confidence ${formatPct(r.evaluation.confidence)}). ${r.evaluation.keyReasons[0]?.text ?? ""}`.trim();
  return {
    title,
    description,
    robots,
    openGraph: { title, description, type: "article" },
    twitter: { card: "summary", title, description },
  };
}

export default async function SharedPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const shared = await load(token);
  if (shared.status !== "active") notFound();
  return (
    <div className="mx-auto max-w-6xl px-4 py-8 sm:px-6">
      <p className="text-sm font-medium text-brand-600">Shared recommendation · read-only</p>
      <h1 className="mt-1 text-3xl font-semibold tracking-tight text-ink" data-testid="shared-title">
        {shared.projectName}
      </h1>
      <p className="mt-1 text-sm text-slate-500">
        Revision {shared.revision.number}, saved {formatDate(shared.revision.createdAt)} on catalog{" "}
        {shared.revision.catalogVersion}.
      </p>
      <div className="mt-6">
        <StoredResult revision={shared.revision} actions={<SharedPdfButton token={token} />} />
      </div>
    </div>
  );
}
