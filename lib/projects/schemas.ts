import { z } from "zod";
import type { PriceNoticeSummary } from "./price-notice";
import { assessmentInputSchema, type ParsedAssessmentInput } from "@/lib/engine/schema";
import { isPortfolioShape, portfolioInputSchema, type ParsedPortfolioInput } from "@/lib/engine/portfolio/schema";

// Shared by the project forms (client) and the project routes (server).
export const projectNameSchema = z.string().trim().min(1, "Give the project a name").max(120, "At most 120 characters");

/**
 * What a project revision saves: one assessment, or a portfolio (told by its `workloads` array).
 * Issues keep their exact paths (`input.workloads.2.latency.p95TargetMs`).
 */
export const savedInputSchema = z
  .unknown()
  .superRefine((value, ctx) => {
    const r = (isPortfolioShape(value) ? portfolioInputSchema : assessmentInputSchema).safeParse(value);
    if (!r.success) for (const i of r.error.issues) ctx.addIssue({ code: "custom", message: i.message, path: i.path });
  })
  .transform((value): ParsedAssessmentInput | ParsedPortfolioInput =>
    isPortfolioShape(value) ? portfolioInputSchema.parse(value) : assessmentInputSchema.parse(value),
  );

export const createProjectSchema = z.object({ name: projectNameSchema, input: savedInputSchema });
export const saveRevisionSchema = z.object({
  input: savedInputSchema,
  /** The project version the edit started from; a stale tab gets 409 instead of overwriting. */
  expectedVersion: z.number().int().positive(),
});
// A rename is not a save: it creates no revision and does not move the version, so two tabs
// renaming simply end with the last name (and a stale save is still caught by its version).
export const renameProjectSchema = z.object({ name: projectNameSchema });
export const listProjectsQuerySchema = z.object({
  q: z.string().trim().max(120).optional(),
  sort: z.enum(["updated", "name"]).default("updated"),
});

export type ProjectSummary = {
  id: string;
  name: string;
  version: number;
  latestRecommendation: string;
  latestCatalogVersion: string;
  catalogIsCurrent: boolean;
  revisionCount: number;
  updatedAt: string;
  /** The price watch's notice for the current catalog, when the verdict or TCO moved (lib/server/price-watch.ts). */
  priceNotice?: PriceNoticeSummary;
};
