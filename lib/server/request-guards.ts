import "server-only";
import { publicOrigin } from "./env";
import { HttpError } from "./http-errors";

// Cross-site request forgery guards for state-changing requests (POST/PUT/PATCH/DELETE). ONE rule,
// applied by proxy.ts to every state change before anything handles it — API routes with or without
// a body, Auth.js, the /signin server action — and again by the route wrapper:
// - Sec-Fetch-Site, when sent, must be same-origin or none ("same-site" is refused too: a sibling
//   subdomain is another origin);
// - Origin, when sent, must be the app's public origin (AUTH_URL; in development without it, the
//   request's own origin). "null" (sandboxed frames, some redirects) is refused.
// Every browser sends at least one of the two on a cross-origin state change (Origin on every
// cross-origin POST/PUT/PATCH/DELETE, Sec-Fetch-Site since 2023 in all engines), so a request with
// neither is not a page riding a cookie (curl, servers, tests) and passes.
// Route bodies must also be declared application/json, which a cross-site <form> or a "simple"
// fetch cannot send without a CORS preflight that this app never grants.

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
