// catalog/gpu-market.json (owner: economics): GPU rental rates by source and term, and the terms of
// owning 8-GPU servers. Every number is a keyed figure (merged into snapshot.figures):
//   gpuMarket.<gpu>.<gpu-cloud|hyperscaler>.<on-demand|reserved-1y|reserved-3y|spot>   USD / GPU-hour
//   gpuMarket.<gpu>.owned.serverPriceUsd | serverKw                                    per 8-GPU server
//   gpuMarket.owned.{gpusPerServer,pue,electricityUsdPerKwh,colocationUsdPerKwMonth,maintenanceSharePerYear,depreciationYears}
import { z } from "zod";
import { figureRecordSchema } from "../schema";

export const GPU_TERMS = ["on-demand", "reserved-1y", "reserved-3y", "spot"] as const;
const RENTAL_SOURCES = ["gpu-cloud", "hyperscaler"] as const;

export const gpuMarketSchema = z
  .object({ $comment: z.string().optional(), asOf: z.iso.date(), figures: figureRecordSchema })
  .superRefine((f, ctx) => {
    const gpus = new Set(
      Object.keys(f.figures)
        .map((k) => k.split(".")[1])
        .filter((g) => g && g !== "owned"),
    );
    for (const g of gpus) {
      const need = [
        ...RENTAL_SOURCES.flatMap((s) =>
          GPU_TERMS.filter((t) => !(s === "hyperscaler" && t === "spot")).map((t) => `gpuMarket.${g}.${s}.${t}`),
        ),
        `gpuMarket.${g}.owned.serverPriceUsd`,
        `gpuMarket.${g}.owned.serverKw`,
      ];
      for (const k of need)
        if (!f.figures[k]) ctx.addIssue({ code: "custom", path: ["figures", k], message: `GPU ${g} needs ${k}` });
    }
    for (const k of [
      "gpusPerServer",
      "pue",
      "electricityUsdPerKwh",
      "colocationUsdPerKwMonth",
      "maintenanceSharePerYear",
      "depreciationYears",
    ]) {
      if (!f.figures[`gpuMarket.owned.${k}`])
        ctx.addIssue({ code: "custom", path: ["figures", `gpuMarket.owned.${k}`], message: "missing" });
    }
    for (const [k, v] of Object.entries(f.figures))
      if (!(v.value > 0)) ctx.addIssue({ code: "custom", path: ["figures", k, "value"], message: "must be positive" });
  });
