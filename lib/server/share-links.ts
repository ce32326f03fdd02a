import "server-only";
import crypto from "node:crypto";
import { db } from "./db";
import { DEFAULT_SHARE_DAYS, MAX_SHARE_DAYS, type ShareLink } from "@/lib/share/schemas";
import { toStoredRevision, type StoredRevision } from "@/lib/projects/stored-revision";
import { catalogModelIds } from "@/lib/projects/model-ids";
import { conflict, HttpError, notFound } from "./http-errors";
import { hashToken } from "./token-hash";

// Read-only links to one saved revision. The token is 32 random bytes (256 bits) in base64url;
// only its SHA-256 is stored, so a database leak does not leak working links. The owner sees
// links by id (never the token again), can set an expiry and revoke. Every link expires: one rule
// (shareExpiry) for creation and edits — at most MAX_SHARE_DAYS ahead, DEFAULT_SHARE_DAYS when none
// is given — and a row stored without one (before that rule) counts from its creation.

const TOKEN_BYTES = 32;

export function generateShareToken(): string {
  return crypto.randomBytes(TOKEN_BYTES).toString("base64url");
}

export const hashShareToken = hashToken;

/** The one share-link type (lib/share/schemas.ts): what routes return and the panel renders, dates as ISO strings. */
export type ShareLinkSummary = ShareLink;
const isoOrNull = (d: Date | null) => (d ? d.toISOString() : null);

const DAY_MS = 86_400_000;

/** When a link stops working. Rows from before every link had an expiry: DEFAULT_SHARE_DAYS after creation. */
function effectiveExpiry(link: { createdAt: Date; expiresAt: Date | null }): Date {
  return link.expiresAt ?? new Date(link.createdAt.getTime() + DEFAULT_SHARE_DAYS * DAY_MS);
}

function statusOf(
  link: { createdAt: Date; expiresAt: Date | null; revokedAt: Date | null },
  now: Date,
): ShareLinkSummary["status"] {
  if (link.revokedAt) return "revoked";
  if (effectiveExpiry(link) <= now) return "expired";
  return "active";
}

/** Creates a link to a revision of a project the caller owns; a foreign or unknown id is a 404. */
export async function createShareLink(
  input: {
    ownerId: string;
    projectId: string;
    revisionId?: string;
    expiresAt?: Date | null;
  },
  now = new Date(),
): Promise<{ token: string; link: ShareLinkSummary }> {
  const expiresAt = shareExpiry(input.expiresAt, now);
  const revision = await db().revision.findFirst({
    where: {
      projectId: input.projectId,
      project: { ownerId: input.ownerId },
      ...(input.revisionId ? { id: input.revisionId } : {}),
    },
    orderBy: { number: "desc" },
    select: { id: true, number: true },
  });
  if (!revision) throw notFound("Project or revision not found.");
  const token = generateShareToken();
  const link = await db().shareLink.create({
    data: {
      projectId: input.projectId,
      revisionId: revision.id,
      tokenHash: hashShareToken(token),
      expiresAt,
    },
  });
  return { token, link: { ...summarize(link, revision.number, now) } };
}

function summarize(
  link: {
    id: string;
    revisionId: string;
    createdAt: Date;
    expiresAt: Date | null;
    revokedAt: Date | null;
    lastViewedAt: Date | null;
  },
  revisionNumber: number,
  now: Date,
): ShareLinkSummary {
  return {
    id: link.id,
    revisionId: link.revisionId,
    revisionNumber,
    createdAt: link.createdAt.toISOString(),
    expiresAt: effectiveExpiry(link).toISOString(),
    revokedAt: isoOrNull(link.revokedAt),
    lastViewedAt: isoOrNull(link.lastViewedAt),
    status: statusOf(link, now),
  };
}

export async function listShareLinks(
  ownerId: string,
  projectId: string,
  now = new Date(),
): Promise<ShareLinkSummary[]> {
  const project = await db().project.findFirst({ where: { id: projectId, ownerId }, select: { id: true } });
  if (!project) throw notFound("Project not found.");
  const links = await db().shareLink.findMany({
    where: { projectId, project: { ownerId } },
    include: { revision: { select: { number: true } } },
    orderBy: { createdAt: "desc" },
  });
  return links.map((l) => summarize(l, l.revision.number, now));
}

/**
 * THE expiry rule, for creating a link and for changing its expiry: a given date must be in the
 * future and at most MAX_SHARE_DAYS from now (400 otherwise); none (undefined, or null to clear it)
 * means DEFAULT_SHARE_DAYS from now. Links without an expiry used to work forever.
 */
export function shareExpiry(requested: Date | null | undefined, now: Date): Date {
  if (requested == null) return new Date(now.getTime() + DEFAULT_SHARE_DAYS * DAY_MS);
  const issue = (message: string) => new HttpError("invalid_input", message, [{ path: "expiresAt", message }]);
  if (Number.isNaN(requested.getTime())) throw issue("Not a date.");
  if (requested <= now) throw issue("The expiry must be in the future.");
  if (requested.getTime() > now.getTime() + MAX_SHARE_DAYS * DAY_MS)
    throw issue(`A link can stay valid for at most ${MAX_SHARE_DAYS} days.`);
  return requested;
}

/** Changes a link the caller owns: revoke it, or set/clear its expiry. */
export async function updateShareLink(
  ownerId: string,
  linkId: string,
  change: { revoke?: boolean; expiresAt?: Date | null },
  now = new Date(),
): Promise<ShareLinkSummary> {
  const existing = await db().shareLink.findFirst({
    where: { id: linkId, project: { ownerId } },
    include: { revision: { select: { number: true } } },
  });
  if (!existing) throw notFound("Share link not found.");
  if (change.expiresAt !== undefined) {
    // A link that stopped working stays stopped: a new link is a new decision to share.
    const status = statusOf(existing, now);
    if (status !== "active") throw conflict(`This link is ${status}; create a new link instead.`);
  }
  const updated = await db().shareLink.update({
    where: { id: existing.id },
    data: {
      ...(change.revoke ? { revokedAt: existing.revokedAt ?? now } : {}),
      ...(change.expiresAt !== undefined ? { expiresAt: shareExpiry(change.expiresAt, now) } : {}),
    },
  });
  return summarize(updated, existing.revision.number, now);
}

export type ResolvedShare =
  | {
      status: "active";
      projectName: string;
      /** Upgraded to today's shape by the one mapper projects use too. */
      revision: StoredRevision;
    }
  | { status: "not_found" | "revoked" | "expired" };

/** Looks a token up for a public viewer. Never reveals anything about the owner. */
export async function resolveShareToken(token: string, now = new Date()): Promise<ResolvedShare> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return { status: "not_found" };
  const link = await db().shareLink.findUnique({
    where: { tokenHash: hashShareToken(token) },
    include: {
      project: { select: { name: true } },
      revision: {
        select: {
          id: true,
          number: true,
          kind: true,
          shapeVersion: true,
          recommendation: true,
          input: true,
          evaluation: true,
          catalogVersion: true,
          createdAt: true,
        },
      },
    },
  });
  if (!link) return { status: "not_found" };
  const status = statusOf(link, now);
  if (status !== "active") return { status };
  await db().shareLink.update({ where: { id: link.id }, data: { lastViewedAt: now } });
  return {
    status: "active",
    projectName: link.project.name,
    revision: toStoredRevision(link.revision, catalogModelIds),
  };
}
