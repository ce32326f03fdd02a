// catalog/figures.json: the first catalog file (keyed figures, the open-weights size pairing, the
// scoring policy); the build spreads its sections at the top level of the snapshot.
import { z } from "zod";
import {
  CUSTOMIZATIONS,
  FACTORS,
  OPTIONS,
  FRONTIER_NEEDS,
  LATENCY_CLASSES,
  LOCK_IN_CONCERNS,
  ML_OPS_MATURITIES,
  SENSITIVITIES,
  TIMES_TO_MARKET,
  VOLUME_BANDS,
} from "@/lib/engine/enums";
import { figureRecordSchema } from "../schema";

const sourced = { source: z.string().min(3), asOf: z.iso.date() };

/** An object with exactly these keys (in this order), each of the given schema: a missing or unknown key fails the build. */
function exactly<K extends string, S extends z.ZodType>(keys: readonly K[], value: S) {
  return z.strictObject(Object.fromEntries(keys.map((k) => [k, value])) as Record<K, S>);
}

/** One score in [-1, 1] per option, keyed by option id (never by position). */
const scoreRow = exactly(OPTIONS, z.number().min(-1).max(1));

/** factor -> answer -> scores, typed by the engine's enums: every answer of every scored factor, nothing else. */
const policyScoresSchema = z.strictObject({
  sensitivity: exactly(SENSITIVITIES, scoreRow),
  volume: exactly(VOLUME_BANDS, scoreRow),
  team: exactly(ML_OPS_MATURITIES, scoreRow),
  latency: exactly(LATENCY_CLASSES, scoreRow),
  frontier: exactly(FRONTIER_NEEDS, scoreRow),
  customization: exactly(CUSTOMIZATIONS, scoreRow),
  timeToMarket: exactly(TIMES_TO_MARKET, scoreRow),
  lockIn: exactly(LOCK_IN_CONCERNS, scoreRow),
});

export const figuresFileSchema = z.object({
  asOf: z.iso.date(),
  priceLibrary: z.object({ name: z.string(), version: z.string(), published: z.iso.date() }),
  qualityPairing: z.object({
    frontier: z.enum(["large", "small"]),
    mid: z.enum(["large", "small"]),
    small: z.enum(["large", "small"]),
    ...sourced,
  }),
  figures: figureRecordSchema,
  policy: z.object({
    version: z.string(),
    /** One weight per factor (lib/engine/enums.ts FACTORS): a missing weight fails the build instead of weighing 0. */
    weights: exactly(FACTORS, z.number().nonnegative()),
    confidence: z.object({
      base: z.number(),
      gapScale: z.number(),
      conflictPenalty: z.number(),
      min: z.number(),
      max: z.number(),
    }),
    scores: policyScoresSchema,
    scoresComment: z.string(),
    ...sourced,
  }),
});
export type Figures = z.infer<typeof figuresFileSchema>;
