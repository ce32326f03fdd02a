// The shared evidence shape of every catalog figure (board convention, 2026-12-01). Every number
// the engine uses carries what it is (value, unit), how sure we are (low–high range), what kind of
// evidence backs it (grade), where it comes from (source, url) and when that was checked (asOf).
//
//   measured  a benchmark run or a published price list: source + date, and `conditions`
//             (engine version, precision, SLO, region, term…) when the number depends on them
//   derived   computed from measured figures: `derivation` says how
//   assumed   RentOrOwn policy or a practitioner's estimate: the range says how unsure
//
// Data owners compose their file schemas from these pieces (catalog/schemas/<file>.ts). Use
// `figure()` / `keyedFigure()` to add fields: they re-apply the checks (low ≤ value ≤ high, a
// derived figure says how). Zod 4 refuses `.extend()` on a refined schema, hence the helpers.
import { z } from "zod";

export const GRADES = ["measured", "derived", "assumed"] as const;
export type Grade = (typeof GRADES)[number];

/** Provenance without a number: for rows whose content is a fact (a compliance cell, a licence). */
export const evidenceShape = {
  grade: z.enum(GRADES),
  /** Human-readable source: document, page or dataset, and the research note section it is cited in. */
  source: z.string().min(3),
  /** The date the figure was checked at its source (not the publish date of a library that carries it). */
  asOf: z.iso.date(),
  /** Link to the public source, when there is one (the /catalog page links it). */
  url: z.url().optional(),
  /** Measurement conditions: engine and version, precision, SLO, region, contract term… */
  conditions: z.string().min(3).optional(),
  /** How a derived figure was computed from measured ones. */
  derivation: z.string().min(3).optional(),
} as const;

type EvidenceLike = { grade: Grade; derivation?: string | undefined };

function checkEvidence(e: EvidenceLike, ctx: z.RefinementCtx) {
  if (e.grade === "derived" && !e.derivation)
    ctx.addIssue({
      code: "custom",
      path: ["derivation"],
      message: "a derived figure must say how it was derived (derivation)",
    });
}

function checkRange(f: { value: number; low: number; high: number }, ctx: z.RefinementCtx) {
  if (!(f.low <= f.value))
    ctx.addIssue({ code: "custom", path: ["low"], message: `low (${f.low}) must be ≤ value (${f.value})` });
  if (!(f.value <= f.high))
    ctx.addIssue({ code: "custom", path: ["high"], message: `high (${f.high}) must be ≥ value (${f.value})` });
}

/** Evidence for a non-numeric fact, optionally with extra fields. */
export function evidence<S extends z.ZodRawShape = Record<never, never>>(extra?: S) {
  return z
    .object({ ...evidenceShape, ...(extra ?? ({} as S)) })
    .superRefine((e, ctx) => checkEvidence(e as EvidenceLike, ctx));
}
export const evidenceSchema = evidence();
export type Evidence = z.output<typeof evidenceSchema>;

export const figureShape = {
  value: z.number().finite(),
  unit: z.string().min(1),
  low: z.number().finite(),
  high: z.number().finite(),
  ...evidenceShape,
} as const;

/** A sourced, graded number with its plausible range, optionally with extra fields. */
export function figure<S extends z.ZodRawShape = Record<never, never>>(extra?: S) {
  return z.object({ ...figureShape, ...(extra ?? ({} as S)) }).superRefine((f, ctx) => {
    checkEvidence(f as EvidenceLike, ctx);
    checkRange(f as { value: number; low: number; high: number }, ctx);
  });
}
export const figureSchema = figure();
export type Figure = z.output<typeof figureSchema>;

/**
 * A figure addressed by key (`catalog.figures[key]`, read with `figureOf`): it also carries the label
 * and group the assumptions panel and /catalog show.
 */
export const keyedFigureSchema = figure({ label: z.string().min(3), group: z.string().min(2) });
export type KeyedFigure = z.output<typeof keyedFigureSchema>;
export function keyedFigure<S extends z.ZodRawShape>(extra: S) {
  return figure({ label: z.string().min(3), group: z.string().min(2), ...extra });
}

/**
 * Every catalog file may carry a top-level `figures` record: the build merges them all into the one
 * `snapshot.figures` map (a key defined by two files is a build error). Namespace keys by file,
 * e.g. `gpuMarket.pue`, `economics.priceTrendPctPerYear`.
 */
export const figureRecordSchema = z.record(z.string().regex(/^[a-zA-Z][\w.-]*$/), keyedFigureSchema);

/** Walks any parsed catalog value and returns the paths of objects that look like a figure but are not valid ones. */
export function invalidFigures(value: unknown, path: (string | number)[] = []): { path: string; message: string }[] {
  const out: { path: string; message: string }[] = [];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...invalidFigures(v, [...path, i])));
  else if (value && typeof value === "object") {
    const o = value as Record<string, unknown>;
    if (typeof o.value === "number" && "unit" in o) {
      const r = figureSchema.safeParse(o);
      if (!r.success)
        for (const i of r.error.issues) out.push({ path: [...path, ...i.path].join("."), message: i.message });
    }
    for (const [k, v] of Object.entries(o)) out.push(...invalidFigures(v, [...path, k]));
  }
  return out;
}
