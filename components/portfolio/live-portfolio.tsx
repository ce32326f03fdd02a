"use client";

import type { PortfolioEvaluation } from "@/lib/engine/portfolio/evaluate";
import type { ParsedPortfolioInput } from "@/lib/engine/portfolio/schema";
import { encodePortfolio } from "@/lib/assessment/url-encode";
import { SaveProject } from "@/components/projects/save-project";
import { ResultToolbar } from "@/components/result/result-actions";
import { PortfolioView } from "./portfolio-view";

/** The plan page: the server computes the plan (the engine stays out of the page's JavaScript); edit, copy the link, export the PDF, save. */
export function LivePortfolio({
  input,
  evaluation,
  project,
  signedIn,
}: {
  input: ParsedPortfolioInput;
  evaluation: PortfolioEvaluation;
  project?: { id: string; version: number };
  signedIn: boolean;
}) {
  return (
    <PortfolioView
      input={input}
      evaluation={evaluation}
      actions={
        <ResultToolbar
          editQuery={`p=${encodePortfolio(input)}`}
          pdfBody={{ portfolio: input, title: "Deployment plan" }}
          extra={<SaveProject input={input} project={project} signedIn={signedIn} />}
        />
      }
    />
  );
}
