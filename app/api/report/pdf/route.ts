import { z } from "zod";
import { assessmentInputSchema, evaluate } from "@/lib/engine";
import { pdfResponse, renderReportPdf, reportFileName } from "@/lib/server/pdf";
import { route } from "@/lib/server/route";

// PDF of an unsaved assessment (the anonymous result page). The server recomputes the Evaluation
// from the answers with the same engine; nothing computed by the client is trusted.
const bodySchema = z.object({
  input: assessmentInputSchema,
  title: z.string().trim().min(1).max(120).default("Assessment"),
  paper: z.enum(["A4", "Letter"]).default("A4"),
});

export const POST = route({ body: bodySchema, limits: "pdf" }, async ({ body, signal }) => {
  const now = new Date();
  const pdf = await renderReportPdf({ title: body.title, generatedAt: now.toISOString(), input: body.input, evaluation: evaluate(body.input) }, body.paper, signal);
  return pdfResponse(pdf, reportFileName(body.title, now));
});
