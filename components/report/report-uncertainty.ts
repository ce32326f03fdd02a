import { catalogVersion } from "@/lib/engine/catalog";
import { evaluateUncertainty } from "@/lib/engine/evaluate-uncertainty";
import type { ReportPayload } from "./report-document";

// The PDF's uncertainty (issue 23): run in the renderer's page when the payload arrives, with the
// catalog's default draws and bands for the two charts. A stored revision priced with another catalog
// version (or whose verdict no longer reproduces) gets none rather than numbers from another catalog.
export function withReportUncertainty(p: ReportPayload): ReportPayload {
  const e = p.evaluation;
  if (e.uncertainty || e.catalogVersion !== catalogVersion) return p;
  try {
    const u = evaluateUncertainty(p.input, undefined, {
      bands: { tokensPerDay: e.volumeCurve.map((x) => x.tokensPerDay) },
    });
    return u.verdict === e.recommendation ? { ...p, evaluation: { ...e, uncertainty: u } } : p;
  } catch {
    return p;
  }
}
