import { revisionReportPayload } from "@/lib/projects/report-payload";
import { notFound } from "@/lib/server/http-errors";
import { pdfResponse, renderReportPdf, reportFileName } from "@/lib/server/pdf";
import { z } from "zod";
import { route } from "@/lib/server/route";
import { resolveShareToken } from "@/lib/server/share-links";

// PDF of a shared revision, for anyone holding a valid link; revoked or expired links get 404.
export const GET = route(
  { params: z.object({ token: z.string().max(200) }), limits: "pdf" },
  async ({ params, signal }) => {
    const shared = await resolveShareToken(params.token);
    if (shared.status !== "active") throw notFound("This shared link is not available.");
    const now = new Date();
    const pdf = await renderReportPdf(
      revisionReportPayload(
        shared.revision,
        shared.projectName,
        `Revision ${shared.revision.number} (shared, read-only)`,
        now.toISOString(),
      ),
      "A4",
      signal,
    );
    return pdfResponse(pdf, reportFileName(shared.projectName, now));
  },
);
