"use client";

import { ExportPdfButton } from "@/components/result/result-actions";

export function SharedPdfButton({ token }: { token: string }) {
  return <ExportPdfButton url={`/s/${token}/pdf`} />;
}
