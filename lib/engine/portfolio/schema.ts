import { z } from "zod";
import type { ParsedAssessmentInput } from "../schema";
import {
  assessmentInputSchema,
  capabilitySchema,
  dataSchema,
  deploymentSchema,
  latencySchema,
  strategySchema,
  teamSchema,
  volumeSchema,
} from "../schema";

// Portfolio input (contract v1.1 "Portfolio"): several workloads, one company. Each workload has the
// assessment input's per-workload groups; team, deployment, strategy and assumptions are the company's,
// shared by every workload. One schema for the questionnaire and POST /api/v1/portfolio; issue paths
// are exact (`workloads.2.latency.p95TargetMs`).

// The limit lives with the zod-free enums so the questionnaire can read it without loading zod.
import { MAX_WORKLOADS } from "../enums";
export { MAX_WORKLOADS };

export const workloadSchema = z.object({
  id: z
    .string({ error: "Give the workload an id" })
    .min(1, "Give the workload an id")
    .max(64, "At most 64 characters")
    .regex(/^[A-Za-z0-9_.-]+$/, "Letters, digits, '-', '_' and '.' only"),
  name: z
    .string({ error: "Give the workload a name" })
    .trim()
    .min(1, "Give the workload a name")
    .max(80, "At most 80 characters"),
  volume: volumeSchema,
  data: dataSchema,
  latency: latencySchema,
  capability: capabilitySchema,
});

const assumptionsSchema = assessmentInputSchema.shape.assumptions;

export const portfolioInputSchema = z
  .object({
    workloads: z
      .array(workloadSchema, { error: "List the workloads" })
      .min(1, "Add at least one workload")
      .max(MAX_WORKLOADS, `At most ${MAX_WORKLOADS} workloads in one portfolio`),
    team: teamSchema,
    deployment: deploymentSchema.prefault({}),
    strategy: strategySchema.prefault({}),
    assumptions: assumptionsSchema,
  })
  .superRefine((p, ctx) => {
    const seen = new Map<string, number>();
    p.workloads.forEach((w, i) => {
      const first = seen.get(w.id);
      if (first !== undefined)
        ctx.addIssue({
          code: "custom",
          path: ["workloads", i, "id"],
          message: `Duplicate id "${w.id}" (also workload ${first + 1})`,
        });
      else seen.set(w.id, i);
    });
  });

export type PortfolioInput = z.input<typeof portfolioInputSchema>;
export type ParsedPortfolioInput = z.output<typeof portfolioInputSchema>;
export type WorkloadInput = z.input<typeof workloadSchema>;
export type ParsedWorkload = z.output<typeof workloadSchema>;

/** A portfolio body is told from a single assessment by its `workloads` array (CLI, stored revisions). */
export function isPortfolioShape(raw: unknown): boolean {
  return typeof raw === "object" && raw !== null && Array.isArray((raw as { workloads?: unknown }).workloads);
}

/** The assessment input of one workload: its own groups with the company's team, deployment, strategy and assumptions. */
export function workloadInput(p: ParsedPortfolioInput, i: number): ParsedAssessmentInput {
  const w = p.workloads[i]!;
  return {
    volume: w.volume,
    data: w.data,
    latency: w.latency,
    capability: w.capability,
    team: p.team,
    deployment: p.deployment,
    strategy: p.strategy,
    ...(p.assumptions ? { assumptions: p.assumptions } : {}),
  } as ParsedAssessmentInput;
}
