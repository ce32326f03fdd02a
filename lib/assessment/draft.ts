import type { z } from "zod";
import { ASSESSMENT_DEFAULTS } from "@/lib/engine/defaults";
import { MAX_WORKLOADS } from "@/lib/engine/enums";
import type {
  AssessmentInput,
  capabilitySchema,
  dataSchema,
  deploymentSchema,
  latencySchema,
  strategySchema,
  teamSchema,
  volumeSchema,
} from "@/lib/engine/schema";
import type { PortfolioInput } from "@/lib/engine/portfolio/schema";
import { DEFAULT_LATENCY_MS } from "./latency";

// The questionnaire's working copy of the answers (per-step validation with the engine's own group
// schemas, one schema for form and server, is in ./validate.ts: it needs zod, which the form loads on
// its first "Next", so this file imports the schemas' types only). Company steps (team, deployment, strategy) are
// answered once; workload steps (volume, data, latency, quality) once per workload. One workload
// is an ordinary assessment; two or more are a portfolio.

type PartialGroup<S extends z.ZodType> = Partial<z.input<S>>;
export type WorkloadDraft = {
  id: string;
  name: string;
  volume: PartialGroup<typeof volumeSchema>;
  data: PartialGroup<typeof dataSchema>;
  latency: PartialGroup<typeof latencySchema>;
  capability: PartialGroup<typeof capabilitySchema>;
};
export type Draft = {
  workloads: WorkloadDraft[];
  /** Index of the workload the workload steps are editing. */
  active: number;
  team: PartialGroup<typeof teamSchema>;
  deployment: PartialGroup<typeof deploymentSchema>;
  strategy: PartialGroup<typeof strategySchema>;
  assumptions?: AssessmentInput["assumptions"];
  /** The model each group of price overrides was set on (carried with them through a revision). */
  overrideModels?: AssessmentInput["overrideModels"];
};

export const WORKLOAD_GROUPS = ["volume", "data", "latency", "capability"] as const;
export const COMPANY_GROUPS = ["team", "deployment", "strategy"] as const;
export type WorkloadGroup = (typeof WORKLOAD_GROUPS)[number];
export type CompanyGroup = (typeof COMPANY_GROUPS)[number];

const D = ASSESSMENT_DEFAULTS;
export const emptyWorkload = (id = "w1", name = "Workload 1"): WorkloadDraft => ({
  id,
  name,
  volume: { ...D.volume },
  data: { ...D.data, regulations: [] },
  latency: { p95TargetMs: DEFAULT_LATENCY_MS, ...D.latency },
  capability: { ...D.capability },
});

export const emptyDraft = (): Draft => ({
  workloads: [emptyWorkload()],
  active: 0,
  team: {},
  deployment: { ...D.deployment },
  strategy: { ...D.strategy },
});

// The step order of the single-workload assessment is unchanged (volume first, team third).
export const STEPS = [
  { id: "volume", title: "Volume and growth", scope: "workload" },
  { id: "data", title: "Data and regulations", scope: "workload" },
  { id: "team", title: "Team", scope: "company" },
  { id: "latency", title: "Latency", scope: "workload" },
  { id: "capability", title: "Quality and customization", scope: "workload" },
  { id: "deployment", title: "Deployment", scope: "company" },
  { id: "strategy", title: "Strategy", scope: "company" },
  { id: "review", title: "Review", scope: "review" },
] as const;

export type StepId = (typeof STEPS)[number]["id"];
export type FieldErrors = Record<string, string>;

export const isWorkloadStep = (s: StepId): s is WorkloadGroup => (WORKLOAD_GROUPS as readonly string[]).includes(s);
export const activeWorkload = (d: Draft): WorkloadDraft => d.workloads[Math.min(d.active, d.workloads.length - 1)]!;
export const isPortfolio = (d: Draft) => d.workloads.length > 1;

/**
 * Where an API issue path lands in the form: which workload, which step and the field's own path
 * (`workloads.2.latency.p95TargetMs` → workload 2, step "latency", "latency.p95TargetMs").
 */
export function locateIssue(path: string): { workload?: number; step: StepId; field: string } | undefined {
  const m = /^workloads\.(\d+)\.(.+)$/.exec(path);
  const field = m ? m[2]! : path;
  const group = field.split(".")[0]!;
  if (group === "name" || group === "id") return m ? { workload: Number(m[1]), step: "volume", field } : undefined;
  const step = STEPS.find((s) => s.id === group && s.id !== "review")?.id;
  return step ? { ...(m ? { workload: Number(m[1]) } : {}), step, field } : undefined;
}

const company = (d: Draft) => ({
  team: d.team,
  deployment: d.deployment,
  strategy: d.strategy,
  ...(d.assumptions ? { assumptions: d.assumptions } : {}),
});
/** The single assessment's price-override binding (portfolios price several models: no binding). */
const bindingOf = (d: Draft) => (d.overrideModels ? { overrideModels: d.overrideModels } : {});
const groupsOf = (w: WorkloadDraft) => ({
  volume: w.volume,
  data: w.data,
  latency: w.latency,
  capability: w.capability,
});

