// catalog/open-models.json: open-weights models RentOrOwn sizes on your own GPUs (owner: capacity).
import { z } from "zod";
import { evidence, figure } from "../schema";
import { PRECISIONS } from "./gpus";

const openModelSchema = z.object({
  id: z.string().regex(/^[a-z0-9.-]+$/),
  label: z.string().min(3),
  family: z.string().min(2),
  architecture: z.enum(["dense", "moe"]),
  /** The proprietary API tier this model substitutes for (frontier-tier open models are near, not at, the frontier). */
  qualityTier: z.enum(["frontier", "mid", "small"]),
  quality: evidence(),
  totalParamsB: figure(),
  activeParamsB: figure(),
  layers: z.number().int().positive(),
  /** Layers with full attention; the others attend within `slidingWindow` tokens. */
  fullAttentionLayers: z.number().int().positive(),
  kvHeads: z.number().int().positive(),
  headDim: z.number().int().positive(),
  /** Query heads × head dim (attention FLOPs). */
  queryDim: z.number().int().positive(),
  slidingWindow: z.number().int().nonnegative(),
  /** Multi-head latent attention: the cache holds one `headDim`-wide latent per layer per token (no separate K and V). */
  kvLatent: z.boolean().optional(),
  contextWindowTokens: figure(),
  precisions: z
    .array(z.object({ precision: z.enum(PRECISIONS), native: z.boolean().optional(), weightsGb: figure() }))
    .min(1),
  license: z.string().min(2),
  conditions: z.string().optional(),
  asOf: z.iso.date(),
});

export const openModelsFileSchema = z
  .object({ $comment: z.string().optional(), asOf: z.iso.date(), models: z.array(openModelSchema).min(1) })
  .superRefine((f, ctx) => {
    f.models.forEach((m, i) => {
      if (f.models.findIndex((x) => x.id === m.id) !== i)
        ctx.addIssue({ code: "custom", path: ["models", i, "id"], message: `duplicate model id ${m.id}` });
      if (m.activeParamsB.value > m.totalParamsB.value)
        ctx.addIssue({
          code: "custom",
          path: ["models", i, "activeParamsB"],
          message: "active parameters exceed total",
        });
      if (m.fullAttentionLayers > m.layers)
        ctx.addIssue({
          code: "custom",
          path: ["models", i, "fullAttentionLayers"],
          message: "more full-attention layers than layers",
        });
      if (m.fullAttentionLayers < m.layers && m.slidingWindow <= 0)
        ctx.addIssue({
          code: "custom",
          path: ["models", i, "slidingWindow"],
          message: "windowed layers need a window",
        });
    });
  });
export type OpenModelsFile = z.output<typeof openModelsFileSchema>;
export type OpenModel = OpenModelsFile["models"][number];
