import "server-only";
import { catalogVersion, evaluate, type Evaluation, type ParsedAssessmentInput } from "@/lib/engine";
import {
  evaluatePortfolio,
  isPortfolioShape,
  type ParsedPortfolioInput,
  type PortfolioEvaluation,
} from "@/lib/engine/portfolio";
import {
  diffEvaluations,
  diffPortfolios,
  portfolioMoved,
  resultsMoved,
  type EvaluationDiff,
  type PortfolioDiff,
} from "@/lib/projects/diff";
import type { ProjectSummary } from "@/lib/projects/schemas";
import {
  PORTFOLIO_RECOMMENDATION,
  revisionColumns,
  toStoredRevision,
  type StoredRevision,
} from "@/lib/projects/stored-revision";
import { catalogModelIds } from "@/lib/projects/model-ids";
import type { Prisma } from "@/generated/prisma/client";
import { db } from "./db";
import { conflict, notFound } from "./http-errors";
import { currentNotices } from "./price-watch";

// Saved projects. Every query names the owner in its `where`; a project that is not the caller's
// is indistinguishable from one that does not exist (404). Revisions are immutable.

export type SavedInput = ParsedAssessmentInput | ParsedPortfolioInput;

/** The one authorization check for a project: loads it by id AND owner, or 404. */
export async function getOwnedProject(ownerId: string, projectId: string) {
  const project = await db().project.findFirst({ where: { id: projectId, ownerId } });
  if (!project) throw notFound("Project not found.");
  return project;
}

/** Prisma's `contains` is a SQL LIKE: escape its wildcards so "%" or "_" in a search are literal. */
const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

export async function listProjects(
  ownerId: string,
  opts: { q?: string; sort?: "updated" | "name" } = {},
): Promise<ProjectSummary[]> {
  const rows = await db().project.findMany({
    where: { ownerId, ...(opts.q ? { name: { contains: escapeLike(opts.q), mode: "insensitive" as const } } : {}) },
    orderBy: opts.sort === "name" ? { name: "asc" } : { updatedAt: "desc" },
    include: { _count: { select: { revisions: true } } },
  });
  const notices = await currentNotices(ownerId);
  return rows.map((p) => ({
    id: p.id,
    name: p.name,
    version: p.version,
    latestRecommendation: p.latestRecommendation,
    latestCatalogVersion: p.latestCatalogVersion,
    catalogIsCurrent: p.latestCatalogVersion === catalogVersion,
    revisionCount: p._count.revisions,
    updatedAt: p.updatedAt.toISOString(),
    ...(notices.has(p.id) ? { priceNotice: notices.get(p.id) } : {}),
  }));
}

/** Computes the result on the server (never taken from the client) and the columns of a revision in today's shape. */
function computeRevision(input: SavedInput) {
  if (isPortfolioShape(input)) {
    const evaluation = evaluatePortfolio(input as ParsedPortfolioInput);
    return revisionColumns("portfolio", input, evaluation, PORTFOLIO_RECOMMENDATION) as RevisionData;
  }
  const evaluation = evaluate(input as ParsedAssessmentInput);
  return revisionColumns("assessment", input, evaluation, evaluation.recommendation) as RevisionData;
}
type RevisionData = {
  kind: string;
  shapeVersion: number;
  input: Prisma.InputJsonValue;
  evaluation: Prisma.InputJsonValue;
  catalogVersion: string;
  recommendation: string;
};

/** Creates a project with its first revision; the verdict is computed here, never taken from the client. */
export async function createProject(ownerId: string, name: string, input: SavedInput) {
  const data = computeRevision(input);
  return db().$transaction(async (tx) => {
    const project = await tx.project.create({
      data: { ownerId, name, latestRecommendation: data.recommendation, latestCatalogVersion: data.catalogVersion },
    });
    await tx.revision.create({ data: { projectId: project.id, number: 1, ...data } });
    return project;
  });
}

/**
 * Saves a new revision if the project is still at `expectedVersion` (optimistic concurrency):
 * a second tab that started from an older version gets 409 and nothing is overwritten.
 */
