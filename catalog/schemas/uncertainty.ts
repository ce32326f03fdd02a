// catalog/uncertainty.json: how the Monte Carlo (lib/engine/uncertainty) reads every figure's range —
// the share of draws each evidence grade's low–high range holds, which figures move together and how
// strongly, the figures held at their value (choices, not uncertainties), the default draw count and seed.
import { z } from "zod";

const share = z.number().gt(0).lt(1);
const sourced = { source: z.string().min(3), asOf: z.iso.date() };

export const uncertaintySchema = z.object({
  $comment: z.string().optional(),
  version: z.string(),
  /** Share of draws that fall inside a figure's low–high range, by evidence grade (and for a user's own range). */
  coverage: z.object({ measured: share, derived: share, assumed: share, user: share }),
  /** Figures that move together: one shared latent normal per group (Gaussian copula), pairwise rank correlation ≈ `correlation`. */
  groups: z.array(
    z.object({
      id: z.string().min(1),
      label: z.string().min(3),
      correlation: z.number().min(0).lt(1),
      keys: z.array(z.string().min(3)).min(2),
      ...sourced,
    }),
  ),
  /** Figures never drawn: choices the user makes (availability floor, depreciation life) or rule-only figures (latency round trip). */
  held: z.array(z.string().min(3)),
  draws: z.number().int().min(100).max(20_000),
  seed: z.number().int().min(0).max(0xffffffff),
  ...sourced,
});
export type UncertaintyMethod = z.infer<typeof uncertaintySchema>;
