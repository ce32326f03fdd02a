// The browser's one way to call this app's API: JSON in, the `{ error, message, issues? }` error
// shape (lib/server/http-errors.ts) out as an ApiError whose message is ready to show. Projects,
// share links, saving and the PDF downloads all go through it.

/** An API failure with its HTTP status and error code (e.g. 409 "conflict"), message ready to show. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** From a 429/503 `Retry-After` header: when trying again makes sense, in seconds. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

export type ApiInit = { method?: string; body?: unknown };

/** The raw response of a successful call (for non-JSON bodies such as a PDF); an ApiError otherwise. */
export async function apiRequest(url: string, init: ApiInit = {}): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(url, {
      method: init.method ?? "GET",
      ...(init.body === undefined
        ? {}
        : { body: JSON.stringify(init.body), headers: { "content-type": "application/json" } }),
    });
  } catch {
    throw new ApiError(0, "network_error", "The server could not be reached. Check your connection and try again.");
  }
  if (res.ok) return res;
  const body = (await res.json().catch(() => ({}))) as { error?: string; message?: string };
  const retryAfter = Number(res.headers.get("retry-after"));
  throw new ApiError(
    res.status,
    body.error ?? "error",
    body.message ?? `Request failed (${res.status}).`,
    Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
  );
}

/** A JSON call: the parsed body on success (`{}` for 204), an ApiError with the server's message otherwise. */
export async function apiFetch<T>(url: string, init: ApiInit = {}): Promise<T> {
  const res = await apiRequest(url, init);
  return (res.status === 204 ? {} : await res.json().catch(() => ({}))) as T;
}
