import "server-only";
import crypto from "node:crypto";
import { z } from "zod";
import { db } from "./db";
import { HttpError, notFound } from "./http-errors";
import type { ApiKeySummary } from "@/lib/api-keys";

// API keys for the public API (/api/v1/*). A key is "roo_" + 32 random bytes in base64url (256
// bits), shown once at creation; only its SHA-256 is stored (a fast hash is right for a random
// secret of this size: nothing to brute-force), so a database leak leaks no working key. A request
// that sends one (Authorization: Bearer roo_… or X-API-Key) is counted against the key's own rate
// limit; a key that is unknown or revoked is refused (401) rather than silently treated as
// anonymous, so a caller learns at once that its key stopped working.

export const API_KEY_PREFIX = "roo_";
const KEY_BYTES = 32;
/** Characters of the key kept in clear for the list ("roo_AbCd1234…"). */
const SHOWN_CHARS = API_KEY_PREFIX.length + 8;
/** A user's live keys; revoke one to make room. */
export const MAX_ACTIVE_KEYS = 10;
/** lastUsedAt is written at most this often per key (a busy key must not write on every request). */
const LAST_USED_RESOLUTION_MS = 60_000;

export const createApiKeySchema = z.object({
  name: z.string({ error: "Name the key" }).trim().min(1, "Name the key").max(60, "At most 60 characters"),
});

export type { ApiKeySummary };

export function hashApiKey(key: string): string {
  return crypto.createHash("sha256").update(key, "utf8").digest("hex");
}

const summarize = (k: {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}): ApiKeySummary => ({
  id: k.id,
  name: k.name,
  prefix: k.prefix,
  createdAt: k.createdAt.toISOString(),
  lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
  revokedAt: k.revokedAt?.toISOString() ?? null,
});

export async function createApiKey(userId: string, name: string): Promise<{ key: string; apiKey: ApiKeySummary }> {
  const active = await db().apiKey.count({ where: { userId, revokedAt: null } });
  if (active >= MAX_ACTIVE_KEYS)
    throw new HttpError("conflict", `At most ${MAX_ACTIVE_KEYS} active keys; revoke one first.`);
  const key = API_KEY_PREFIX + crypto.randomBytes(KEY_BYTES).toString("base64url");
  const row = await db().apiKey.create({
    data: { userId, name, prefix: key.slice(0, SHOWN_CHARS), keyHash: hashApiKey(key) },
  });
  return { key, apiKey: summarize(row) };
}

export async function listApiKeys(userId: string): Promise<ApiKeySummary[]> {
  const rows = await db().apiKey.findMany({ where: { userId }, orderBy: { createdAt: "desc" } });
  return rows.map(summarize);
}

/** Revokes one of the caller's keys (idempotent); a foreign or unknown id is a 404. */
export async function revokeApiKey(userId: string, id: string): Promise<ApiKeySummary> {
  const row = await db().apiKey.findFirst({ where: { id, userId } });
  if (!row) throw notFound("API key not found.");
  if (row.revokedAt) return summarize(row);
  return summarize(await db().apiKey.update({ where: { id }, data: { revokedAt: new Date() } }));
}

/** The API key a request carries, if any (Authorization: Bearer roo_… or X-API-Key: roo_…). */
export function apiKeyFrom(headers: Headers): string | undefined {
  const auth = headers.get("authorization");
  const bearer = auth?.match(/^Bearer\s+(\S+)\s*$/i)?.[1];
  const key = bearer ?? headers.get("x-api-key")?.trim();
  return key || undefined;
}

/** The live key's id for a presented key; 401 when it is malformed, unknown or revoked. */
export async function authenticateApiKey(key: string): Promise<{ id: string; userId: string }> {
  const refused = new HttpError(
    "unauthorized",
    "The API key is not valid (unknown or revoked). Omit it to call the API anonymously at the per-IP limit.",
  );
  if (!key.startsWith(API_KEY_PREFIX) || key.length > 100) throw refused;
  const row = await db().apiKey.findUnique({
    where: { keyHash: hashApiKey(key) },
    select: { id: true, userId: true, revokedAt: true, lastUsedAt: true },
  });
  if (!row || row.revokedAt) throw refused;
  const now = Date.now();
  if (!row.lastUsedAt || now - row.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await db().apiKey.update({ where: { id: row.id }, data: { lastUsedAt: new Date(now) } });
  }
  return { id: row.id, userId: row.userId };
}
