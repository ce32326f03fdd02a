import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { LivePortfolio } from "@/components/portfolio/live-portfolio";
import { decodePortfolio } from "@/lib/assessment/url-state";
import { currentUser } from "@/lib/server/auth";

export const metadata: Metadata = { title: "Your deployment plan", robots: { index: false } };

// The plan for several workloads; the answers travel in the URL (?p=), like /assess/result's ?a=.
export default async function PortfolioPage({ searchParams }: { searchParams: Promise<{ p?: string; project?: string; v?: string }> }) {
  const { p, project, v } = await searchParams;
  const decoded = decodePortfolio(p);
  if (!decoded.ok) {
    return (
      <div className="mx-auto max-w-xl px-4 py-20 text-center sm:px-6">
        <h1 className="text-2xl font-semibold text-ink">{p ? "We could not read this plan link" : "No plan yet"}</h1>
        <p className="mt-3 text-slate-600">{p ? decoded.error : "Describe your workloads and your deployment plan appears here."}</p>
        <Link href="/assess" className="mt-6 inline-block rounded-lg bg-brand-600 px-5 py-3 font-semibold text-white hover:bg-brand-700">
          Start the assessment
        </Link>
      </div>
    );
  }
  return (
    <div className="mx-auto max-w-6xl px-4 py-8 sm:px-6">
      <h1 className="sr-only">Your deployment plan</h1>
      <Suspense>
        <LivePortfolio input={decoded.input} signedIn={Boolean(await currentUser())} project={project && Number(v) > 0 ? { id: project, version: Number(v) } : undefined} />
      </Suspense>
    </div>
  );
}
