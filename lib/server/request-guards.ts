import "server-only";
import { publicOrigin } from "./env";
import { HttpError } from "./http-errors";

// Cross-site request forgery guards for state-changing requests (POST/PUT/PATCH/DELETE):
// - a browser's Origin must be the app's public origin (AUTH_URL; in development without it,
//   the request's own origin), and Sec-Fetch-Site, when sent, must be same-origin or none
//   ("same-site" is refused too: a sibling subdomain is another origin);
// - a body must be declared application/json, which a cross-site <form> or a "simple"
//   fetch cannot send without a CORS preflight that this app never grants.
// Callers without Origin and Sec-Fetch-Site (curl, servers) are not browsers riding a
// cookie, and pass.

export const isStateChanging = (method: string) => !["GET", "HEAD", "OPTIONS"].includes(method.toUpperCase());

export function isSameOriginRequest(req: Request): boolean {
  const site = req.headers.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") return false;
  const origin = req.headers.get("origin");
  if (origin === null) return true;
  return origin === publicOrigin(req);
}

export function assertSameOrigin(req: Request): void {
  if (!isSameOriginRequest(req)) throw new HttpError("forbidden", "Cross-origin requests may not change data.");
}

const JSON_TYPE = /^application\/([a-z0-9.+-]*\+)?json\s*(;.*)?$/i;

export function assertJsonContentType(req: Request): void {
  const type = req.headers.get("content-type") ?? "";
  if (!JSON_TYPE.test(type.trim())) {
    throw new HttpError("unsupported_media_type", "Send the body as JSON with Content-Type: application/json.");
  }
}
