import type { Metadata } from "next";
import { Suspense } from "react";
import { NoAnswers } from "@/components/result/no-answers";
import { LivePortfolio } from "@/components/portfolio/live-portfolio";
import { evaluatePortfolio } from "@/lib/engine/portfolio/evaluate";
import { decodePortfolio } from "@/lib/assessment/url-state";
import { currentUser } from "@/lib/server/auth";

export const metadata: Metadata = { title: "Your deployment plan", robots: { index: false } };

// The plan for several workloads; the answers travel in the URL (?p=), like /assess/result's ?a=.
export default async function PortfolioPage({
  searchParams,
}: {
  searchParams: Promise<{ p?: string; project?: string; v?: string }>;
}) {
  const { p, project, v } = await searchParams;
  const decoded = decodePortfolio(p);
  if (!decoded.ok) {
    return (
      <NoAnswers
        title={p ? "We could not read this plan link" : "No plan yet"}
        message={p ? decoded.error : "Describe your workloads and your deployment plan appears here."}
      />
    );
  }
  return (
    <div className="mx-auto max-w-6xl px-4 py-8 sm:px-6">
      <h1 className="sr-only">Your deployment plan</h1>
      <Suspense>
        <LivePortfolio
          input={decoded.input}
          evaluation={evaluatePortfolio(decoded.input)}
          signedIn={Boolean(await currentUser())}
          project={project && Number(v) > 0 ? { id: project, version: Number(v) } : undefined}
        />
      </Suspense>
    </div>
  );
}
