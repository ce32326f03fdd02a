import { ReportPrintClient } from "@/components/report/report-print-client";

// Blank until the PDF renderer injects a payload (window.__renderReport); holds no data of its own.
export const metadata = { title: "Report", robots: { index: false } };

export default function ReportPrintPage() {
  return <ReportPrintClient />;
}