/** The single assessment the first workload and the company answers make (the one-workload flow). */
export function toInput(draft: Draft, workload = 0): AssessmentInput {
  return { ...groupsOf(draft.workloads[workload]!), ...company(draft), ...bindingOf(draft) } as AssessmentInput;
}

export function toPortfolioInput(draft: Draft): PortfolioInput {
  return {
    workloads: draft.workloads.map((w) => ({ id: w.id, name: w.name, ...groupsOf(w) })),
    ...company(draft),
  } as PortfolioInput;
}

const base = emptyDraft;
function workloadFrom(groups: Partial<Pick<AssessmentInput, WorkloadGroup>>, id: string, name: string): WorkloadDraft {
  const e = emptyWorkload(id, name);
  return {
    id,
    name,
    volume: { ...e.volume, ...groups.volume },
    data: { ...e.data, ...groups.data },
    latency: { ...D.latency, ...groups.latency },
    capability: { ...e.capability, ...groups.capability },
  };
}

export function draftFromInput(input: AssessmentInput): Draft {
  const b = base();
  return {
    workloads: [workloadFrom(input, "w1", "Workload 1")],
    active: 0,
    team: { ...input.team },
    deployment: { ...b.deployment, ...input.deployment },
    strategy: { ...b.strategy, ...input.strategy },
    ...(input.assumptions ? { assumptions: input.assumptions } : {}),
    ...(input.overrideModels ? { overrideModels: input.overrideModels } : {}),
  };
}

export function draftFromPortfolio(input: PortfolioInput): Draft {
  const b = base();
  return {
    workloads: input.workloads.map((w) => workloadFrom(w, w.id, w.name)),
    active: 0,
    team: { ...input.team },
    deployment: { ...b.deployment, ...input.deployment },
    strategy: { ...b.strategy, ...input.strategy },
    ...(input.assumptions ? { assumptions: input.assumptions } : {}),
  };
}

/** A saved draft from this browser, in today's shape or the one-workload shape stored before portfolios. */
export function restoreDraft(saved: unknown): Draft | undefined {
  if (!saved || typeof saved !== "object") return undefined;
  const s = saved as Partial<Draft> & { volume?: unknown };
  if (Array.isArray(s.workloads) && s.workloads.length > 0) {
    const b = base();
    return {
      ...b,
      ...s,
      workloads: s.workloads.map((w, i) => ({ ...emptyWorkload(`w${i + 1}`, `Workload ${i + 1}`), ...w })),
      active: Math.min(Math.max(0, s.active ?? 0), s.workloads.length - 1),
    } as Draft;
  }
  if (s.volume) {
    const old = saved as Record<string, Record<string, unknown>>;
    return draftFromInput({ ...old, team: old.team ?? {} } as unknown as AssessmentInput);
  }
  return undefined;
}

// ---- Workload list editing (portfolio): add, duplicate, remove, reorder ----

function nextId(d: Draft): string {
  const used = new Set(d.workloads.map((w) => w.id));
  let n = d.workloads.length + 1;
  while (used.has(`w${n}`)) n++;
  return `w${n}`;
}

export const canAddWorkload = (d: Draft) => d.workloads.length < MAX_WORKLOADS;

export function addWorkload(d: Draft, from?: Partial<WorkloadDraft>): Draft {
  if (!canAddWorkload(d)) return d;
  const id = nextId(d);
  const w = { ...emptyWorkload(id, `Workload ${d.workloads.length + 1}`), ...from, id };
  return { ...d, workloads: [...d.workloads, w], active: d.workloads.length };
}

export function duplicateWorkload(d: Draft, i: number): Draft {
  const src = d.workloads[i];
  if (!src || !canAddWorkload(d)) return d;
  const copy = structuredClone(src);
  const id = nextId(d);
  const workloads = [...d.workloads];
  workloads.splice(i + 1, 0, { ...copy, id, name: `${src.name} (copy)`.slice(0, 80) });
  return { ...d, workloads, active: i + 1 };
}

export function removeWorkload(d: Draft, i: number): Draft {
  if (d.workloads.length <= 1) return d;
  const workloads = d.workloads.filter((_, j) => j !== i);
  return { ...d, workloads, active: Math.min(d.active > i ? d.active - 1 : d.active, workloads.length - 1) };
}

export function moveWorkload(d: Draft, i: number, by: -1 | 1): Draft {
  const j = i + by;
  if (j < 0 || j >= d.workloads.length) return d;
  const workloads = [...d.workloads];
  [workloads[i], workloads[j]] = [workloads[j]!, workloads[i]!];
  const active = d.active === i ? j : d.active === j ? i : d.active;
  return { ...d, workloads, active };
}
