// The one check for "where to go after sign-in" (sign-in page, Auth.js redirect callback).
// Only a path on this site is accepted: the value is resolved with `new URL` against the site's
// origin and must keep that origin; backslashes (browsers read `/\evil` as `//evil`), control
// characters (tab, CR, LF: `/%09/evil`, header injection) and over-long values are refused.
// Anything else falls back to `fallback`. Returns a path (+ query + hash), never an absolute URL.

const BASE = "https://rentorown.invalid";
const FORBIDDEN = /[\\\u0000-\u001f\u007f]/;

export function safeRedirectPath(value: unknown, fallback = "/projects"): string {
  if (typeof value !== "string" || value.length === 0 || value.length > 2_000) return fallback;
  let decoded = value;
  try {
    // Look at the value once decoded as well: `%5C` and `%09` must not slip through.
    decoded = decodeURIComponent(value);
  } catch {
    return fallback;
  }
  if (FORBIDDEN.test(value) || FORBIDDEN.test(decoded)) return fallback;
  if (!value.startsWith("/") || value.startsWith("//")) return fallback;
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  return path.startsWith("//") ? fallback : path;
}

/** For Auth.js's redirect callback: absolute URLs on `origin` become their path; others fall back. */
export function safeRedirectUrl(value: string, origin: string, fallback = "/projects"): string {
  if (value.startsWith(origin + "/") || value === origin) {
    const rest = value.slice(origin.length) || "/";
    return origin + safeRedirectPath(rest, fallback);
  }
  return origin + safeRedirectPath(value, fallback);
}
