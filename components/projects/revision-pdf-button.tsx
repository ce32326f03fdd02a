"use client";

import { ExportPdfButton } from "@/components/result/result-actions";

export function RevisionPdfButton({ projectId, number }: { projectId: string; number: number }) {
  return <ExportPdfButton url={`/api/projects/${projectId}/revisions/${number}/pdf`} />;
}
