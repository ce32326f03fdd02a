// catalog/gpus.json: GPU hardware the performance model needs (owner: capacity). Prices are not
// here (catalog/gpu-market.json); these are datasheet peaks that the fitted efficiencies of
// catalog/performance.json turn into delivered rates.
import { z } from "zod";
import { figure } from "../schema";

export const PRECISIONS = ["bf16", "fp8", "fp4"] as const;
export type Precision = (typeof PRECISIONS)[number];

const gpuSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  label: z.string().min(3),
  vendor: z.enum(["nvidia", "amd"]),
  architecture: z.string().min(2),
  maxGpusPerNode: z.number().int().positive(),
  memoryGb: figure(),
  memoryBandwidthTBps: figure(),
  powerW: figure(),
  /** Dense tensor throughput by precision; a precision missing here runs weight-only at the next wider one. */
  denseTflops: z.object({ bf16: figure(), fp8: figure().optional(), fp4: figure().optional() }),
});

export const gpusFileSchema = z
  .object({ $comment: z.string().optional(), asOf: z.iso.date(), gpus: z.array(gpuSchema).min(1) })
  .superRefine((f, ctx) => {
    const ids = f.gpus.map((g) => g.id);
    ids.forEach(
      (id, i) =>
        ids.indexOf(id) !== i &&
        ctx.addIssue({ code: "custom", path: ["gpus", i, "id"], message: `duplicate GPU id ${id}` }),
    );
  });
export type GpusFile = z.output<typeof gpusFileSchema>;
export type GpuHardware = GpusFile["gpus"][number];
