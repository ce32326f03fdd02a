import { z } from "zod";
import { revisionReportPayload } from "@/lib/projects/report-payload";
import { getOwnedProject, getRevision } from "@/lib/server/projects";
import { pdfResponse, renderReportPdf, reportFileName } from "@/lib/server/pdf";
import { revisionParams, route } from "@/lib/server/route";

const querySchema = z.object({ paper: z.enum(["A4", "Letter"]).default("A4") });

// PDF of a saved revision: exactly what was recommended then (the stored Evaluation, not a recomputation).
export const GET = route(
  { auth: true, params: revisionParams, query: querySchema, limits: "pdf" },
  async ({ params, query, user, signal }) => {
    const project = await getOwnedProject(user.id, params.id);
    const revision = await getRevision(user.id, project.id, params.number);
    const now = new Date();
    const pdf = await renderReportPdf(
      revisionReportPayload(
        revision,
        project.name,
        `Revision ${revision.number}, saved ${revision.createdAt.slice(0, 10)}`,
        now.toISOString(),
      ),
      query.paper,
      signal,
    );
    return pdfResponse(pdf, reportFileName(project.name, now));
  },
);
