"use client";

import { ExportPdfButton } from "@/components/result/result-actions";

export function SharedPdfButton({ token }: { token: string }) {
  return <ExportPdfButton request={() => fetch(`/s/${token}/pdf`)} />;
}
