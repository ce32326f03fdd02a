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
//  3 — as 2; an assessment's price overrides are bound to the model they were set on
//      (`input.overrideModels`, contract v1.2) and the Evaluation has `priceOverrides` and
//      `comparison.apiModelId`/`hostedModelId`. Shapes 1–2 are bound on read to the models their stored
//      Evaluation priced (the model the user saw the figure next to), so revising them never lets a
//      figure move silently to another model.

export const REVISION_SHAPE_VERSION = 3;
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
export type StoredAssessmentRevision = Common & {
  kind: "assessment";
  input: ParsedAssessmentInput;
  evaluation: Evaluation;
};
export type StoredPortfolioRevision = Common & {
  kind: "portfolio";
  input: ParsedPortfolioInput;
  evaluation: PortfolioEvaluation;
};
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
  for (const c of Object.values(costs))
    if (!served && Number(c.tcoUsd ?? 0) > 0 && c.perMillionTokensUsd === 0) c.perMillionTokensUsd = null;
  return { evaluation: e as unknown as Evaluation, notRecorded };
}

/** Catalog ids of the models a stored Evaluation names by label (shapes 1–2 stored labels only); server code passes the catalog's. */
export type ModelIdsOfLabels = {
  api: (label: string) => string | undefined;
  hostedOpen: (label: string) => string | undefined;
};

const API_PRICE = /^api\.(input|cachedInput|output)UsdPerMTok$/;
const HOSTED_PRICE = /^hostedOpen\.(input|output)UsdPerMTok$/;

/**
 * The input with each group of price overrides bound to a model (`overrideModels`), where it is not
 * yet: to the model `priced` names (what the Evaluation computed with that input priced). Unchanged
 * when there is nothing to bind.
 */
export function bindPriceOverrides<
  T extends {
    assumptions?: Record<string, number | undefined>;
    overrideModels?: { api?: string; hostedOpen?: string };
  },
>(input: T, priced: { api?: string; hostedOpen?: string }): T {
  const keys = Object.keys(input.assumptions ?? {});
  const next = { ...input.overrideModels };
  if (!next.api && priced.api && keys.some((k) => API_PRICE.test(k))) next.api = priced.api;
  if (!next.hostedOpen && priced.hostedOpen && keys.some((k) => HOSTED_PRICE.test(k)))
    next.hostedOpen = priced.hostedOpen;
  return next.api === input.overrideModels?.api && next.hostedOpen === input.overrideModels?.hostedOpen
    ? input
    : { ...input, overrideModels: next };
}

/** The models an Evaluation priced, by id: its own (shape 3) or, for older ones, looked up from its labels. */
function pricedIds(e: Json, ids?: ModelIdsOfLabels): { api?: string; hostedOpen?: string } {
  const c = (e.comparison ?? {}) as Record<string, string | undefined>;
  const api = c.apiModelId ?? (c.apiModel ? ids?.api(c.apiModel) : undefined);
  const hostedOpen = c.hostedModelId ?? (c.hostedModel ? ids?.hostedOpen(c.hostedModel) : undefined);
  return { ...(api ? { api } : {}), ...(hostedOpen ? { hostedOpen } : {}) };
}

/** The one mapper from a stored row to what pages, routes, share links and the PDF render. */
export function toStoredRevision(row: RevisionRow, modelIds?: ModelIdsOfLabels): StoredRevision {
  const version = row.shapeVersion ?? 1;
  const common = {
    id: row.id,
    number: row.number,
    createdAt: iso(row.createdAt),
    catalogVersion: row.catalogVersion,
    recommendation: row.recommendation,
    storedShapeVersion: version,
  };
  if (version > REVISION_SHAPE_VERSION)
    throw new Error(
      `revision ${row.id} was stored in shape ${version}, newer than this server understands (${REVISION_SHAPE_VERSION})`,
    );
  if (row.kind === "portfolio") {
    return {
      ...common,
      kind: "portfolio",
      notRecorded: [],
      input: row.input as ParsedPortfolioInput,
      evaluation: row.evaluation as PortfolioEvaluation,
    };
  }
  // Shapes 1–2: price overrides were not bound; bind them to the models that revision priced.
  const input =
    version < 3
      ? bindPriceOverrides(row.input as ParsedAssessmentInput, pricedIds(row.evaluation as Json, modelIds))
      : (row.input as ParsedAssessmentInput);
  if (version === 1) {
    const { evaluation, notRecorded } = upgradeEvaluationV1(row.evaluation as Json);
    return { ...common, kind: "assessment", notRecorded, input, evaluation };
  }
  return { ...common, kind: "assessment", notRecorded: [], input, evaluation: row.evaluation as Evaluation };
}

/** What a save writes: today's shape version with its kind (an assessment's price overrides bound to the models it priced). */
export function revisionColumns(
  kind: RevisionKind,
  input: unknown,
  evaluation: { catalogVersion: string },
  recommendation: string,
) {
  const bound =
    kind === "assessment"
      ? bindPriceOverrides(input as ParsedAssessmentInput, pricedIds(evaluation as unknown as Json))
      : input;
  return {
    kind,
    shapeVersion: REVISION_SHAPE_VERSION,
    input: toJson(bound),
    evaluation: toJson(evaluation),
    catalogVersion: evaluation.catalogVersion,
    recommendation,
  };
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
