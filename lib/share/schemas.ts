import { z } from "zod";

// Shared by the share-link form (client) and the route handlers (server).

export const MAX_SHARE_DAYS = 365;
/** A link asked for without an expiry (or whose expiry is cleared) expires this long after: every link expires. */
export const DEFAULT_SHARE_DAYS = MAX_SHARE_DAYS;

export const createShareLinkSchema = z.object({
  revisionId: z.string().min(1).optional(),
  // Days until the link stops working; omitted = DEFAULT_SHARE_DAYS (lib/server/share-links.ts shareExpiry).
  expiresInDays: z.number().int().min(1).max(MAX_SHARE_DAYS).optional(),
});
export type CreateShareLinkInput = z.infer<typeof createShareLinkSchema>;

export const updateShareLinkSchema = z
  .object({
    revoke: z.literal(true).optional(),
    expiresAt: z.iso.datetime().nullable().optional(),
  })
  .refine((v) => v.revoke !== undefined || v.expiresAt !== undefined, { message: "Nothing to change." });
export type UpdateShareLinkInput = z.infer<typeof updateShareLinkSchema>;

/** THE share-link type: the data layer returns it, routes send it, the share panel renders it (dates ISO 8601 UTC). */
export type ShareLink = {
  id: string;
  revisionId: string;
  revisionNumber: number;
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
  lastViewedAt: string | null;
  status: "active" | "expired" | "revoked";
};

/** @deprecated name kept for existing imports: the same type as ShareLink. */
export type ShareLinkDto = ShareLink;

export const shareUrl = (origin: string, token: string) => `${origin}/s/${token}`;
