"use client";

import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { useState } from "react";
import type { ParsedAssessmentInput } from "@/lib/engine";
import { encodeAnswers } from "@/lib/assessment/url-state";

const button = "rounded-md bg-white/10 px-3 py-1.5 text-sm font-medium text-white ring-1 ring-white/20 hover:bg-white/20 disabled:opacity-60";

/** Downloads a PDF from a report endpoint (the response carries the file name). */
export function ExportPdfButton({ request, label = "Export PDF" }: { request: () => Promise<Response>; label?: string }) {
  const [state, setState] = useState<"idle" | "busy" | "error">("idle");
  return (
    <>
      <button
        type="button"
        className={button}
        disabled={state === "busy"}
        onClick={async () => {
          setState("busy");
          try {
            const res = await request();
            if (!res.ok) throw new Error(String(res.status));
            const name = /filename="([^"]+)"/.exec(res.headers.get("content-disposition") ?? "")?.[1] ?? "rentorown-report.pdf";
            const url = URL.createObjectURL(await res.blob());
            const a = Object.assign(document.createElement("a"), { href: url, download: name });
            document.body.append(a);
            a.click();
            a.remove();
            URL.revokeObjectURL(url);
            setState("idle");
          } catch {
            setState("error");
          }
        }}
      >
        {state === "busy" ? "Preparing PDF…" : label}
      </button>
      {state === "error" && (
        <span role="alert" className="self-center text-sm text-amber-200">
          The PDF could not be generated. Try again.
        </span>
      )}
    </>
  );
}

export function ResultActions({ input, extra }: { input: ParsedAssessmentInput; extra?: React.ReactNode }) {
  const [copied, setCopied] = useState(false);
  // Revising a saved project: keep its id and version through "Edit answers".
  const params = useSearchParams();
  const carry = params.get("project") ? `&project=${params.get("project")}&v=${params.get("v")}` : "";
  return (
    <>
      <Link href={`/assess?a=${encodeAnswers(input)}${carry}`} className={button}>
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
      <ExportPdfButton
        request={() =>
          fetch("/api/report/pdf", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ input, title: "Assessment" }) })
        }
      />
      {extra}
    </>
  );
}
