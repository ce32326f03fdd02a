import crypto from "node:crypto";

/**
 * What the database keeps of a bearer token (session cookies, share links): its SHA-256, hex. The
 * tokens are 256-bit random values, so a plain hash is enough and lookups stay one indexed
 * equality; a database leak does not leak a working cookie or link.
 */
export function hashToken(token: string): string {
  return crypto.createHash("sha256").update(token, "utf8").digest("hex");
}
