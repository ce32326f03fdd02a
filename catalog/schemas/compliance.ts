// catalog/compliance.json (owner: catalog): the compliance matrix per channel (provider × deployment).
// Each cell is a fact with its evidence; lib/engine/compliance.ts is its only reader.
import { z } from "zod";
import { evidence } from "../schema";

export const CELL_STATUSES = ["yes", "partial", "no", "unknown"] as const;
export const DEPLOYMENTS = ["public-api", "enterprise-zdr", "private-tenancy", "eu-region", "gov-cloud"] as const;
export const CELLS = ["baa", "dpa", "euResidency", "zeroDataRetention", "soc2", "fedramp", "pci", "itar"] as const;
export type CellKey = (typeof CELLS)[number];

const cell = evidence({
  status: z.enum(CELL_STATUSES),
  /** What to get in the contract when the status is partial. */
  note: z.string().min(3).optional(),
  /** FedRAMP authorization level. */
  level: z.enum(["low", "moderate", "high"]).optional(),
});
export type ComplianceCell = z.output<typeof cell>;

const channel = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  provider: z.string().min(2),
  deployment: z.enum(DEPLOYMENTS),
  /** Which external options the channel serves: proprietary models ("api") and/or open weights ("hosted-open"). */
  serves: z.array(z.enum(["api", "hosted-open"])).min(1),
  /** Proprietary vendors whose models the channel serves (for "api"). */
  vendors: z.array(z.string().min(2)).optional(),
  /** When present, only these API model ids (apiModels[].id) are served on the channel (a gov-cloud region carrying older models). */
  apiModels: z.array(z.string()).optional(),
  label: z.string().min(3),
  notes: z.string().optional(),
  ...(Object.fromEntries(CELLS.map((k) => [k, cell])) as Record<CellKey, typeof cell>),
});
export type ComplianceChannel = z.output<typeof channel>;

const firmCheck = evidence({ text: z.string().min(20) });

export const complianceFileSchema = z
  .object({
    $comment: z.string().optional(),
    asOf: z.iso.date(),
    policy: evidence({
      /** Sensitivities for which GDPR also needs processing inside the EU (RentOrOwn policy). */
      gdprEuResidencyFor: z.array(z.enum(["public", "internal", "confidential", "regulated"])),
      /** Whether a "partial" cell (available under a stated condition) counts as meeting the need. */
      acceptPartial: z.boolean(),
      text: z.string().min(20),
    }),
    firmMustVerify: z.object({ finra: firmCheck, itar: firmCheck }),
    channels: z.array(channel).min(4),
  })
  .superRefine((f, ctx) => {
    f.channels.forEach((c, i) => {
      if (f.channels.findIndex((x) => x.id === c.id) !== i)
        ctx.addIssue({ code: "custom", path: ["channels", i, "id"], message: `duplicate channel ${c.id}` });
      for (const k of CELLS)
        if (c[k].status === "partial" && !c[k].note)
          ctx.addIssue({
            code: "custom",
            path: ["channels", i, k, "note"],
            message: "a partial cell must say what to get in the contract (note)",
          });
      if (c.fedramp.status !== "no" && c.fedramp.status !== "unknown" && !c.fedramp.level)
        ctx.addIssue({
          code: "custom",
          path: ["channels", i, "fedramp", "level"],
          message: "a FedRAMP authorization needs its level",
        });
    });
  });
export type ComplianceFile = z.output<typeof complianceFileSchema>;
