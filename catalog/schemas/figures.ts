// catalog/figures.json: the first catalog file (keyed figures, the open-weights size pairing, the
// scoring policy); the build spreads its sections at the top level of the snapshot.
import { z } from "zod";
import { figureRecordSchema } from "../schema";

const sourced = { source: z.string().min(3), asOf: z.iso.date() };

export const figuresFileSchema = z.object({
  asOf: z.iso.date(),
  priceLibrary: z.object({ name: z.string(), version: z.string(), published: z.iso.date() }),
  qualityPairing: z.object({ frontier: z.enum(["large", "small"]), mid: z.enum(["large", "small"]), small: z.enum(["large", "small"]), ...sourced }),
  figures: figureRecordSchema,
  policy: z.object({
    version: z.string(),
    weights: z.record(z.string(), z.number().nonnegative()),
    confidence: z.object({ base: z.number(), gapScale: z.number(), conflictPenalty: z.number(), min: z.number(), max: z.number() }),
    // factor -> answer -> [api, hosted-open, self-hosted, hybrid] scores in [-1, 1]
    scores: z.record(z.string(), z.record(z.string(), z.tuple([z.number(), z.number(), z.number(), z.number()]))),
    scoresComment: z.string(),
    ...sourced,
  }),
});
export type Figures = z.infer<typeof figuresFileSchema>;
