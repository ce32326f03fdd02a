import type { z } from "zod";

// The one error shape every route answers with: { error: <code>, message, issues? }.
// The HTTP status follows from the code through ONE table; callers never pass a status.
export const STATUS_OF = {
  invalid_input: 400,
  invalid_json: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  gone: 410,
  payload_too_large: 413,
  unsupported_media_type: 415,
  too_many_requests: 429,
  internal_error: 500,
  service_unavailable: 503,
} as const;

export type ErrorCode = keyof typeof STATUS_OF;

export type Issue = { path: string; message: string };

export class HttpError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: Issue[],
    /** Seconds; sent as Retry-After (429, 503). */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.status = STATUS_OF[code];
  }
}

export const notFound = (what = "Not found") => new HttpError("not_found", what);
export const conflict = (message: string) => new HttpError("conflict", message);
export const unauthorized = () => new HttpError("unauthorized", "Sign in to continue.");
export const serviceUnavailable = (
  message = "The service is temporarily unavailable; try again shortly.",
  retryAfterSeconds = 5,
) => new HttpError("service_unavailable", message, undefined, retryAfterSeconds);
export const tooManyRequests = (retryAfterSeconds: number, what = "requests") =>
  new HttpError(
    "too_many_requests",
    `Too many ${what}; try again in ${retryAfterSeconds} s.`,
    undefined,
    retryAfterSeconds,
  );

/** zod issues as `{ path: "volume.requestsPerDay", message }`, the contract's format. */
export function toIssues(error: z.ZodError): Issue[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message }));
}

export function invalidInput(error: z.ZodError, prefix?: string): HttpError {
  const issues = toIssues(error).map((i) => (prefix ? { ...i, path: i.path ? `${prefix}.${i.path}` : prefix } : i));
  return new HttpError("invalid_input", "The request did not match the schema.", issues);
}

export function errorResponse(error: HttpError, extraHeaders?: Record<string, string>): Response {
  const body: Record<string, unknown> = { error: error.code, message: error.message };
  if (error.issues) body.issues = error.issues;
  const headers: Record<string, string> = { "cache-control": "no-store", ...extraHeaders };
  if (error.retryAfterSeconds !== undefined)
    headers["retry-after"] = String(Math.max(1, Math.ceil(error.retryAfterSeconds)));
  return Response.json(body, { status: error.status, headers });
}
