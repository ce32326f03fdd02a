// catalog/api-models.json (owner: catalog): the proprietary models RentOrOwn prices, per tier, with
// their vendor's recommendation, context limits and speed as graded figures. Prices are NOT typed
// here: the build reads them from the pinned @pydantic/genai-prices at `pricedAt`.
import { z } from "zod";
import { evidence, figure } from "../schema";

export const API_TIERS = ["frontier", "mid", "small"] as const;

const apiModelSchema = z.object({
  /** `<provider>/<model>`: what `capability.apiModel` names. */
  id: z.string().regex(/^[a-z0-9-]+\/[a-z0-9.-]+$/),
  tier: z.enum(API_TIERS),
  vendor: z.string().min(2),
  /** Provider id and model id in the price library. */
  provider: z.string().min(2),
  model: z.string().min(2),
  label: z.string().min(3),
  status: z.enum(["ga", "preview"]),
  released: z.iso.date().optional(),
  /**
   * Candidate for the tier default: the vendor's recommended current model for this tier, with the
   * page that says so. One candidate per vendor and tier.
   */
  recommended: evidence({ note: z.string().min(3) }).optional(),
  /**
   * The vendor's model line for this tier in the price library: regexes whose first capture group is
   * the version ("5.5", "4-5"). A test fails when the library carries a newer version of the line.
   */
  line: z.array(z.string().min(3)).min(1),
  contextTokens: figure(),
  maxOutputTokens: figure(),
  outputTokensPerSecond: figure(),
  timeToFirstTokenSeconds: figure(),
  notes: z.string().optional(),
});

export const apiModelsFileSchema = z
  .object({
    $comment: z.string().optional(),
    /** Conditional prices in the library (introductory rates, price cuts) are read as in force on this date. */
    pricedAt: z.iso.date(),
    /** How and when the library's prices were checked against the vendors' pages. */
    priceCheck: evidence(),
    /** Output tokens billed per visible output token (reasoning tokens bill as output), per tier. */
    reasoningMultiplier: z.object({ frontier: figure(), mid: figure(), small: figure() }),
    defaultRule: z.string().min(20),
    /** Input:output token weights of the blended price the default rule ranks by. */
    blend: z.object({ input: z.number().positive(), output: z.number().positive(), source: z.string().min(3) }),
    models: z.array(apiModelSchema).min(3),
  })
  .superRefine((f, ctx) => {
    f.models.forEach((m, i) => {
      if (f.models.findIndex((x) => x.id === m.id) !== i)
        ctx.addIssue({ code: "custom", path: ["models", i, "id"], message: `duplicate model id ${m.id}` });
      if (m.id !== `${m.provider}/${m.model}`)
        ctx.addIssue({ code: "custom", path: ["models", i, "id"], message: `id must be ${m.provider}/${m.model}` });
      if (
        m.recommended &&
        f.models.some((x, j) => j < i && x.recommended && x.tier === m.tier && x.vendor === m.vendor)
      ) {
        ctx.addIssue({
          code: "custom",
          path: ["models", i, "recommended"],
          message: `two recommended ${m.tier} models of ${m.vendor}`,
        });
      }
      for (const re of m.line) {
        try {
          new RegExp(re);
        } catch {
          ctx.addIssue({ code: "custom", path: ["models", i, "line"], message: `invalid regex ${re}` });
        }
      }
    });
    for (const tier of API_TIERS) {
      if (!f.models.some((m) => m.tier === tier && m.recommended))
        ctx.addIssue({ code: "custom", path: ["models"], message: `no recommended ${tier} model` });
    }
  });
export type ApiModelsFile = z.output<typeof apiModelsFileSchema>;
