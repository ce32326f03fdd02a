"use client";

import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { useState } from "react";
import type { ParsedAssessmentInput } from "@/lib/engine";
import { ApiError, apiRequest } from "@/lib/api-fetch";
import { encodeAnswers } from "@/lib/assessment/url-encode";

const button =
  "rounded-md bg-white/10 px-3 py-1.5 text-sm font-medium text-white ring-1 ring-white/20 hover:bg-white/20 disabled:opacity-60";

/** A busy server (429/503) that says when to come back within this many seconds is retried once, automatically. */
const MAX_AUTO_RETRY_SECONDS = 30;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Downloads a PDF from a report endpoint (the response carries the file name). While the server is
 * busy it counts down its Retry-After and tries once more; any other failure shows the server's message.
 */
export function ExportPdfButton({ url, body, label = "Export PDF" }: { url: string; body?: unknown; label?: string }) {
  const [state, setState] = useState<{ busy: boolean; error?: string; retryIn?: number }>({ busy: false });
  const request = () => apiRequest(url, body === undefined ? {} : { method: "POST", body });
  const download = async (res: Response) => {
    const name = /filename="([^"]+)"/.exec(res.headers.get("content-disposition") ?? "")?.[1] ?? "rentorown-report.pdf";
    const href = URL.createObjectURL(await res.blob());
    const a = Object.assign(document.createElement("a"), { href, download: name });
    document.body.append(a);
    a.click();
    a.remove();
    URL.revokeObjectURL(href);
  };
  const run = async () => {
    setState({ busy: true });
    try {
      let res: Response;
      try {
        res = await request();
      } catch (e) {
        const wait = e instanceof ApiError && (e.status === 429 || e.status === 503) ? e.retryAfterSeconds : undefined;
        if (wait === undefined || wait > MAX_AUTO_RETRY_SECONDS) throw e;
        for (let left = Math.ceil(wait); left > 0; left--) {
          setState({ busy: true, retryIn: left });
          await sleep(1000);
        }
        setState({ busy: true });
        res = await request();
      }
      await download(res);
      setState({ busy: false });
    } catch (e) {
      setState({
        busy: false,
        error: e instanceof ApiError ? e.message : "The PDF could not be generated. Try again.",
      });
    }
  };
  return (
    <>
      <button type="button" className={button} disabled={state.busy} onClick={run}>
        {state.retryIn ? `Busy: retrying in ${state.retryIn} s…` : state.busy ? "Preparing PDF…" : label}
      </button>
      {state.error && (
        <span role="alert" className="self-center text-sm text-amber-200" data-testid="pdf-error">
          {state.error}
        </span>
      )}
    </>
  );
}

/**
 * The toolbar under a verdict: edit the answers (keeping a project being revised), copy the link,
 * export the PDF, plus the page's own actions. `editQuery` is the answers' query (`a=…` or `p=…`).
 */
export function ResultToolbar({
  editQuery,
  pdfBody,
  extra,
}: {
  editQuery: string;
  pdfBody: unknown;
  extra?: React.ReactNode;
}) {
  const [copied, setCopied] = useState(false);
  // Revising a saved project: keep its id and version through "Edit answers".
  const params = useSearchParams();
  const carry = params.get("project") ? `&project=${params.get("project")}&v=${params.get("v")}` : "";
  return (
    <>
      <Link href={`/assess?${editQuery}${carry}`} className={button}>
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
      <ExportPdfButton url="/api/report/pdf" body={pdfBody} />
      {extra}
    </>
  );
}

export function ResultActions({ input, extra }: { input: ParsedAssessmentInput; extra?: React.ReactNode }) {
  return (
    <ResultToolbar editQuery={`a=${encodeAnswers(input)}`} pdfBody={{ input, title: "Assessment" }} extra={extra} />
  );
}
