import { z } from "zod";
import { assessmentInputSchema, evaluate } from "@/lib/engine";
import { pdfResponse, renderReportPdf, reportFileName } from "@/lib/server/pdf";
import { reportOrigin } from "@/lib/server/report";
import { route } from "@/lib/server/route";

// PDF of an unsaved assessment (the anonymous result page). The server recomputes the Evaluation
// from the answers with the same engine; nothing computed by the client is trusted.
const bodySchema = z.object({
  input: assessmentInputSchema,
  title: z.string().trim().min(1).max(120).default("Assessment"),
  paper: z.enum(["A4", "Letter"]).default("A4"),
});

export const POST = route({ body: bodySchema }, async ({ req, body }) => {
  const now = new Date();
  const input = assessmentInputSchema.parse(body.input);
  const pdf = await renderReportPdf(reportOrigin(req), { title: body.title, generatedAt: now.toISOString(), input, evaluation: evaluate(input) }, body.paper);
  return pdfResponse(pdf, reportFileName(body.title, now));
});
