"use client";

import { useMemo } from "react";
import { evaluatePortfolio } from "@/lib/engine/portfolio/evaluate";
import type { ParsedPortfolioInput } from "@/lib/engine/portfolio/schema";
import { encodePortfolio } from "@/lib/assessment/url-encode";
import { SaveProject } from "@/components/projects/save-project";
import { ResultToolbar } from "@/components/result/result-actions";
import { PortfolioView } from "./portfolio-view";

/** The plan page: the engine runs in the browser; edit, copy the link, export the PDF, save as a project. */
export function LivePortfolio({ input, project, signedIn }: { input: ParsedPortfolioInput; project?: { id: string; version: number }; signedIn: boolean }) {
  const evaluation = useMemo(() => evaluatePortfolio(input), [input]);
  return (
    <PortfolioView
      input={input}
      evaluation={evaluation}
      actions={<ResultToolbar editQuery={`p=${encodePortfolio(input)}`} pdfBody={{ portfolio: input, title: "Deployment plan" }} extra={<SaveProject input={input} project={project} signedIn={signedIn} />} />}
    />
  );
}
