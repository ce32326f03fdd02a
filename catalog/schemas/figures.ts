// catalog/figures.json: the first catalog file (GPU rates, throughput points, keyed figures,
// compliance channels, policy). Its sections move to their owners' files step by step; the build
// spreads this file's sections at the top level of the snapshot (the shape the engine reads today).
import { z } from "zod";
import { figureRecordSchema } from "../schema";

const sourced = { source: z.string().min(3), asOf: z.iso.date() };

export const figuresFileSchema = z.object({
  asOf: z.iso.date(),
  priceLibrary: z.object({ name: z.string(), version: z.string(), published: z.iso.date() }),
  qualityPairing: z.object({ frontier: z.enum(["large", "small"]), mid: z.enum(["large", "small"]), small: z.enum(["large", "small"]), ...sourced }),
  throughput: z.object({
    sloHeadroomFactor: z.object({ value: z.number().min(1), ...sourced }),
    points: z.array(
      z.object({
        sizeClass: z.enum(["large", "small"]),
        inputTokens: z.number().positive(),
        outputTokens: z.number().positive(),
        outputTokensPerSecond: z.number().positive(),
        maxThroughput: z.boolean().optional(),
        ...sourced,
      }),
    ),
    spread: z.object({ low: z.number().positive(), high: z.number().positive(), ...sourced }),
  }),
  figures: figureRecordSchema,
  compliance: z.object({
    channels: z.array(
      z.object({
        id: z.string(),
        option: z.enum(["api", "hosted-open"]),
        label: z.string(),
        zeroDataRetention: z.boolean(),
        baa: z.boolean(),
        dataResidency: z.array(z.string()),
        privateDeployment: z.boolean(),
        covers: z.array(z.enum(["hipaa", "gdpr", "pci", "soc2", "finra", "fedramp", "itar"])),
        ...sourced,
      }),
    ),
  }),
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
