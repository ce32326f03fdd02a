import { z } from "zod";
import { getOwnedProject, getRevision } from "@/lib/server/projects";
import { invalidInput } from "@/lib/server/http-errors";
import { pdfResponse, renderReportPdf, reportFileName } from "@/lib/server/pdf";
import { reportOrigin } from "@/lib/server/report";
import { route } from "@/lib/server/route";

const paramsSchema = z.object({ id: z.string().min(1), number: z.coerce.number().int().positive() });
const querySchema = z.object({ paper: z.enum(["A4", "Letter"]).default("A4") });

// PDF of a saved revision: exactly what was recommended then (the stored Evaluation, not a recomputation).
export const GET = route({ auth: true }, async ({ req, params, user }) => {
  const p = paramsSchema.safeParse(params);
  if (!p.success) throw invalidInput(p.error);
  const q = querySchema.safeParse(Object.fromEntries(new URL(req.url).searchParams));
  if (!q.success) throw invalidInput(q.error);
  const project = await getOwnedProject(user.id, p.data.id);
  const revision = await getRevision(user.id, project.id, p.data.number);
  const now = new Date();
  const pdf = await renderReportPdf(
    reportOrigin(req),
    { title: project.name, subtitle: `Revision ${revision.number}, saved ${revision.createdAt.toISOString().slice(0, 10)}`, generatedAt: now.toISOString(), input: revision.input, evaluation: revision.evaluation },
    q.data.paper,
  );
  return pdfResponse(pdf, reportFileName(project.name, now));
});
