import type { Evaluation, ParsedAssessmentInput } from "@/lib/engine";
import type { ParsedPortfolioInput, PortfolioEvaluation } from "@/lib/engine/portfolio";

// Stored revisions are immutable, but what the engine returns grows. Each revision row carries its
// `kind` and the `shapeVersion` it was written in; `toStoredRevision()` is the ONE place that turns a
// row (from a project page, the revisions API, a share link or the PDF) into the typed shape today's
// components render, upgrading old shapes on the way. Dates leave the data layer as ISO strings.
//
// Shapes:
//  1 — before versioning: a single assessment; the Evaluation of its day (no costPremiumUsd,
//      whatWouldChange, economics, comparison.gpuTerm; perMillionTokensUsd 0 where no tokens were served).
//  2 — `kind` "assessment" (ParsedAssessmentInput + Evaluation) or "portfolio"
//      (ParsedPortfolioInput + PortfolioEvaluation), as computed by the engine at save time.

export const REVISION_SHAPE_VERSION = 2;
export type RevisionKind = "assessment" | "portfolio";

type Common = {
  id: string;
  number: number;
  /** ISO 8601, UTC. */
  createdAt: string;
  catalogVersion: string;
  recommendation: string;
  /** The shape the row was stored in (upgraded to today's on read). */
  storedShapeVersion: number;
  /** Fields today's engine computes that did not exist when this revision was saved (shown as "not recorded"). */
  notRecorded: string[];
};
export type StoredAssessmentRevision = Common & { kind: "assessment"; input: ParsedAssessmentInput; evaluation: Evaluation };
export type StoredPortfolioRevision = Common & { kind: "portfolio"; input: ParsedPortfolioInput; evaluation: PortfolioEvaluation };
export type StoredRevision = StoredAssessmentRevision | StoredPortfolioRevision;

/** A revision row as the database returns it (Prisma's Json columns are `unknown` here). */
export type RevisionRow = {
  id: string;
  number: number;
  createdAt: Date | string;
  catalogVersion: string;
  recommendation: string;
  kind?: string | null;
  shapeVersion?: number | null;
  input: unknown;
  evaluation: unknown;
};

const iso = (d: Date | string) => (typeof d === "string" ? new Date(d) : d).toISOString();
type Json = Record<string, unknown>;

/** Fills what an Evaluation stored in shape 1 lacks, with values that say "not computed then" (never invented figures). */
function upgradeEvaluationV1(raw: Json): { evaluation: Evaluation; notRecorded: string[] } {
  const e: Json = structuredClone(raw);
  const notRecorded: string[] = [];
  const costs = (e.costs ?? {}) as Record<string, Json>;
  const ranking = (e.ranking ?? []) as { option: string; excluded: boolean }[];
  if (e.costPremiumUsd === undefined) {
    // Derivable from what was stored: the verdict's TCO minus the cheapest usable option's.
    const usable = ranking.filter((r) => !r.excluded).map((r) => Number(costs[r.option]?.tcoUsd ?? Infinity));
    const verdict = Number(costs[String(e.recommendation)]?.tcoUsd ?? 0);
    const cheapest = usable.length ? Math.min(...usable) : verdict;
    e.costPremiumUsd = Math.max(0, verdict - cheapest);
  }
  if (e.whatWouldChange === undefined) {
    e.whatWouldChange = [];
    notRecorded.push("whatWouldChange");
  }
  if (e.keyReasons === undefined) e.keyReasons = [];
  if (e.economics === undefined) {
    e.economics = { gpuTerms: [], priceTrends: null, growthSaturation: null };
    notRecorded.push("economics");
  }
  const comparison = (e.comparison ?? {}) as Json;
  if (comparison.gpuTerm === undefined) comparison.gpuTerm = "";
  e.comparison = comparison;
  // v1 wrote 0 $/M for an option that costs money but serves no tokens; v1.1 says null.
  const served = Number(e.tokensPerDay ?? 0) > 0;
  for (const c of Object.values(costs)) if (!served && Number(c.tcoUsd ?? 0) > 0 && c.perMillionTokensUsd === 0) c.perMillionTokensUsd = null;
  return { evaluation: e as unknown as Evaluation, notRecorded };
}

/** The one mapper from a stored row to what pages, routes, share links and the PDF render. */
export function toStoredRevision(row: RevisionRow): StoredRevision {
  const version = row.shapeVersion ?? 1;
  const common = {
    id: row.id,
    number: row.number,
    createdAt: iso(row.createdAt),
    catalogVersion: row.catalogVersion,
    recommendation: row.recommendation,
    storedShapeVersion: version,
  };
  if (version > REVISION_SHAPE_VERSION) throw new Error(`revision ${row.id} was stored in shape ${version}, newer than this server understands (${REVISION_SHAPE_VERSION})`);
  if (row.kind === "portfolio") {
    return { ...common, kind: "portfolio", notRecorded: [], input: row.input as ParsedPortfolioInput, evaluation: row.evaluation as PortfolioEvaluation };
  }
  if (version === 1) {
    const { evaluation, notRecorded } = upgradeEvaluationV1(row.evaluation as Json);
    return { ...common, kind: "assessment", notRecorded, input: row.input as ParsedAssessmentInput, evaluation };
  }
  return { ...common, kind: "assessment", notRecorded: [], input: row.input as ParsedAssessmentInput, evaluation: row.evaluation as Evaluation };
}

/** What a save writes: today's shape version with its kind. */
export function revisionColumns(kind: RevisionKind, input: unknown, evaluation: { catalogVersion: string }, recommendation: string) {
  return { kind, shapeVersion: REVISION_SHAPE_VERSION, input: toJson(input), evaluation: toJson(evaluation), catalogVersion: evaluation.catalogVersion, recommendation };
}

/** Plain JSON (Prisma's Json columns): drops undefined, typed arrays become arrays via their toJSON-less copy. */
export function toJson<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}

/** The project list's one-word summary of a revision: the verdict, or "portfolio" for a plan. */
export const PORTFOLIO_RECOMMENDATION = "portfolio";

/** How a stored `recommendation` reads in lists: the option's name, or "Portfolio plan". */
export function recommendationLabel(recommendation: string, optionLabel: (o: never) => string): string {
  return recommendation === PORTFOLIO_RECOMMENDATION ? "Portfolio plan" : optionLabel(recommendation as never);
}
