import type { z } from "zod";

// The one error shape every route answers with: { error: <code>, message, issues? }.
export type ErrorCode =
  | "invalid_input"
  | "invalid_json"
  | "payload_too_large"
  | "unsupported_media_type"
  | "unauthorized"
  | "not_found"
  | "conflict"
  | "gone"
  | "internal_error";

export type Issue = { path: string; message: string };

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly issues?: Issue[],
  ) {
    super(message);
  }
}

export const notFound = (what = "Not found") => new HttpError(404, "not_found", what);
export const conflict = (message: string) => new HttpError(409, "conflict", message);
export const unauthorized = () => new HttpError(401, "unauthorized", "Sign in to continue.");

/** zod issues as `{ path: "volume.requestsPerDay", message }`, the contract's format. */
export function toIssues(error: z.ZodError): Issue[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message }));
}

export function invalidInput(error: z.ZodError): HttpError {
  return new HttpError(400, "invalid_input", "The request did not match the schema.", toIssues(error));
}

export function errorResponse(error: HttpError): Response {
  const body: Record<string, unknown> = { error: error.code, message: error.message };
  if (error.issues) body.issues = error.issues;
  return Response.json(body, { status: error.status, headers: { "cache-control": "no-store" } });
}
