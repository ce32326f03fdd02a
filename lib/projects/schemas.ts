import { z } from "zod";
import { assessmentInputSchema } from "@/lib/engine";

// Shared by the project forms (client) and the project routes (server).
export const projectNameSchema = z.string().trim().min(1, "Give the project a name").max(120, "At most 120 characters");

export const createProjectSchema = z.object({ name: projectNameSchema, input: assessmentInputSchema });
export const saveRevisionSchema = z.object({
  input: assessmentInputSchema,
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
};