export async function saveRevision(ownerId: string, projectId: string, input: SavedInput, expectedVersion: number) {
  const data = computeRevision(input);
  return db().$transaction(async (tx) => {
    const bumped = await tx.project.updateMany({
      where: { id: projectId, ownerId, version: expectedVersion },
      data: {
        version: { increment: 1 },
        latestRecommendation: data.recommendation,
        latestCatalogVersion: data.catalogVersion,
      },
    });
    if (bumped.count === 0) {
      const exists = await tx.project.findFirst({ where: { id: projectId, ownerId }, select: { version: true } });
      if (!exists) throw notFound("Project not found.");
      throw conflict(
        `This project was saved elsewhere since you opened it (it is now at version ${exists.version}; you started from version ${expectedVersion}). Nothing was overwritten: open the latest revision, or save these answers as a new revision on top of it.`,
      );
    }
    const last = await tx.revision.findFirst({
      where: { projectId },
      orderBy: { number: "desc" },
      select: { number: true },
    });
    const revision = await tx.revision.create({ data: { projectId, number: (last?.number ?? 0) + 1, ...data } });
    return { revision, version: expectedVersion + 1 };
  });
}

export async function renameProject(ownerId: string, projectId: string, name: string) {
  const updated = await db().project.updateMany({ where: { id: projectId, ownerId }, data: { name } });
  if (updated.count === 0) throw notFound("Project not found.");
  return getOwnedProject(ownerId, projectId);
}

/** Copies the project with its latest revision (as revision 1 of the copy). */
export async function duplicateProject(ownerId: string, projectId: string) {
  const source = await getOwnedProject(ownerId, projectId);
  const latest = await db().revision.findFirst({ where: { projectId: source.id }, orderBy: { number: "desc" } });
  if (!latest) throw notFound("Project has no revisions.");
  return db().$transaction(async (tx) => {
    const copy = await tx.project.create({
      data: {
        ownerId,
        name: `${source.name} (copy)`.slice(0, 120),
        latestRecommendation: latest.recommendation,
        latestCatalogVersion: latest.catalogVersion,
      },
    });
    await tx.revision.create({
      // Copied as stored (same kind and shape version): the copy upgrades on read like the original.
      data: {
        projectId: copy.id,
        number: 1,
        kind: latest.kind,
        shapeVersion: latest.shapeVersion,
        input: latest.input as Prisma.InputJsonValue,
        evaluation: latest.evaluation as Prisma.InputJsonValue,
        catalogVersion: latest.catalogVersion,
        recommendation: latest.recommendation,
      },
    });
    return copy;
  });
}

/** Deletes the project, its revisions and share links in one transaction (cascades in the schema). */
export async function deleteProject(ownerId: string, projectId: string) {
  const deleted = await db().project.deleteMany({ where: { id: projectId, ownerId } });
  if (deleted.count === 0) throw notFound("Project not found.");
}

export async function listRevisions(ownerId: string, projectId: string) {
  await getOwnedProject(ownerId, projectId);
  return db()
    .revision.findMany({
      where: { projectId, project: { ownerId } },
      orderBy: { number: "desc" },
      select: { id: true, number: true, kind: true, recommendation: true, catalogVersion: true, createdAt: true },
    })
    .then((rows) => rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })));
}

export async function getRevision(ownerId: string, projectId: string, number: number) {
  const revision = await db().revision.findFirst({ where: { projectId, number, project: { ownerId } } });
  if (!revision) throw notFound("Revision not found.");
  return toStoredRevision(revision, catalogModelIds);
}

export async function latestRevision(ownerId: string, projectId: string) {
  const revision = await db().revision.findFirst({
    where: { projectId, project: { ownerId } },
    orderBy: { number: "desc" },
  });
  if (!revision) throw notFound("Revision not found.");
  return toStoredRevision(revision, catalogModelIds);
}

export type TodaysResult =
  | { kind: "unchanged" }
  | { kind: "moved"; today: Evaluation; diff: EvaluationDiff; catalogChanged: boolean }
  | { kind: "moved-portfolio"; today: PortfolioEvaluation; diff: PortfolioDiff; catalogChanged: boolean }
  /** The stored answers no longer pass today's schema: the user has to revisit them. */
  | { kind: "incompatible"; message: string };

/**
 * A saved revision recomputed with today's catalog and engine, to tell the owner what re-saving
 * would change. The stored revision itself is never modified.
 */
export function recomputeWithToday(revision: StoredRevision): TodaysResult {
  try {
    if (revision.kind === "portfolio") {
      const today = evaluatePortfolio(revision.input);
      const diff = diffPortfolios(revision.evaluation, today);
      return portfolioMoved(diff)
        ? { kind: "moved-portfolio", today, diff, catalogChanged: diff.catalog.changed }
        : { kind: "unchanged" };
    }
    const today = evaluate(revision.input);
    const diff = diffEvaluations(revision.evaluation, today);
    return resultsMoved(diff)
      ? { kind: "moved", today, diff, catalogChanged: diff.catalog.changed }
      : { kind: "unchanged" };
  } catch (error) {
    return { kind: "incompatible", message: error instanceof Error ? error.message : String(error) };
  }
}
