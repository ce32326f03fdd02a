// catalog/economics.json (owner: economics): staff ratios, fine-tuning and evaluation costs, price
// trends, growth saturation and the cost model's policy constants, as keyed figures
// (`economics.*`, merged into snapshot.figures), plus the policy statements the engine follows.
import { z } from "zod";
import { figureRecordSchema } from "../schema";

export const ECONOMICS_KEYS = [
  "economics.people.ftePer100Gpus",
  "economics.people.ftePerModel",
  "economics.people.onCallFte",
  "economics.fineTuning.retrainsPerYear",
  "economics.fineTuning.gpuHoursPerRetrainLarge",
  "economics.fineTuning.gpuHoursPerRetrainSmall",
  "economics.fineTuning.engineerMonthsPerRetrain",
  "economics.fineTuning.evalUsdPerMonth",
  "economics.trend.apiDeclinePerYear.frontier",
  "economics.trend.apiDeclinePerYear.mid",
  "economics.trend.apiDeclinePerYear.small",
  "economics.trend.hostedOpenDeclinePerYear",
  "economics.trend.gpuRentalChangePerYear",
  "economics.growth.maxMultiple",
  "economics.costBinding.maxPremiumShare",
  "economics.costBinding.premiumFloorUsd",
  "economics.costScore.parityRatio",
  "economics.breakEven.minTokensPerDay",
  "economics.breakEven.maxTokensPerDay",
  "economics.hybrid.minShare",
] as const;

export const economicsSchema = z
  .object({
    $comment: z.string().optional(),
    asOf: z.iso.date(),
    policy: z.object({
      version: z.string(),
      grade: z.literal("assumed"),
      source: z.string().min(3),
      asOf: z.iso.date(),
      loadDuration: z.string().min(10),
      gpusPerReplicaRounding: z.string().min(10),
      ownedCashFlow: z.string().min(10),
      priceTrends: z.string().min(10),
    }),
    figures: figureRecordSchema,
  })
  .superRefine((f, ctx) => {
    for (const k of ECONOMICS_KEYS)
      if (!f.figures[k]) ctx.addIssue({ code: "custom", path: ["figures", k], message: `missing ${k}` });
    const d = (k: string) => f.figures[k];
    for (const k of [
      "economics.trend.apiDeclinePerYear.frontier",
      "economics.trend.apiDeclinePerYear.mid",
      "economics.trend.apiDeclinePerYear.small",
      "economics.trend.hostedOpenDeclinePerYear",
    ]) {
      const x = d(k);
      if (x && !(x.low >= 0 && x.high < 1))
        ctx.addIssue({ code: "custom", path: ["figures", k], message: "a yearly decline lies in [0, 1)" });
    }
  });
