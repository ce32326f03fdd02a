"use client";

import { useEffect, useState } from "react";
import { isPortfolioPayload, PortfolioReport, type PortfolioReportPayload } from "./portfolio-report";
import { ReportDocument, type ReportPayload } from "./report-document";
import { withReportUncertainty } from "./report-uncertainty";

declare global {
  interface Window {
    __renderReport?: (payload: ReportPayload | PortfolioReportPayload) => void;
  }
}

export function ReportPrintClient() {
  const [payload, setPayload] = useState<ReportPayload | PortfolioReportPayload | null>(null);
  const [ready, setReady] = useState(false);
  useEffect(() => {
    window.__renderReport = (p) => setPayload(isPortfolioPayload(p) ? p : withReportUncertainty(p));
    return () => {
      delete window.__renderReport;
    };
  }, []);
  useEffect(() => {
    if (!payload) return;
    // Charts are drawn after layout; mark ready on the next frames so the printer sees them.
    const id = requestAnimationFrame(() => requestAnimationFrame(() => setReady(true)));
    return () => cancelAnimationFrame(id);
  }, [payload]);
  if (!payload) return <p className="p-8 text-slate-500">Waiting for report data…</p>;
  return (
    <div data-report-ready={ready ? "true" : "false"} className="bg-white p-2">
      {isPortfolioPayload(payload) ? <PortfolioReport payload={payload} /> : <ReportDocument payload={payload} />}
    </div>
  );
}
