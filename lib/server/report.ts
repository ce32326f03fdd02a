import "server-only";

/** Where headless Chromium reaches this server: the request's own origin unless INTERNAL_URL says otherwise. */
export function reportOrigin(req: Request): string {
  return process.env.INTERNAL_URL ?? new URL(req.url).origin;
}
