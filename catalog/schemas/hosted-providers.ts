// catalog/hosted-providers.json (owner: catalog): hosted open-weights prices as a market — several
// providers per open model, each offer tied to the compliance channel(s) it is sold under.
import { z } from "zod";
import { evidence } from "../schema";

const listedPrice = evidence({ inputUsdPerMTok: z.number().nonnegative(), outputUsdPerMTok: z.number().nonnegative() });

const offerSchema = z
  .object({
    /** Channel ids of catalog/compliance.json. */
    channels: z.array(z.string().min(2)).min(1),
    label: z.string().min(2),
    /** Price library provider and model id (priced by the build), or… */
    provider: z.string().min(2).optional(),
    model: z.string().min(2).optional(),
    /** …a price from a dated page, with its evidence. */
    listed: listedPrice.optional(),
    note: z.string().optional(),
  })
  .refine((o) => (o.provider && o.model && !o.listed) || (!o.provider && !o.model && o.listed), {
    message: "an offer has either provider+model (price library) or listed (dated page)",
  });

export const hostedProvidersFileSchema = z.object({
  $comment: z.string().optional(),
  rule: z.string().min(20),
  models: z
    .array(
      z.object({
        id: z.string().regex(/^[a-z0-9.-]+$/),
        label: z.string().min(2),
        offers: z.array(offerSchema).min(2),
      }),
    )
    .min(2),
});
export type HostedProvidersFile = z.output<typeof hostedProvidersFileSchema>;
