import { z } from "zod";
import { assessmentInputSchema, evaluate } from "@/lib/engine";
import { evaluatePortfolio, portfolioInputSchema } from "@/lib/engine/portfolio";
import { pdfResponse, renderReportPdf, reportFileName } from "@/lib/server/pdf";
import { route } from "@/lib/server/route";

// PDF of an unsaved assessment (the anonymous result page). The server recomputes the Evaluation
// from the answers with the same engine; nothing computed by the client is trusted.
// A portfolio (several workloads) sends `portfolio` instead of `input`.
const bodySchema = z
  .object({
    input: assessmentInputSchema.optional(),
    portfolio: portfolioInputSchema.optional(),
    title: z.string().trim().min(1).max(120).default("Assessment"),
    paper: z.enum(["A4", "Letter"]).default("A4"),
  })
  .refine((b) => (b.input === undefined) !== (b.portfolio === undefined), {
    message: "Send either input (one assessment) or portfolio (several workloads).",
  });

export const POST = route({ body: bodySchema, limits: "pdf" }, async ({ body, signal }) => {
  const now = new Date();
  const common = { title: body.title, generatedAt: now.toISOString() };
  // Evaluated once a render slot is held: a request refused with 503 costs no evaluation.
  const payload = () =>
    body.portfolio
      ? { ...common, portfolio: { input: body.portfolio, evaluation: evaluatePortfolio(body.portfolio) } }
      : { ...common, input: body.input!, evaluation: evaluate(body.input!) };
  const pdf = await renderReportPdf(payload, body.paper, signal);
  return pdfResponse(pdf, reportFileName(body.title, now));
});
