"use client";

import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { useMemo, useState } from "react";
import { evaluatePortfolio } from "@/lib/engine/portfolio/evaluate";
import type { ParsedPortfolioInput } from "@/lib/engine/portfolio/schema";
import { encodePortfolio } from "@/lib/assessment/url-state";
import { SaveProject } from "@/components/projects/save-project";
import { ExportPdfButton } from "@/components/result/result-actions";
import { PortfolioView } from "./portfolio-view";

const button = "rounded-md bg-white/10 px-3 py-1.5 text-sm font-medium text-white ring-1 ring-white/20 hover:bg-white/20 disabled:opacity-60";

/** The plan page: the engine runs in the browser; edit, copy the link, export the PDF, save as a project. */
export function LivePortfolio({ input, project, signedIn }: { input: ParsedPortfolioInput; project?: { id: string; version: number }; signedIn: boolean }) {
  const evaluation = useMemo(() => evaluatePortfolio(input), [input]);
  const [copied, setCopied] = useState(false);
  const params = useSearchParams();
  const carry = params.get("project") ? `&project=${params.get("project")}&v=${params.get("v")}` : "";
  return (
    <PortfolioView
      input={input}
      evaluation={evaluation}
      actions={
        <>
          <Link href={`/assess?p=${encodePortfolio(input)}${carry}`} className={button}>
            Edit answers
          </Link>
          <button
            type="button"
            className={button}
            onClick={async () => {
              await navigator.clipboard?.writeText(window.location.href).catch(() => undefined);
              setCopied(true);
            }}
          >
            {copied ? "Link copied" : "Copy link"}
          </button>
          <ExportPdfButton url="/api/report/pdf" body={{ portfolio: input, title: "Deployment plan" }} />
          <SaveProject input={input} project={project} signedIn={signedIn} />
        </>
      }
    />
  );
}
